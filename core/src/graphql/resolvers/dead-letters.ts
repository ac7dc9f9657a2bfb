/**
 * Dead letters: jobs that exhausted their attempts, for platform admins to
 * inspect and requeue (runtime/jobs/job-queue.ts's requeueJob), audited.
 */
import { asc, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { jobs } from '../../db/schema/runtime.js';
import { NotFoundError } from '../../errors.js';
import { requeueJob, type JobRow } from '../../runtime/jobs/job-queue.js';
import type { GraphQLContext } from '../context.js';
import { offsetConnection, type Connection } from '../pagination.js';
import type { PageArgs } from './marketplace.js';

const jobId = (raw: string): number | undefined => (/^\d{1,15}$/.test(raw) ? Number(raw) : undefined);

export const deadLetterResolvers = {
  Query: {
    deadLetters(_: unknown, args: PageArgs, ctx: GraphQLContext): Promise<Connection<JobRow>> {
      ctx.auth.requirePlatform('admin', 'read');
      // The order of runtime/jobs' listDeadLetters (oldest first), with an offset for paging.
      return offsetConnection(args, (limit, offset) =>
        ctx.services.database.db.select().from(jobs).where(eq(jobs.state, 'dead')).orderBy(asc(jobs.finishedAt), asc(jobs.id)).limit(limit).offset(offset),
      );
    },
  },
  DeadLetter: {
    id: (job: JobRow) => String(job.id),
  },
  Mutation: {
    async requeueDeadLetter(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<JobRow> {
      const actor = ctx.auth.requirePlatform('admin');
      const id = jobId(args.id);
      const now = ctx.services.clock.now();
      return ctx.services.database.db.transaction(async (tx) => {
        const [job] = id === undefined ? [] : await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
        if (!job || job.state !== 'dead') throw new NotFoundError('Dead letter');
        await requeueJob(tx, job.id, now);
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'job.requeued', targetType: 'job', targetId: String(job.id), at: now, data: { kind: job.kind, lastError: job.lastError } });
        const [row] = await tx.select().from(jobs).where(eq(jobs.id, job.id));
        return row!;
      });
    },
  },
};
