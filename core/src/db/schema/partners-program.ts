/**
 * The partner program's computed and operational records: payout statements
 * and audited adjustments, monthly scorecards, quarterly MDF accruals and
 * claims, the recruitment pipeline, and training (modules, assessment
 * attempts, certificates). Computed rows are unique per partner and period,
 * so a re-run replaces nothing it does not have to.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { partnerOrgs } from './partners.js';

export const SCORECARD_LEVELS = ['platinum', 'gold', 'silver', 'bronze', 'none'] as const;
export const MDF_CLAIM_STATES = ['submitted', 'approved', 'rejected', 'completed', 'reimbursed'] as const;
export const PROSPECT_STAGES = ['identified', 'qualified', 'pitched', 'negotiating', 'signed'] as const;
export const TRAINING_TRACKS = ['foundation', 'technical', 'sales'] as const;

const ts = (name: string) => timestamp(name, { withTimezone: true });
const cents = (name: string) => bigint(name, { mode: 'number' });
const partnerRef = () => uuid('partner_id').notNull().references(() => partnerOrgs.id, { onDelete: 'cascade' });

/** One statement per partner and month; re-running recomputes the same lines and keeps the row (and id). */
export const payoutStatements = pgTable(
  'payout_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    period: text('period').notNull(),
    lines: jsonb('lines').notNull(),
    commissionCents: cents('commission_cents').notNull(),
    adjustmentCents: cents('adjustment_cents').notNull(),
    totalCents: cents('total_cents').notNull(),
    /** SHA-256 of the lines and adjustments: equal digests mean the same statement. */
    digest: text('digest').notNull(),
    computedAt: ts('computed_at').notNull(),
    runs: integer('runs').notNull().default(1),
  },
  (t) => [uniqueIndex('payout_statements_partner_period_uq').on(t.partnerId, t.period)],
);

export const commissionAdjustments = pgTable(
  'commission_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    period: text('period').notNull(),
    amountCents: cents('amount_cents').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('commission_adjustments_partner_idx').on(t.partnerId, t.period)],
);

export const partnerScorecards = pgTable(
  'partner_scorecards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    period: text('period').notNull(),
    revenue: integer('revenue').notNull(),
    activity: integer('activity').notNull(),
    enablement: integer('enablement').notNull(),
    relationship: integer('relationship').notNull(),
    total: integer('total').notNull(),
    level: text('level', { enum: SCORECARD_LEVELS }).notNull(),
    inputs: jsonb('inputs').notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [uniqueIndex('partner_scorecards_partner_period_uq').on(t.partnerId, t.period)],
);

export const mdfAccruals = pgTable(
  'mdf_accruals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    quarter: text('quarter').notNull(),
    revenueCents: cents('revenue_cents').notNull(),
    rateBps: integer('rate_bps').notNull(),
    amountCents: cents('amount_cents').notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [uniqueIndex('mdf_accruals_partner_quarter_uq').on(t.partnerId, t.quarter)],
);

export const mdfClaims = pgTable(
  'mdf_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    quarter: text('quarter').notNull(),
    category: text('category').notNull(),
    activity: text('activity').notNull(),
    description: text('description').notNull(),
    amountCents: cents('amount_cents').notNull(),
    state: text('state', { enum: MDF_CLAIM_STATES }).notNull().default('submitted'),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: uuid('submitted_by'),
    reviewDueAt: ts('review_due_at').notNull(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    completedAt: ts('completed_at'),
    reimbursementDueAt: ts('reimbursement_due_at'),
    reimbursedAt: ts('reimbursed_at'),
    leads: integer('leads').notNull().default(0),
    opportunities: integer('opportunities').notNull().default(0),
    pipelineCents: cents('pipeline_cents').notNull().default(0),
    customersAcquired: integer('customers_acquired').notNull().default(0),
    attributedRevenueCents: cents('attributed_revenue_cents').notNull().default(0),
  },
  (t) => [index('mdf_claims_partner_idx').on(t.partnerId, t.quarter)],
);

export const partnerProspects = pgTable(
  'partner_prospects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    stage: text('stage', { enum: PROSPECT_STAGES }).notNull().default('identified'),
    /** When each stage was reached: { identified: iso, qualified: iso, … }. */
    stageHistory: jsonb('stage_history').notNull(),
    lostAt: ts('lost_at'),
    partnerId: uuid('partner_id').references(() => partnerOrgs.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('partner_prospects_stage_idx').on(t.stage)],
);

export const trainingModules = pgTable(
  'training_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    track: text('track', { enum: TRAINING_TRACKS }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** The assessment: [{ prompt, choices, answer }]; answers never leave the server. */
    questions: jsonb('questions').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('training_modules_slug_uq').on(t.slug)],
);

export const trainingAttempts = pgTable(
  'training_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: uuid('module_id').notNull().references(() => trainingModules.id, { onDelete: 'cascade' }),
    partnerId: partnerRef(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    correct: integer('correct').notNull(),
    total: integer('total').notNull(),
    passed: boolean('passed').notNull(),
    attemptedAt: ts('attempted_at').notNull(),
  },
  (t) => [index('training_attempts_partner_idx').on(t.partnerId)],
);

export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: uuid('module_id').notNull().references(() => trainingModules.id, { onDelete: 'cascade' }),
    partnerId: partnerRef(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The assessment score in basis points (0.85 → 8500). */
    scoreBps: integer('score_bps').notNull(),
    issuedAt: ts('issued_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    expiredAt: ts('expired_at'),
  },
  (t) => [index('training_certificates_partner_idx').on(t.partnerId, t.expiresAt)],
);
