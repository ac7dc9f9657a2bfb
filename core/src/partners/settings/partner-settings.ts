/**
 * The partner program's rules as one typed settings object
 * (schemas/partner-program-settings.schema.json), kept in platform_settings
 * under `partner_program`. The defaults are the partnership strategy's values;
 * the internal team replaces the object as a whole (validated, audited).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { eq } from 'drizzle-orm';
import { describeAjvErrors } from '@nudgecampaign/plugin-sdk/manifest/describe-errors';
import type { PartnerProgramSettings } from '../../contracts/partner-program-settings.generated.js';
import type { DbOrTx } from '../../db/database.js';
import { platformSettings } from '../../db/schema/audit.js';
import { ValidationError } from '../../errors.js';

export type { PartnerProgramSettings };
export type AgencyTierRules = PartnerProgramSettings['agencyTiers']['certified'];
export type MdfCategory = keyof PartnerProgramSettings['mdf']['categories'];

export const PARTNER_SETTINGS_KEY = 'partner_program';

/** The seed's values (partnership-strategy.txt: agency tiers, referral and reseller programs, scorecard, MDF, pipeline, enablement). */
export const SEED_PARTNER_SETTINGS: PartnerProgramSettings = {
  agencyTiers: {
    // "Complete 8-hour certification" (the technical track), 5+ accounts, $10K annual, assessment 80 %+; 20 % recurring.
    certified: { commissionBps: 2000, minTrainingMinutes: 480, requiredTracks: ['technical'], minAssessmentBps: 8000, minManagedAccounts: 5, minAnnualRevenueCents: 10_000_00, minNpsTenths: null, whiteLabel: false },
    // "Advanced certification" (every track), 20+ accounts, $50K annual, NPS > 8; 25 %.
    premier: { commissionBps: 2500, minTrainingMinutes: 480, requiredTracks: ['foundation', 'technical', 'sales'], minAssessmentBps: 8000, minManagedAccounts: 20, minAnnualRevenueCents: 50_000_00, minNpsTenths: 81, whiteLabel: false },
    // 50+ accounts, $150K+ annual; 30 % and white-label.
    strategic: { commissionBps: 3000, minTrainingMinutes: 0, requiredTracks: [], minAssessmentBps: 0, minManagedAccounts: 50, minAnnualRevenueCents: 150_000_00, minNpsTenths: null, whiteLabel: true },
  },
  referral: {
    attributionDays: 90,
    individualBountyCents: 500_00,
    professionalMinReferrals: 3,
    professionalCommissionBps: 2000,
    professionalMonths: 12,
    strategicMinAnnualReferrals: 10,
    strategicCommissionBps: 2500,
  },
  deals: { autoApproveBelowCents: 10_000_00, protectionDays: 90 },
  reseller: { minDiscountBps: 3000, maxDiscountBps: 4000, minAnnualCommitCents: 50_000_00, mdfBps: 300 },
  scorecard: {
    weights: { revenue: 40, activity: 20, enablement: 20, relationship: 20 },
    levels: { platinum: 90, gold: 75, silver: 50, bronze: 25 },
    // Premier's $50K a year, per month (rounded up).
    monthlyRevenueTargetCents: 4_166_67,
    monthlyActivityTarget: 10,
  },
  mdf: {
    rateBps: { certified: 200, premier: 300, strategic: 500 },
    minCents: 1_000_00,
    maxCents: 50_000_00,
    categories: {
      demand_generation: { weightBps: 4000, activities: ['Email campaigns', 'Webinars', 'Content creation', 'SEO/SEM campaigns'] },
      events: { weightBps: 3000, activities: ['Trade show participation', 'Local events', 'Customer meetups', 'Speaking engagements'] },
      enablement: { weightBps: 2000, activities: ['Sales training', 'Certification programs', 'Demo environments', 'Sales tools'] },
      branding: { weightBps: 1000, activities: ['Co-branded materials', 'Website development', 'Video production', 'PR initiatives'] },
    },
    reviewBusinessDays: 5,
    reimbursementDays: 30,
    roiTarget: 3.0,
  },
  recruitment: { benchmarksBps: { identified_to_qualified: 3000, qualified_to_pitched: 5000, pitched_to_negotiating: 4000, negotiating_to_signed: 8000 } },
  training: { passMarkBps: 8000, certificateValidityDays: 365 },
};

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../schemas/partner-program-settings.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile<PartnerProgramSettings>(SCHEMA);

/** Schema validation plus the rules a schema cannot state. */
export function validatePartnerSettings(value: unknown): PartnerProgramSettings {
  if (!validate(value)) {
    const problems = describeAjvErrors(validate.errors ?? [], SCHEMA);
    throw new ValidationError(`Partner program settings are invalid: ${problems.slice(0, 5).map((p) => `${p.path} ${p.message}`).join('; ')}`, { problems });
  }
  const w = value.scorecard.weights;
  if (w.revenue + w.activity + w.enablement + w.relationship !== 100) throw new ValidationError('Scorecard weights must add up to 100.', { path: '/scorecard/weights' });
  const weights = Object.values(value.mdf.categories).reduce((a, c) => a + c.weightBps, 0);
  if (weights !== 10_000) throw new ValidationError('MDF category weights must add up to 10000 basis points.', { path: '/mdf/categories' });
  if (value.mdf.minCents > value.mdf.maxCents) throw new ValidationError('The MDF minimum must not exceed the maximum.', { path: '/mdf/minCents' });
  if (value.reseller.minDiscountBps > value.reseller.maxDiscountBps) throw new ValidationError('The reseller discount range is empty.', { path: '/reseller' });
  return value;
}

export async function readPartnerSettings(db: DbOrTx): Promise<PartnerProgramSettings> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, PARTNER_SETTINGS_KEY));
  return row ? (row.value as PartnerProgramSettings) : SEED_PARTNER_SETTINGS;
}

export async function writePartnerSettings(db: DbOrTx, value: unknown, now: Date): Promise<PartnerProgramSettings> {
  const settings = validatePartnerSettings(value);
  await db
    .insert(platformSettings)
    .values({ key: PARTNER_SETTINGS_KEY, value: settings, updatedAt: now })
    .onConflictDoUpdate({ target: platformSettings.key, set: { value: settings, updatedAt: now } });
  return settings;
}

/** The category an eligible MDF activity belongs to, or undefined. */
export function mdfCategoryOf(settings: PartnerProgramSettings, activity: string): MdfCategory | undefined {
  for (const [name, category] of Object.entries(settings.mdf.categories) as Array<[MdfCategory, { activities: string[] }]>) {
    if (category.activities.includes(activity)) return name;
  }
  return undefined;
}
