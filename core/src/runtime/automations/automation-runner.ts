/**
 * One automation run: trigger event → filters → field mapping → action, with
 * every step's input, output and error kept (redacted) in `runs.steps`. A
 * failed run is replayed automatically on Zapier's schedule (5 min, 30 min,
 * 1 h, 3 h, 6 h) when the automation allows it, or by hand; each replay is a
 * new run pointing at the one it replays. Infrastructure trouble (database,
 * no sandbox) is left to the job queue's retries; the action's own failures
 * are the run's outcome.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { plugins } from '../../db/schema/registry.js';
import { automations, runs } from '../../db/schema/runtime.js';
import { NotFoundError, AppError, ERROR_CODES } from '../../errors.js';
import { redact } from '../../observability/redact.js';
import { JOB_KINDS, type AutomationRunPayload } from '../job-kinds.js';
import { PermanentJobError, RetryableJobError } from '../jobs/job-errors.js';
import { enqueueJob, type JobRow } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { runNativeAction } from '../native/contact-actions.js';
import { emitEvent } from '../outbound/outbound-events.js';
import { INVOKER_ERROR_CODES, invokePlugin, loadInstallation } from '../plugin-invoker.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { evaluateFilters } from './automation-filters.js';
import { renderMapping } from '@nudgecampaign/plugin-sdk/mapping-template';

/** Zapier's autoreplay: the wait before replay n (after the n-th failed run). */
export const AUTOREPLAY_SCHEDULE_MS = [5 * 60_000, 30 * 60_000, 60 * 60_000, 3 * 3_600_000, 6 * 3_600_000] as const;

export interface RunStep {
  name: 'trigger' | 'filter' | 'map' | 'action';
  input?: unknown;
  output?: unknown;
  error?: { code: string; message: string };
  at: string;
}

/** A stable run id per job, so a job retried after a crash reuses its run instead of adding one. */
export function runIdForJob(jobId: number): string {
  const h = createHash('sha256').update(`automation-run:${jobId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A run's job payload; `test` marks a test run from the builder (testAutomation), which is never autoreplayed. */
export type AutomationJobPayload = AutomationRunPayload & { test?: boolean };

export async function runAutomationJob(deps: RuntimeDeps, job: JobRow): Promise<void> {
  const payload = job.payload as AutomationJobPayload;
  const [automation] = await deps.db.select().from(automations).where(eq(automations.id, payload.automationId));
  if (!automation) throw new PermanentJobError('AUTOMATION_NOT_FOUND', `Automation ${payload.automationId} no longer exists.`);
  // A replay or a test run asked for by hand runs even when the automation is off; events and autoreplays do not.
  if (!automation.enabled && !payload.manual) return;

  const attempt = payload.attempt ?? 1;
  const runId = runIdForJob(job.id);
  const started = deps.clock.now();
  const steps: RunStep[] = [{ name: 'trigger', output: payload.event, at: started.toISOString() }];
  await deps.db
    .insert(runs)
    .values({
      id: runId,
      workspaceId: automation.workspaceId,
      installationId: automation.actionInstallationId,
      automationId: automation.id,
      replayOf: payload.replayOf ?? null,
      kind: 'automation',
      name: automation.name,
      status: 'running',
      attempt,
      input: redact({ eventKey: payload.eventKey, event: payload.event }),
      steps: redact(steps),
      startedAt: started,
    })
    .onConflictDoNothing();

  const filter = evaluateFilters(automation.filters, payload.event);
  steps.push({ name: 'filter', input: automation.filters, output: filter, at: deps.clock.now().toISOString() });
  if (!filter.passed) {
    await finish(deps.db, runId, { status: 'succeeded', output: { filtered: true, failed: filter.failed }, steps, now: deps.clock.now() });
    return;
  }
  const input = renderMapping(automation.mapping, payload.event);
  // The map step's output is the action step's input: a copy of its own, or redaction would see it twice and keep "[Circular]".
  steps.push({ name: 'map', input: automation.mapping, output: structuredClone(input), at: deps.clock.now().toISOString() });

  try {
    const output = await runAction(deps, automation, input, runId);
    steps.push({ name: 'action', input, output, at: deps.clock.now().toISOString() });
    await finish(deps.db, runId, { status: 'succeeded', output, steps, now: deps.clock.now() });
  } catch (err) {
    // No sandbox in this process, or the database went away: not the action's fault; the queue retries the job.
    if (err instanceof RetryableJobError && err.code === INVOKER_ERROR_CODES.SANDBOX_UNAVAILABLE) throw err;
    if (!(err instanceof RetryableJobError) && !(err instanceof PermanentJobError)) throw err;
    const error = { code: err.code, message: err.message };
    steps.push({ name: 'action', input, error, at: deps.clock.now().toISOString() });
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await finish(tx, runId, { status: 'failed', steps, error, now });
      let replayAt: Date | undefined;
      // A test run is sent once: its failure is shown to the customer, not replayed later with the test event.
      if (automation.autoReplay && !payload.test && attempt <= AUTOREPLAY_SCHEDULE_MS.length) {
        const wait = Math.max(AUTOREPLAY_SCHEDULE_MS[attempt - 1]!, err instanceof RetryableJobError ? (err.retryAfterMs ?? 0) : 0);
        replayAt = new Date(now.getTime() + wait);
        await enqueueJob(
          tx,
          { kind: JOB_KINDS.AUTOMATION_RUN, runAt: replayAt, maxAttempts: 3, idempotencyKey: `autoreplay:${runId}`, payload: { automationId: automation.id, event: payload.event, eventKey: payload.eventKey, replayOf: runId, attempt: attempt + 1 } satisfies AutomationRunPayload },
          now,
        );
      }
      await emitEvent(tx, {
        workspaceId: automation.workspaceId,
        type: 'run.failed',
        id: `run_${runId}`,
        data: { runId, automationId: automation.id, automation: automation.name, attempt, error, ...(replayAt ? { nextReplayAt: replayAt.toISOString() } : {}) },
        now,
      });
    });
  }
}

async function runAction(deps: RuntimeDeps, automation: typeof automations.$inferSelect, input: unknown, runId: string): Promise<unknown> {
  const loaded = await loadInstallation(deps.db, automation.actionInstallationId);
  const [plugin] = await deps.db.select({ kind: plugins.kind }).from(plugins).where(eq(plugins.id, loaded.installation.pluginId));
  if (plugin?.kind === 'native') {
    return deps.db.transaction((tx) => runNativeAction(tx, { workspaceId: automation.workspaceId, runId, now: deps.clock.now() }, automation.actionName, input));
  }
  return invokePlugin(deps, loaded, 'action', automation.actionName, input);
}

async function finish(db: DbOrTx, runId: string, outcome: { status: 'succeeded' | 'failed'; output?: unknown; steps: RunStep[]; error?: { code: string; message: string }; now: Date }): Promise<void> {
  await db
    .update(runs)
    .set({
      status: outcome.status,
      output: outcome.output === undefined ? null : redact(outcome.output),
      steps: redact(outcome.steps),
      errorCode: outcome.error?.code ?? null,
      errorMessage: outcome.error?.message.slice(0, 2000) ?? null,
      finishedAt: outcome.now,
    })
    .where(eq(runs.id, runId));
}

/** Replays a finished automation run by hand (a new run with the same event). */
export async function replayRun(db: DbOrTx, runId: string, now: Date): Promise<{ jobId: number }> {
  const [run] = await db.select().from(runs).where(and(eq(runs.id, runId), eq(runs.kind, 'automation')));
  if (!run || !run.automationId) throw new NotFoundError('Automation run');
  if (run.status === 'running') throw new AppError(ERROR_CODES.CONFLICT, 'The run is still running; replay it once it has finished.', { details: { reason: 'RUN_IN_PROGRESS' } });
  const input = run.input as { eventKey: string; event: unknown };
  const { id } = await enqueueJob(
    db,
    { kind: JOB_KINDS.AUTOMATION_RUN, maxAttempts: 3, idempotencyKey: `replay:${runId}:${now.getTime()}`, payload: { automationId: run.automationId, event: input.event, eventKey: input.eventKey, replayOf: runId, attempt: run.attempt + 1, manual: true } satisfies AutomationRunPayload },
    now,
  );
  return { jobId: id };
}

/** The run history of an automation, newest first. */
export async function listRuns(db: DbOrTx, automationId: string, limit = 50) {
  return db.select().from(runs).where(eq(runs.automationId, automationId)).orderBy(sql`${runs.startedAt} desc`).limit(limit);
}

export function automationJobHandler(deps: RuntimeDeps): JobHandler {
  return { kind: JOB_KINDS.AUTOMATION_RUN, run: (job) => runAutomationJob(deps, job) };
}
