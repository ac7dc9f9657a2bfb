/**
 * The partner program's organisations and their links: members, the
 * publishers they run (technology partners), the customer workspaces they
 * manage (agencies, with the role each client granted), tier reviews,
 * referral codes, touches and attributions, recorded revenue, and deal
 * registrations. Money is integer cents; rates are basis points.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { publishers, users, workspaces } from './identity.js';

export const PARTNER_KINDS = ['technology', 'agency', 'reseller', 'referrer'] as const;
export const PARTNER_ROLES = ['member', 'owner'] as const;
export const AGENCY_TIERS = ['certified', 'premier', 'strategic'] as const;
export const REFERRAL_TIERS = ['individual', 'professional', 'strategic'] as const;
export const TIER_REVIEW_STATES = ['pending', 'approved', 'rejected'] as const;
export const DEAL_STATES = ['approved', 'pending_review', 'rejected', 'expired'] as const;
export const REVENUE_KINDS = ['payment', 'refund'] as const;

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });
const cents = (name: string) => bigint(name, { mode: 'number' });

export const partnerOrgs = pgTable(
  'partner_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
    /** The approved agency tier (set only by an approved tier review). */
    agencyTier: text('agency_tier', { enum: AGENCY_TIERS }),
    whiteLabel: boolean('white_label').notNull().default(false),
    /** Latest NPS the internal team recorded for this partner, in tenths (8.5 → 85). */
    npsTenths: integer('nps_tenths'),
    resellerDiscountBps: integer('reseller_discount_bps'),
    resellerAnnualCommitCents: cents('reseller_annual_commit_cents'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('partner_orgs_slug_uq').on(t.slug)],
);

export const partnerMembers = pgTable(
  'partner_members',
  {
    partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTNER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'partner_members_pk', columns: [t.partnerId, t.userId] }), index('partner_members_user_idx').on(t.userId)],
);

export const partnerPublishers = pgTable(
  'partner_publishers',
  {
    partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
    publisherId: uuid('publisher_id').notNull().references(() => publishers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'partner_publishers_pk', columns: [t.partnerId, t.publisherId] })],
);

/** A client workspace an agency manages: the client's admin grants a workspace role and may revoke it. */
export const partnerClientGrants = pgTable(
  'partner_client_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['member', 'admin'] }).notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: ts('granted_at').notNull(),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    uniqueIndex('partner_client_grants_active_uq').on(t.partnerId, t.workspaceId).where(sql`${t.revokedAt} is null`),
    index('partner_client_grants_workspace_idx').on(t.workspaceId),
  ],
);

export const partnerTierReviews = pgTable(
  'partner_tier_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
    tier: text('tier', { enum: AGENCY_TIERS }).notNull(),
    eligible: boolean('eligible').notNull(),
    /** The evaluation at request time: each requirement with the measured value and whether it is met. */
    evaluation: jsonb('evaluation').notNull(),
    state: text('state', { enum: TIER_REVIEW_STATES }).notNull().default('pending'),
    requestedAt: ts('requested_at').notNull(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    note: text('note'),
  },
  (t) => [index('partner_tier_reviews_partner_idx').on(t.partnerId)],
);

export const referralCodes = pgTable(
  'referral_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    createdAt: createdAt(),
    disabledAt: ts('disabled_at'),
  },
  (t) => [uniqueIndex('referral_codes_code_uq').on(t.code), index('referral_codes_partner_idx').on(t.partnerId)],
);

/** A visit through a referral link, keyed by the first-party visitor id the server issued. */
export const referralTouches = pgTable(
  'referral_touches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeId: uuid('code_id').notNull().references(() => referralCodes.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    touchedAt: ts('touched_at').notNull(),
  },
  (t) => [index('referral_touches_visitor_idx').on(t.visitorId, t.touchedAt)],
);

/** One attribution per workspace: the first touch inside the window before its signup. */
export const referralAttributions = pgTable('referral_attributions', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
  codeId: uuid('code_id').notNull(),
  touchId: uuid('touch_id').notNull(),
  touchedAt: ts('touched_at').notNull(),
  attributedAt: ts('attributed_at').notNull(),
});

/** Revenue as billing reports it: payments and refunds, idempotent on the billing system's id. */
export const revenueEvents = pgTable(
  'revenue_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id').notNull(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REVENUE_KINDS }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    /** For a refund: the external id of the payment it refunds. */
    refundOf: text('refund_of'),
    occurredAt: ts('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('revenue_events_external_uq').on(t.externalId), index('revenue_events_workspace_idx').on(t.workspaceId, t.occurredAt)],
);

export const dealRegistrations = pgTable(
  'deal_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' }),
    customerDomain: text('customer_domain').notNull(),
    customerName: text('customer_name').notNull(),
    amountCents: cents('amount_cents').notNull(),
    state: text('state', { enum: DEAL_STATES }).notNull(),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: uuid('submitted_by'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    protectedUntil: ts('protected_until'),
    note: text('note'),
  },
  (t) => [
    // At most one live registration (approved or under review) per customer: overlapping ones are refused.
    uniqueIndex('deal_registrations_live_uq').on(t.customerDomain).where(sql`${t.state} in ('approved', 'pending_review')`),
    index('deal_registrations_partner_idx').on(t.partnerId),
  ],
);
