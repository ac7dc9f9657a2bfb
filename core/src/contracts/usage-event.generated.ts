/**
 * Generated from schemas/usage-event.schema.json by `npm run schemas:generate` — do not edit.
 * A test fails when this file differs from what the generator produces.
 */
/* eslint-disable */

/**
 * One thing that happened with an integration, recorded once (idempotent on id) and rolled up per hour and day by installation, plugin, version, publisher and workspace.
 */
export interface UsageEvent {
  /**
   * Client-chosen id; sending the same event twice records it once.
   */
  id: string;
  /**
   * What happened.
   */
  type:
    | 'installed'
    | 'uninstalled'
    | 'enabled'
    | 'disabled'
    | 'connection_authorized'
    | 'connection_needs_reauth'
    | 'invocation'
    | 'records_synced'
    | 'upstream_api_call'
    | 'error'
    | 'automation_run'
    | 'signup_attributed'
    | 'revenue_attributed'
    | 'health_probe';
  occurredAt: string;
  workspaceId?: string;
  installationId?: string;
  pluginId?: string;
  versionId?: string;
  publisherId?: string;
  /**
   * How many (records synced, API calls); 1 when omitted.
   */
  quantity?: number;
  /**
   * Money in integer cents (revenue attributed / GMV influenced).
   */
  valueCents?: number;
  /**
   * Wall time of an invocation or run.
   */
  durationMs?: number;
  /**
   * Heap used by an invocation.
   */
  memoryBytes?: number;
  /**
   * ok, or the typed error of an invocation or run.
   */
  outcome?: string;
  /**
   * Extra non-secret facts.
   */
  data?: {};
}
