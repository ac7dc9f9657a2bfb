/** The shapes shared by the certification pipeline and its gates. */
import type { PluginBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import type { CERTIFICATION_GATES } from '../../db/schema/registry.js';

export type GateName = (typeof CERTIFICATION_GATES)[number];

export interface GateOutcome {
  status: 'passed' | 'failed' | 'skipped';
  /** Machine-readable facts shown in the certification report. */
  result: Record<string, unknown>;
}

export interface GateContext {
  bundle: PluginBundle;
  manifest: Record<string, unknown>;
  log(line: string): void;
}

/** What the sandbox-backed gates need; implemented over the production sandbox. */
export interface CertificationSandbox {
  /** Loads the bundle and reports what it defines, or why it cannot load. */
  load(bundle: PluginBundle): Promise<{ ok: true; defines: { actions: string[]; triggers: string[]; syncs: string[] } } | { ok: false; message: string }>;
  /** Runs the bundle's declarative tests offline against its own fixtures. */
  runTests(bundle: PluginBundle): Promise<Array<{ name: string; ok: boolean; message?: string; durationMs: number }>>;
  /**
   * Times one full run of a sync over the fixtures (following cursors) and returns records and
   * milliseconds. Runs with the same `session` share the plugin's store, as successive runs do.
   */
  timeSync(bundle: PluginBundle, sync: string, session?: string): Promise<{ ok: boolean; records: number; ms: number; message?: string }>;
  /** Invokes an action with its sample input `runs` times and returns each duration. */
  timeAction(bundle: PluginBundle, action: string, runs: number): Promise<{ ok: boolean; durationsMs: number[]; message?: string }>;
}

export interface Gate {
  name: GateName;
  run(ctx: GateContext): Promise<GateOutcome>;
}

/** The seed's targets, as platform settings with these defaults. */
export interface CertificationTargets {
  syncRecords: number;
  syncMaxMs: number;
  actionP95MaxMs: number;
  actionRuns: number;
  reliabilityRuns: number;
  reliabilityMin: number;
  maxMemoryMb: number;
}

export const DEFAULT_TARGETS: CertificationTargets = {
  syncRecords: 1000,
  syncMaxMs: 30_000,
  actionP95MaxMs: 200,
  actionRuns: 20,
  reliabilityRuns: 20,
  reliabilityMin: 0.95,
  maxMemoryMb: 256,
};
