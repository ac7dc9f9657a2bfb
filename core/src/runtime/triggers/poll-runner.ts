/**
 * Polling triggers, as Zapier runs them: the plugin's `poll` returns the
 * latest items; each item's declared dedupe key is checked against the keys
 * seen before (kept per trigger, bounded to the newest MAX_SEEN_KEYS). The
 * first poll only records a baseline and fires nothing; later polls turn
 * unseen items (at most MAX_NEW_ITEMS_PER_POLL) into trigger events.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import { triggerStates } from '../../db/schema/runtime-triggers.js';
import { JOB_KINDS, type TriggerPollPayload } from '../job-kinds.js';
import { PermanentJobError } from '../jobs/job-errors.js';
import type { JobRow } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { invokePlugin, loadInstallation } from '../plugin-invoker.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { fanOutEvents } from './trigger-events.js';

export const MAX_SEEN_KEYS = 10_000;
export const MAX_NEW_ITEMS_PER_POLL = 100;

export const POLL_ERROR_CODES = {
  TRIGGER_NOT_POLLING: 'TRIGGER_NOT_POLLING',
  POLL_OUTPUT_INVALID: 'POLL_OUTPUT_INVALID',
  POLL_ITEM_WITHOUT_KEY: 'POLL_ITEM_WITHOUT_KEY',
} as const;

export interface PollOutcome {
  baseline: boolean;
  items: number;
  fired: number;
}

/** Records the keys; returns the ones not seen before, in the given order. */
async function markSeen(tx: DbOrTx, installationId: string, triggerName: string, keys: string[], now: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const values = sql.join(keys.map((k) => sql`(${installationId}::uuid, ${triggerName}, ${k}, ${now.toISOString()}::timestamptz)`), sql`, `);
  // Refreshing seen_at keeps keys the upstream still returns among the newest, so the bound never drops them.
  const result = await tx.execute(sql`
    insert into trigger_seen_keys (installation_id, trigger_name, dedupe_key, seen_at) values ${values}
    on conflict (installation_id, trigger_name, dedupe_key) do update set seen_at = excluded.seen_at
    returning dedupe_key, (xmax = 0) as inserted`);
  return new Set(rowsOf<{ dedupe_key: string; inserted: boolean }>(result).filter((r) => r.inserted).map((r) => r.dedupe_key));
}

async function pruneSeen(tx: DbOrTx, installationId: string, triggerName: string): Promise<void> {
  await tx.execute(sql`
    delete from trigger_seen_keys where installation_id = ${installationId}::uuid and trigger_name = ${triggerName}
      and dedupe_key not in (
        select dedupe_key from trigger_seen_keys where installation_id = ${installationId}::uuid and trigger_name = ${triggerName}
        order by seen_at desc, dedupe_key limit ${MAX_SEEN_KEYS})`);
}

export async function runPollJob(deps: RuntimeDeps, job: JobRow): Promise<PollOutcome> {
  const { installationId, triggerName } = job.payload as TriggerPollPayload;
  const loaded = await loadInstallation(deps.db, installationId);
  const trigger = loaded.manifest.triggers?.[triggerName] as { type?: string; dedupeKey?: string } | undefined;
  if (trigger?.type !== 'polling') throw new PermanentJobError(POLL_ERROR_CODES.TRIGGER_NOT_POLLING, `${loaded.installation.pluginId} has no polling trigger named ${triggerName}.`);
  const dedupeKey = trigger.dedupeKey ?? 'id';
  const key = and(eq(triggerStates.installationId, installationId), eq(triggerStates.triggerName, triggerName));
  const started = deps.clock.now();
  await deps.db.insert(triggerStates).values({ installationId, triggerName }).onConflictDoNothing();
  const [state] = await deps.db.select().from(triggerStates).where(key);
  await deps.db.update(triggerStates).set({ lastPollAt: started }).where(key);

  const output = await invokePlugin(deps, loaded, 'trigger', triggerName, { state: state!.state });
  if (!Array.isArray(output)) throw new PermanentJobError(POLL_ERROR_CODES.POLL_OUTPUT_INVALID, 'A poll must return an array of items.');
  const items = output.map((item) => {
    const value = (item as Record<string, unknown> | null)?.[dedupeKey];
    if (value === undefined || value === null || value === '') throw new PermanentJobError(POLL_ERROR_CODES.POLL_ITEM_WITHOUT_KEY, `A ${triggerName} item has no "${dedupeKey}", the trigger's dedupe key.`);
    return { key: String(value), item };
  });

  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const fresh = await markSeen(tx, installationId, triggerName, [...new Set(items.map((i) => i.key))], now);
    await pruneSeen(tx, installationId, triggerName);
    if (!state!.baselineAt) {
      await tx.update(triggerStates).set({ baselineAt: now, lastError: null }).where(key);
      return { baseline: true, items: items.length, fired: 0 };
    }
    // Upstreams list newest first; fire oldest first, and only the newest MAX_NEW_ITEMS_PER_POLL.
    const unseen = items.filter((i, idx) => fresh.has(i.key) && items.findIndex((j) => j.key === i.key) === idx).slice(0, MAX_NEW_ITEMS_PER_POLL).reverse();
    await fanOutEvents(tx, { installationId, triggerName, events: unseen.map((u) => ({ key: `poll:${u.key}`, item: u.item })), now });
    await tx.update(triggerStates).set({ lastError: null }).where(key);
    return { baseline: false, items: items.length, fired: unseen.length };
  });
}

export function pollJobHandler(deps: RuntimeDeps): JobHandler {
  return {
    kind: JOB_KINDS.TRIGGER_POLL,
    run: async (job) => {
      await runPollJob(deps, job);
    },
  };
}
