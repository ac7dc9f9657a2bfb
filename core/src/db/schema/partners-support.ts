/**
 * Partner support tickets: a partner member opens one, the internal team
 * answers it, and either side closes it (open → answered → closed, or
 * open → closed). Lengths are checked here as well as in the service.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { partnerOrgs } from './partners.js';

export const SUPPORT_TICKET_STATUSES = ['open', 'answered', 'closed'] as const;
export const SUPPORT_SUBJECT_MAX = 200;
export const SUPPORT_BODY_MAX = 5000;

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const partnerSupportTickets = pgTable(
  'partner_support_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: SUPPORT_TICKET_STATUSES }).notNull().default('open'),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('partner_support_tickets_partner_idx').on(t.partnerId, t.status),
    check('partner_support_tickets_subject_len', sql`char_length(${t.subject}) between 1 and 200`),
    check('partner_support_tickets_body_len', sql`char_length(${t.body}) between 1 and 5000`),
  ],
);
