/** The recruitment pipeline, kept by platform admins and read by the internal team. */
import type { ProspectRow } from '../../partners/recruitment/prospects.js';
import { addProspect, advanceProspect, listProspects, markProspectLost, pipelineReport } from '../../partners/recruitment/prospects.js';
import type { Stage } from '../../partners/recruitment/pipeline.js';
import type { GraphQLContext } from '../context.js';
import { db, now, settings, uuidOrNotFound } from './partners-shared.js';

export const partnerRecruitmentResolvers = {
  Query: {
    async recruitmentPipeline(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      const report = await pipelineReport(db(ctx), await settings(ctx));
      return { prospects: await listProspects(db(ctx)), stages: report.stages, overallBps: report.overallBps, overallBenchmarkBps: report.overallBenchmarkBps };
    },
  },
  Mutation: {
    addProspect(_: unknown, args: { name: string; kind: string }, ctx: GraphQLContext): Promise<ProspectRow> {
      const actor = ctx.auth.requirePlatform('admin');
      return addProspect(db(ctx), { ...args, userId: actor.userId, now: now(ctx) });
    },
    advanceProspect(_: unknown, args: { id: string; stage: Stage }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return advanceProspect(db(ctx), { id: uuidOrNotFound(args.id, 'Prospect'), stage: args.stage, userId: actor.userId, now: now(ctx) });
    },
    markProspectLost(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return markProspectLost(db(ctx), { id: uuidOrNotFound(args.id, 'Prospect'), userId: actor.userId, now: now(ctx) });
    },
  },
};
