/** Messages between the platform and its certification worker process. */
import type { PluginBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';

export type CertificationRequest =
  | { id: number; op: 'load'; bundle: PluginBundle }
  | { id: number; op: 'runTests'; bundle: PluginBundle }
  | { id: number; op: 'timeSync'; bundle: PluginBundle; name: string; session?: string }
  | { id: number; op: 'timeAction'; bundle: PluginBundle; name: string; runs: number };

export type CertificationReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
