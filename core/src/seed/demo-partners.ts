/**
 * Demo partner program data for `npm start` (embedded demo only, once, behind
 * its own marker): the demo developer's agency "Northwind Digital", Certified
 * and managing the client workspace "Bloom Boutique" (whose admin is the demo
 * customer); a referral that brought in "Cedar & Co"; an auto-approved deal
 * registration; last month's payments; and last month's payout statement and
 * scorecard, computed by the same code the period-close job runs. Also the
 * three training modules of the seed's curriculum. Nothing here touches Acme
 * Store, so the other demo numbers are unchanged.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { platformSettings } from '../db/schema/audit.js';
import { users, workspaceMembers, workspaces } from '../db/schema/identity.js';
import { grantAgencyAccess } from '../partners/agency/agency-access.js';
import { computePayoutStatement } from '../partners/commissions/payout-statements.js';
import { recordRevenueEvent } from '../partners/commissions/revenue-events.js';
import { registerDeal } from '../partners/deals/deal-registration.js';
import { DAY_MS, monthOf } from '../partners/money.js';
import { createPartner } from '../partners/partner-orgs.js';
import { attributeSignup, createReferralCode, recordTouch } from '../partners/referrals/referral-codes.js';
import { computeMonthlyScorecard } from '../partners/scorecards/scorecard-runs.js';
import { readPartnerSettings } from '../partners/settings/partner-settings.js';
import { decideTierReview, requestTierReview } from '../partners/tiers/tier-reviews.js';
import { createTrainingModule } from '../partners/training/training-service.js';

const MARKER = 'demo_partners_seeded_at';

const q = (prompt: string, choices: string[], answer: number) => ({ prompt, choices, answer });
const MODULES = [
  { slug: 'foundation', title: 'Foundation: NudgeCampaign overview', track: 'foundation' as const, durationMinutes: 240, questions: [q('Who is the ideal customer?', ['SMB to mid-market e-commerce', 'Only enterprises'], 0), q('What sets NudgeCampaign apart?', ['Integrations where customers already work', 'Fax support'], 0)] },
  { slug: 'technical', title: 'Technical certification', track: 'technical' as const, durationMinutes: 480, questions: [q('Where do plugins run?', ['In an isolated sandbox', 'In the browser'], 0), q('How are credentials stored?', ['Encrypted in the vault', 'In plain text'], 0)] },
  { slug: 'sales', title: 'Sales workshop', track: 'sales' as const, durationMinutes: 360, questions: [q('What comes first in consultative selling?', ['Discovery', 'Closing'], 0), q('How do you handle an objection?', ['Understand it, then answer it', 'Ignore it'], 0)] },
];

async function userId(db: Db, email: string): Promise<string | undefined> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id;
}

async function workspace(db: Db, slug: string, name: string, adminId: string): Promise<string> {
  await db.insert(workspaces).values({ slug, name }).onConflictDoNothing();
  const [ws] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
  await db.insert(workspaceMembers).values({ workspaceId: ws!.id, userId: adminId, role: 'admin' }).onConflictDoNothing();
  return ws!.id;
}

/** Returns true when it seeded, false when the partner demo was already there (or the demo users are missing). */
export async function seedDemoPartners(db: Db, now: Date): Promise<boolean> {
  const developer = await userId(db, 'developer@demo.nudgecampaign.test');
  const customer = await userId(db, 'customer@demo.nudgecampaign.test');
  const admin = await userId(db, 'admin@demo.nudgecampaign.test');
  if (!developer || !customer || !admin) return false;
  const claimed = await db.insert(platformSettings).values({ key: MARKER, value: now.toISOString() }).onConflictDoNothing().returning({ key: platformSettings.key });
  if (claimed.length === 0) return false;
  const settings = await readPartnerSettings(db);
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const at = (days: number) => new Date(lastMonth.getTime() + days * DAY_MS);

  for (const m of MODULES) await createTrainingModule(db, { ...m, userId: admin, now: at(-60) });
  const partner = await createPartner(db, { name: 'Northwind Digital', slug: 'northwind-digital', kind: 'agency', ownerId: developer, now: at(-45) });
  const bloom = await workspace(db, 'bloom-boutique', 'Bloom Boutique', customer);
  await grantAgencyAccess(db, { workspaceId: bloom, partnerId: partner.id, role: 'admin', actorUserId: customer, now: at(-40) });
  const review = await requestTierReview(db, settings, { partnerId: partner.id, tier: 'certified', userId: developer, now: at(-35) });
  await decideTierReview(db, settings, { reviewId: review.id, approve: true, note: 'Demo: approved for the pilot cohort.', userId: admin, now: at(-34) });

  const code = await createReferralCode(db, partner.id, at(-30));
  const { visitorId } = await recordTouch(db, { code: code.code, visitorId: null, now: at(1) });
  const cedar = await workspace(db, 'cedar-co', 'Cedar & Co', customer);
  await attributeSignup(db, { workspaceId: cedar, visitorId, attributionDays: settings.referral.attributionDays, now: at(2) });
  await registerDeal(db, settings, { partnerId: partner.id, customerDomain: 'lumen-outfitters.example', customerName: 'Lumen Outfitters', amountCents: 4_800_00, userId: developer, now: at(3) });

  // Last month: Bloom Boutique pays $1,250 twice (20 % each = $250), Cedar & Co makes its first payment ($500 bounty).
  await recordRevenueEvent(db, { externalId: 'demo_inv_bloom_1', workspaceId: bloom, kind: 'payment', amountCents: 1_250_00, occurredAt: at(4) });
  await recordRevenueEvent(db, { externalId: 'demo_inv_bloom_2', workspaceId: bloom, kind: 'payment', amountCents: 1_250_00, occurredAt: at(18) });
  await recordRevenueEvent(db, { externalId: 'demo_inv_cedar_1', workspaceId: cedar, kind: 'payment', amountCents: 99_00, occurredAt: at(5) });
  const period = monthOf(lastMonth);
  await computePayoutStatement(db, settings, { partnerId: partner.id, period, now });
  await computeMonthlyScorecard(db, settings, { partnerId: partner.id, period, now });
  return true;
}
