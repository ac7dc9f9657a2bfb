/**
 * A test run of a saved automation, as Zapier's builder sends a real test to
 * the action app: one run, now, with the given event or the trigger's declared
 * sample, through the same durable job as a replay (`manual`, so it runs even
 * while the automation is off) and never autoreplayed. The caller follows the
 * run by its id, derived from the job's.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { installations } from '../../db/schema/installations.js';
import { pluginVersions } from '../../db/schema/registry.js';
import { automations } from '../../db/schema/runtime.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { JOB_KINDS } from '../job-kinds.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { runIdForJob, type AutomationJobPayload } from './automation-runner.js';

export interface QueuedTestRun {
  jobId: number;
  runId: string;
  event: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The sample event the trigger's manifest declares (what the builder maps against). */
export async function triggerSample(db: DbOrTx, installationId: string, triggerName: string): Promise<unknown> {
  const [row] = await db
    .select({ manifest: pluginVersions.manifest })
    .from(installations)
    .innerJoin(pluginVersions, eq(pluginVersions.id, installations.versionId))
    .where(eq(installations.id, installationId));
  const manifest = (row?.manifest ?? {}) as { triggers?: Record<string, { sample?: unknown }> };
  return manifest.triggers?.[triggerName]?.sample;
}

/** Queues one test run of an automation (on or off) with `event`, or the trigger's sample when none is given. */
export async function queueTestRun(db: DbOrTx, automationId: string, event: unknown, now: Date): Promise<QueuedTestRun> {
  const [automation] = await db.select().from(automations).where(eq(automations.id, automationId));
  if (!automation) throw new NotFoundError('Automation');
  const chosen = event ?? (await triggerSample(db, automation.triggerInstallationId, automation.triggerName));
  if (!isObject(chosen)) {
    throw new ValidationError(event == null ? 'The trigger declares no sample event to test with; send one as `event`.' : "A test event must be an object, like the trigger's output.", { path: 'event' });
  }
  const requestId = randomUUID();
  const payload = { automationId: automation.id, event: chosen, eventKey: `test:${requestId}`, attempt: 1, manual: true, test: true } satisfies AutomationJobPayload;
  const { id } = await enqueueJob(db, { kind: JOB_KINDS.AUTOMATION_RUN, maxAttempts: 3, idempotencyKey: `test:${automation.id}:${requestId}`, payload }, now);
  return { jobId: id, runId: runIdForJob(id), event: chosen as Record<string, unknown> };
}
