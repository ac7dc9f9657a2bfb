/**
 * The partner program's recurring work, as jobs on the durable queue
 * (enqueued once per slot across processes, like the other maintenance):
 * - `partners.period-close` (hourly): for every partner, the previous month's
 *   payout statement and scorecard and the previous quarter's MDF accrual, and
 *   a pending tier review when an agency's data makes it eligible for a higher tier.
 *   Each is unique per partner and period and recomputed from the same facts,
 *   so running it again in the same month changes nothing.
 * - `partners.expiry` (daily): certificates past their year and approved deal
 *   registrations past their protection are marked expired.
 */
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { partnerOrgs } from '../../db/schema/partners.js';
import { JOB_KINDS } from '../../runtime/job-kinds.js';
import type { JobHandler } from '../../runtime/jobs/job-worker.js';
import { computePayoutStatement } from '../commissions/payout-statements.js';
import { expireDeals } from '../deals/deal-registration.js';
import { accrueMdf } from '../mdf/mdf-service.js';
import { previousMonth, previousQuarter } from '../money.js';
import { computeMonthlyScorecard } from '../scorecards/scorecard-runs.js';
import { readPartnerSettings } from '../settings/partner-settings.js';
import { flagEligibleTier } from '../tiers/tier-reviews.js';
import { expireCertificates } from '../training/training-service.js';

export async function closePartnerPeriods(db: Db, now: Date): Promise<{ partners: number; statementsChanged: number }> {
  const settings = await readPartnerSettings(db);
  const period = previousMonth(now);
  const quarter = previousQuarter(now);
  const partners = await db.select({ id: partnerOrgs.id }).from(partnerOrgs);
  let statementsChanged = 0;
  for (const { id } of partners) {
    const { changed } = await computePayoutStatement(db, settings, { partnerId: id, period, now });
    if (changed) statementsChanged += 1;
    await computeMonthlyScorecard(db, settings, { partnerId: id, period, now });
    await accrueMdf(db, settings, { partnerId: id, quarter, now });
    await flagEligibleTier(db, settings, { partnerId: id, now });
  }
  return { partners: partners.length, statementsChanged };
}

export async function expirePartnerRecords(db: Db, now: Date): Promise<{ certificates: number; deals: number }> {
  return { certificates: await expireCertificates(db, now), deals: await expireDeals(db, now) };
}

export function partnerJobHandlers(db: Db, clock: Clock): JobHandler[] {
  return [
    { kind: JOB_KINDS.PARTNER_PERIOD_CLOSE, run: async () => void (await closePartnerPeriods(db, clock.now())) },
    { kind: JOB_KINDS.PARTNER_EXPIRY, run: async () => void (await expirePartnerRecords(db, clock.now())) },
  ];
}

export const PARTNER_RECURRING_JOBS = [
  { kind: JOB_KINDS.PARTNER_PERIOD_CLOSE, everyMs: 3_600_000 },
  { kind: JOB_KINDS.PARTNER_EXPIRY, everyMs: 86_400_000 },
] as const;
