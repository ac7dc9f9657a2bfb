/** Partner support tickets: partner members open and close them; the internal team reads, answers and closes them. */
import { SUPPORT_TICKET_STATUSES } from '../../db/schema/partners-support.js';
import { NotFoundError } from '../../errors.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import { answerSupportTicket, closeSupportTicket, getSupportTicket, listSupportTickets, openSupportTicket, type SupportTicketStatus } from '../../partners/support/support-tickets.js';
import type { GraphQLContext } from '../context.js';
import { db, now, uuidOrNotFound } from './partners-shared.js';

const lowerStatus = Object.fromEntries(SUPPORT_TICKET_STATUSES.map((s) => [s.toUpperCase(), s])) as { [K in SupportTicketStatus as Uppercase<K>]: K };

export const partnerSupportResolvers = {
  SupportTicketStatus: lowerStatus,
  Mutation: {
    async openPartnerSupportTicket(_: unknown, args: { partnerId: string; subject: string; body: string }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePartner(args.partnerId, 'member', 'workspace_write');
      return openSupportTicket(db(ctx), { partnerId: args.partnerId, subject: args.subject, body: args.body, userId: actor.userId, now: now(ctx) });
    },
    async answerPartnerSupportTicket(_: unknown, args: { id: string; answer: string }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('reviewer');
      return answerSupportTicket(db(ctx), { id: uuidOrNotFound(args.id, 'Support ticket'), answer: args.answer, userId: actor.userId, now: now(ctx) });
    },
    async closePartnerSupportTicket(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      ctx.auth.requireActor('read');
      const ticket = await getSupportTicket(db(ctx), uuidOrNotFound(args.id, 'Support ticket'));
      if (!ticket) throw new NotFoundError('Support ticket');
      let userId: string;
      if (ctx.auth.isReviewer()) userId = ctx.auth.requirePlatform('reviewer').userId;
      else {
        try {
          userId = (await ctx.auth.requirePartner(ticket.partnerId, 'member', 'workspace_write')).userId;
        } catch (err) {
          if (err instanceof NotFoundError) throw new NotFoundError('Support ticket');
          throw err;
        }
      }
      return closeSupportTicket(db(ctx), { id: ticket.id, userId, now: now(ctx) });
    },
  },
  Partner: {
    async supportTickets(p: PartnerRow, args: { status?: SupportTicketStatus | null }, ctx: GraphQLContext) {
      await ctx.auth.requirePartner(p.id, 'member', 'read');
      return listSupportTickets(db(ctx), p.id, args.status ?? null);
    },
  },
};
