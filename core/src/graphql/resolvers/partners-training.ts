/** Training modules (answers never leave the server), assessments and certificates. */
import type { TRAINING_TRACKS } from '../../db/schema/partners-program.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import type { Question } from '../../partners/training/assessment.js';
import { createTrainingModule, listModules, partnerCertificates, submitAssessment, type CertificateRow, type ModuleRow } from '../../partners/training/training-service.js';
import type { GraphQLContext } from '../context.js';
import { db, now, settings, uuidOrNotFound } from './partners-shared.js';

export interface ModuleInput {
  slug: string;
  title: string;
  track: (typeof TRAINING_TRACKS)[number];
  durationMinutes: number;
  questions: unknown;
}

export const partnerTrainingResolvers = {
  Query: {
    trainingModules(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireActor('read');
      return listModules(db(ctx));
    },
  },
  Mutation: {
    createTrainingModule(_: unknown, args: { input: ModuleInput }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return createTrainingModule(db(ctx), { ...args.input, userId: actor.userId, now: now(ctx) });
    },
    async submitAssessment(_: unknown, args: { partnerId: string; moduleId: string; answers: number[] }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePartner(args.partnerId, 'member', 'workspace_write');
      return submitAssessment(db(ctx), await settings(ctx), { moduleId: uuidOrNotFound(args.moduleId, 'Training module'), partnerId: args.partnerId, userId: actor.userId, answers: args.answers, now: now(ctx) });
    },
  },
  TrainingModule: {
    questions: (m: ModuleRow) => (m.questions as Question[]).map((q) => ({ prompt: q.prompt, choices: q.choices })),
  },
  Certificate: {
    expired: (c: CertificateRow, _: unknown, ctx: GraphQLContext) => c.expiredAt !== null || c.expiresAt.getTime() <= now(ctx).getTime(),
  },
  Partner: {
    certificates(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return partnerCertificates(db(ctx), p.id);
    },
  },
};
