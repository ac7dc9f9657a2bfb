/**
 * Settings the internal team edits, kept in platform_settings: ROI rates, the
 * manual ROI inputs per integration, success targets per integration, the
 * expected adoption mix by integration type, and usage retention.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { platformSettings } from '../db/schema/audit.js';
import { SEED_RATES, type RoiRates } from './roi.js';

export interface SuccessTargets {
  installs: number;
  activeUsers: number;
  gmvInfluencedCents: number;
  customersAcquired: number;
}

export interface ManualRoiInputs {
  developmentHours: number;
  monthlyMaintenanceHours: number;
  supportTickets: number;
  churnReduction: number;
  featureUpsells: number;
}

export interface RetentionPolicy {
  rawEventDays: number;
  hourlyRollupDays: number;
  dailyRollupDays: number;
}

/** The seed's Shopify targets, used for every integration until the team sets its own. */
export const SEED_TARGETS: SuccessTargets = { installs: 1000, activeUsers: 600, gmvInfluencedCents: 10_000_000_00, customersAcquired: 400 };
/** The seed's expected adoption by integration type. */
export const SEED_ADOPTION: Record<'native' | 'api' | 'connector', number> = { native: 0.4, api: 0.25, connector: 0.35 };
export const DEFAULT_RETENTION: RetentionPolicy = { rawEventDays: 90, hourlyRollupDays: 35, dailyRollupDays: 730 };
export const NO_MANUAL_INPUTS: ManualRoiInputs = { developmentHours: 0, monthlyMaintenanceHours: 0, supportTickets: 0, churnReduction: 0, featureUpsells: 0 };

async function read<T>(db: DbOrTx, key: string, fallback: T): Promise<T> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, key));
  return row ? ({ ...fallback, ...(row.value as Partial<T>) } as T) : fallback;
}

export async function write(db: DbOrTx, key: string, value: unknown, now = new Date()): Promise<void> {
  await db.insert(platformSettings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: platformSettings.key, set: { value, updatedAt: now } });
}

export const usageSettingKeys = {
  rates: 'roi_rates',
  roiInputs: (pluginId: string) => `roi_inputs:${pluginId}`,
  targets: (pluginId: string) => `success_targets:${pluginId}`,
  adoption: 'adoption_expected',
  retention: 'usage_retention',
};

export const readRates = (db: DbOrTx) => read<RoiRates>(db, usageSettingKeys.rates, SEED_RATES);
export const readRoiInputs = (db: DbOrTx, pluginId: string) => read<ManualRoiInputs>(db, usageSettingKeys.roiInputs(pluginId), NO_MANUAL_INPUTS);
export const readTargets = (db: DbOrTx, pluginId: string) => read<SuccessTargets>(db, usageSettingKeys.targets(pluginId), SEED_TARGETS);
export const readAdoption = (db: DbOrTx) => read(db, usageSettingKeys.adoption, SEED_ADOPTION);
export const readRetention = (db: DbOrTx) => read<RetentionPolicy>(db, usageSettingKeys.retention, DEFAULT_RETENTION);
