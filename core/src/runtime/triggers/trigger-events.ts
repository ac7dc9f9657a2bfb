/**
 * Trigger events to automation runs: each new item of a trigger (from a poll
 * or an inbound webhook) becomes one `automation.run` job per enabled
 * automation that uses the trigger. The job's idempotency key is the
 * automation plus the event key, so an event delivered twice runs once.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { automations } from '../../db/schema/runtime.js';
import { JOB_KINDS, type AutomationRunPayload, type TriggerEventsPayload } from '../job-kinds.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { RuntimeDeps } from '../runtime-deps.js';

export interface TriggerEvent {
  /** Unique per trigger: the dedupe key of a polled item, or the inbound message id and index. */
  key: string;
  item: unknown;
}

/** Enqueues the runs; returns how many were new. Pass a transaction to commit them with the caller's writes. */
export async function fanOutEvents(db: DbOrTx, input: { installationId: string; triggerName: string; events: readonly TriggerEvent[]; now: Date }): Promise<number> {
  if (input.events.length === 0) return 0;
  const linked = await db
    .select({ id: automations.id })
    .from(automations)
    .where(and(eq(automations.triggerInstallationId, input.installationId), eq(automations.triggerName, input.triggerName), eq(automations.enabled, true)));
  let created = 0;
  for (const automation of linked) {
    for (const event of input.events) {
      const { created: isNew } = await enqueueJob(
        db,
        { kind: JOB_KINDS.AUTOMATION_RUN, maxAttempts: 5, idempotencyKey: `automation:${automation.id}:${event.key}`, payload: { automationId: automation.id, event: event.item, eventKey: event.key } satisfies AutomationRunPayload },
        input.now,
      );
      if (isNew) created += 1;
    }
  }
  return created;
}

/** Handler for `trigger.events` (inbound webhooks queue their items this way, to answer fast). */
export function triggerEventsJobHandler(deps: RuntimeDeps): JobHandler {
  return {
    kind: JOB_KINDS.TRIGGER_EVENTS,
    run: async (job) => {
      const payload = job.payload as TriggerEventsPayload;
      const events = payload.items.map((item, i) => ({ key: `${payload.batchKey}:${i}`, item }));
      await deps.db.transaction((tx) => fanOutEvents(tx, { installationId: payload.installationId, triggerName: payload.triggerName, events, now: deps.clock.now() }));
    },
  };
}
