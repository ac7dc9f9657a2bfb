/**
 * Runs a sync as a job: page by page, each page fetched by the plugin in the
 * sandbox, then its records upserted and the cursor advanced in ONE
 * transaction — so the cursor never runs ahead of committed records, and a
 * crash between pages resumes exactly where the last commit left off (the
 * `sync_states` row still names the running run; the job's lease expires and
 * another worker picks it up). A full run (empty cursor) can mark records it
 * did not see as deleted. Progress is written with every page.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { runs, syncStates } from '../../db/schema/runtime.js';
import { JOB_KINDS, type SyncRunPayload } from '../job-kinds.js';
import { PermanentJobError, RetryableJobError } from '../jobs/job-errors.js';
import { enqueueJob, type JobRow } from '../jobs/job-queue.js';
import type { JobContext, JobHandler } from '../jobs/job-worker.js';
import { emitEvent } from '../outbound/outbound-events.js';
import { invokePlugin, loadInstallation, type LoadedInstallation } from '../plugin-invoker.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { markUnseenDeleted, upsertRecords } from './record-upsert.js';

export const SYNC_ERROR_CODES = {
  SYNC_NOT_DEFINED: 'SYNC_NOT_DEFINED',
  SYNC_CURSOR_STUCK: 'SYNC_CURSOR_STUCK',
  SYNC_RECORD_WITHOUT_ID: 'SYNC_RECORD_WITHOUT_ID',
  SYNC_OUTPUT_INVALID: 'SYNC_OUTPUT_INVALID',
} as const;

export interface SyncProgress {
  runId: string;
  full: boolean;
  pages: number;
  records: number;
  deleted: number;
  cursor: unknown;
  startedAt: string;
  finishedAt?: string;
}

export type SyncStateRow = typeof syncStates.$inferSelect;

const key = (installationId: string, syncName: string) => and(eq(syncStates.installationId, installationId), eq(syncStates.syncName, syncName));

/** Creates or updates how a sync is scheduled; returns the state row. */
export async function configureSync(db: DbOrTx, input: { installationId: string; syncName: string; intervalSeconds?: number | null; detectDeletions?: boolean; now: Date }): Promise<SyncStateRow> {
  const set = {
    ...(input.intervalSeconds !== undefined ? { intervalSeconds: input.intervalSeconds === null ? null : Math.max(60, input.intervalSeconds) } : {}),
    ...(input.detectDeletions !== undefined ? { detectDeletions: input.detectDeletions } : {}),
    updatedAt: input.now,
  };
  const [row] = await db
    .insert(syncStates)
    .values({ installationId: input.installationId, syncName: input.syncName, ...set })
    .onConflictDoUpdate({ target: [syncStates.installationId, syncStates.syncName], set })
    .returning();
  return row!;
}

/** Queues a run of the sync; a run already queued for the same key is not queued twice. */
export async function requestSync(db: DbOrTx, input: SyncRunPayload & { now: Date; key?: string }): Promise<{ jobId: number; created: boolean }> {
  const { id, created } = await enqueueJob(
    db,
    { kind: JOB_KINDS.SYNC_RUN, payload: { installationId: input.installationId, syncName: input.syncName, ...(input.full ? { full: true } : {}) }, maxAttempts: 10, idempotencyKey: `sync:${input.installationId}:${input.syncName}:${input.key ?? input.now.toISOString()}` },
    input.now,
  );
  return { jobId: id, created };
}

export async function syncStatus(db: DbOrTx, installationId: string, syncName: string): Promise<SyncStateRow | undefined> {
  const [row] = await db.select().from(syncStates).where(key(installationId, syncName));
  return row;
}

interface Page {
  records: unknown[];
  nextCursor: unknown;
  hasMore: boolean;
}

function readPage(output: unknown): Page {
  const o = output as Partial<Page> | null;
  if (!o || !Array.isArray(o.records) || typeof o.hasMore !== 'boolean') {
    throw new PermanentJobError(SYNC_ERROR_CODES.SYNC_OUTPUT_INVALID, 'A sync page must be { records: [], nextCursor, hasMore: boolean }.');
  }
  return { records: o.records, nextCursor: o.nextCursor ?? null, hasMore: o.hasMore };
}

/** Opens the run (or finds the one a crashed worker left running) and returns where to continue from. */
async function openRun(deps: RuntimeDeps, loaded: LoadedInstallation, payload: SyncRunPayload): Promise<{ state: SyncStateRow; progress: SyncProgress }> {
  const now = deps.clock.now();
  const { installation } = loaded;
  return deps.db.transaction(async (tx) => {
    await tx.insert(syncStates).values({ installationId: installation.id, syncName: payload.syncName }).onConflictDoNothing();
    const [state] = await tx.select().from(syncStates).where(key(installation.id, payload.syncName)).for('update');
    if (state!.status === 'running' && state!.currentRunId) {
      const progress = (state!.progress ?? {}) as SyncProgress;
      return { state: state!, progress: { ...progress, runId: state!.currentRunId, cursor: state!.cursor } };
    }
    const cursor = payload.full ? null : (state!.cursor ?? null);
    const [run] = await tx
      .insert(runs)
      .values({ workspaceId: installation.workspaceId, installationId: installation.id, versionId: installation.versionId, kind: 'sync', name: payload.syncName, status: 'running', input: { cursor, full: cursor === null }, startedAt: now })
      .returning({ id: runs.id });
    const progress: SyncProgress = { runId: run!.id, full: cursor === null, pages: 0, records: 0, deleted: 0, cursor, startedAt: now.toISOString() };
    const [updated] = await tx
      .update(syncStates)
      .set({ status: 'running', currentRunId: run!.id, cursor, progress, lastError: null, updatedAt: now })
      .where(key(installation.id, payload.syncName))
      .returning();
    return { state: updated!, progress };
  });
}

/** The job handler body: runs pages until the plugin says there are no more. */
export async function runSyncJob(deps: RuntimeDeps, job: JobRow, ctx: JobContext): Promise<void> {
  const payload = job.payload as SyncRunPayload;
  const loaded = await loadInstallation(deps.db, payload.installationId);
  const definition = loaded.manifest.syncs?.[payload.syncName] as { model?: { name?: string; idField?: string } } | undefined;
  if (!definition) throw new PermanentJobError(SYNC_ERROR_CODES.SYNC_NOT_DEFINED, `${loaded.installation.pluginId} defines no sync named ${payload.syncName}.`);
  const model = definition.model?.name ?? payload.syncName;
  const idField = definition.model?.idField ?? 'id';
  const { state, progress } = await openRun(deps, loaded, payload);
  const { installationId, syncName } = { installationId: loaded.installation.id, syncName: payload.syncName };
  let cursor = progress.cursor;
  let committedThisAttempt = 0;

  try {
    for (;;) {
      if (ctx.signal.aborted) throw new RetryableJobError('The worker stopped or lost the lease; the sync resumes from its last committed page.');
      const page = readPage(await invokePlugin(deps, loaded, 'sync', syncName, { cursor }));
      if (ctx.signal.aborted) throw new RetryableJobError('The worker lost the lease before committing the page.');
      const records = page.records.map((data) => {
        const id = (data as Record<string, unknown> | null)?.[idField];
        if (id === undefined || id === null || id === '') throw new PermanentJobError(SYNC_ERROR_CODES.SYNC_RECORD_WITHOUT_ID, `A ${model} record has no "${idField}".`);
        return { externalId: String(id), data };
      });
      if (page.hasMore && canonicalEqual(page.nextCursor, cursor)) {
        throw new PermanentJobError(SYNC_ERROR_CODES.SYNC_CURSOR_STUCK, `The sync returned hasMore with the same cursor (${JSON.stringify(cursor)}); it would loop forever.`);
      }
      const now = deps.clock.now();
      progress.pages += 1;
      progress.records += records.length;
      progress.cursor = page.nextCursor;
      const done = !page.hasMore;
      await deps.db.transaction(async (tx) => {
        // The lease is re-checked inside the transaction: a worker that lost it must not commit.
        if (!(await ctx.confirmLease(tx))) throw new RetryableJobError('The job lease passed to another worker; this page is not committed.');
        await upsertRecords(tx, { installationId, model, runId: progress.runId, records, now });
        if (done) {
          if (progress.full && state.detectDeletions) progress.deleted = await markUnseenDeleted(tx, { installationId, model, runId: progress.runId, now });
          progress.finishedAt = now.toISOString();
        }
        const moved = await tx
          .update(syncStates)
          .set({
            cursor: page.nextCursor,
            progress,
            recordsSynced: sql`${syncStates.recordsSynced} + ${records.length}`,
            updatedAt: now,
            ...(done ? { status: 'idle' as const, currentRunId: null, lastSuccessAt: now, lastError: null } : {}),
          })
          .where(and(key(installationId, syncName), eq(syncStates.currentRunId, progress.runId)))
          .returning({ n: syncStates.recordsSynced });
        if (moved.length === 0) throw new RetryableJobError('Another run took over this sync; this page is not committed.');
        await tx
          .update(runs)
          .set({ progress, ...(done ? { status: 'succeeded' as const, finishedAt: now, output: { pages: progress.pages, records: progress.records, deleted: progress.deleted } } : {}) })
          .where(eq(runs.id, progress.runId));
        if (done) {
          await emitEvent(tx, {
            workspaceId: loaded.installation.workspaceId,
            type: 'sync.completed',
            id: `sync_${progress.runId}`,
            data: { installationId, sync: syncName, model, runId: progress.runId, records: progress.records, deleted: progress.deleted, pages: progress.pages },
            now,
          });
        }
      });
      cursor = page.nextCursor;
      committedThisAttempt += 1;
      if (done) return;
    }
  } catch (err) {
    if (err instanceof PermanentJobError) {
      await failRun(deps, installationId, syncName, progress.runId, err);
      throw err;
    }
    await noteError(deps, installationId, syncName, err).catch(() => {});
    if (committedThisAttempt > 0 && err instanceof RetryableJobError) {
      throw new RetryableJobError(err.message, { code: err.code, madeProgress: true, ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}) });
    }
    throw err;
  }
}

function canonicalEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function noteError(deps: RuntimeDeps, installationId: string, syncName: string, err: unknown): Promise<void> {
  await deps.db.update(syncStates).set({ lastError: String((err as Error).message).slice(0, 1000), updatedAt: deps.clock.now() }).where(key(installationId, syncName));
}

async function failRun(deps: RuntimeDeps, installationId: string, syncName: string, runId: string, err: PermanentJobError): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.update(syncStates).set({ status: 'failed', currentRunId: null, lastError: `${err.code}: ${err.message}`.slice(0, 1000), updatedAt: now }).where(key(installationId, syncName));
    await tx.update(runs).set({ status: 'failed', finishedAt: now, errorCode: err.code, errorMessage: err.message.slice(0, 1000) }).where(eq(runs.id, runId));
  });
}

export function syncJobHandler(deps: RuntimeDeps): JobHandler {
  return { kind: JOB_KINDS.SYNC_RUN, run: (job, ctx) => runSyncJob(deps, job, ctx) };
}
