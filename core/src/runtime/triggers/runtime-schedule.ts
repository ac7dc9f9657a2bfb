/**
 * The runtime's scheduler, itself a recurring job: enqueues a poll for every
 * polling trigger an enabled automation uses once its interval has passed
 * (at least one minute; per workspace plan), and a run for every scheduled
 * sync that is due. Idempotency keys name the time slot, so several
 * processes scheduling at once enqueue each poll once.
 */
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { workspaces } from '../../db/schema/identity.js';
import { installations } from '../../db/schema/installations.js';
import { pluginVersions } from '../../db/schema/registry.js';
import { triggerStates } from '../../db/schema/runtime-triggers.js';
import { automations, syncStates } from '../../db/schema/runtime.js';
import { JOB_KINDS, type TriggerPollPayload } from '../job-kinds.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { RUNNABLE_INSTALLATION_STATES } from '../plugin-invoker.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { requestSync } from '../syncs/sync-runner.js';

/** No trigger polls more often than this. */
export const MIN_POLL_INTERVAL_SECONDS = 60;

/** Poll interval by workspace plan (Zapier: 15 min on free plans down to 1 min on the top plans). */
export const POLL_INTERVAL_SECONDS_BY_PLAN: Readonly<Record<string, number>> = {
  starter: 900,
  pro: 120,
  team: 60,
  enterprise: 60,
};

export function pollIntervalSeconds(plan: string, overrides?: Record<string, number>): number {
  const configured = overrides?.[plan] ?? POLL_INTERVAL_SECONDS_BY_PLAN[plan] ?? POLL_INTERVAL_SECONDS_BY_PLAN.starter!;
  return Math.max(MIN_POLL_INTERVAL_SECONDS, configured);
}

export interface ScheduleOutcome {
  polls: number;
  syncs: number;
}

export async function scheduleDueWork(deps: RuntimeDeps): Promise<ScheduleOutcome> {
  const now = deps.clock.now();
  const used = await deps.db
    .selectDistinct({ installationId: automations.triggerInstallationId, triggerName: automations.triggerName, plan: workspaces.plan, state: installations.state, manifest: pluginVersions.manifest })
    .from(automations)
    .innerJoin(installations, eq(installations.id, automations.triggerInstallationId))
    .innerJoin(workspaces, eq(workspaces.id, installations.workspaceId))
    .innerJoin(pluginVersions, eq(pluginVersions.id, installations.versionId))
    .where(eq(automations.enabled, true));
  const polling = used.filter((u) => RUNNABLE_INSTALLATION_STATES.has(u.state) && (u.manifest as { triggers?: Record<string, { type?: string }> }).triggers?.[u.triggerName]?.type === 'polling');
  const states = polling.length
    ? await deps.db.select().from(triggerStates).where(inArray(triggerStates.installationId, [...new Set(polling.map((p) => p.installationId))]))
    : [];
  let polls = 0;
  for (const p of polling) {
    const interval = pollIntervalSeconds(p.plan, deps.pollIntervals) * 1000;
    const last = states.find((s) => s.installationId === p.installationId && s.triggerName === p.triggerName)?.lastPollAt;
    if (last && now.getTime() - last.getTime() < interval) continue;
    const slot = Math.floor(now.getTime() / interval);
    const { created } = await enqueueJob(
      deps.db,
      { kind: JOB_KINDS.TRIGGER_POLL, maxAttempts: 3, idempotencyKey: `poll:${p.installationId}:${p.triggerName}:${slot}`, payload: { installationId: p.installationId, triggerName: p.triggerName } satisfies TriggerPollPayload },
      now,
    );
    if (created) polls += 1;
  }

  const scheduled = await deps.db.select().from(syncStates).where(and(isNotNull(syncStates.intervalSeconds), ne(syncStates.status, 'running')));
  let syncs = 0;
  for (const s of scheduled) {
    const interval = Math.max(60, s.intervalSeconds!) * 1000;
    if (s.lastSuccessAt && now.getTime() - s.lastSuccessAt.getTime() < interval) continue;
    const { created } = await requestSync(deps.db, { installationId: s.installationId, syncName: s.syncName, now, key: `slot-${Math.floor(now.getTime() / interval)}` });
    if (created) syncs += 1;
  }
  return { polls, syncs };
}

export function scheduleJobHandler(deps: RuntimeDeps): JobHandler {
  return {
    kind: JOB_KINDS.SCHEDULE,
    run: async () => {
      await scheduleDueWork(deps);
    },
  };
}
