import { describe, expect, it } from 'vitest';
import { mdfCategoryOf, SEED_PARTNER_SETTINGS, validatePartnerSettings } from './partner-settings.js';

describe('partner program settings', () => {
  it('the seed defaults validate against the schema', () => {
    expect(validatePartnerSettings(structuredClone(SEED_PARTNER_SETTINGS))).toEqual(SEED_PARTNER_SETTINGS);
  });

  it('refuses a bad shape, weights that do not add up, and an empty MDF range', () => {
    expect(() => validatePartnerSettings({ ...SEED_PARTNER_SETTINGS, extra: 1 })).toThrow(/invalid/);
    const weights = structuredClone(SEED_PARTNER_SETTINGS);
    weights.scorecard.weights.revenue = 50;
    expect(() => validatePartnerSettings(weights)).toThrow(/add up to 100/);
    const mdf = structuredClone(SEED_PARTNER_SETTINGS);
    mdf.mdf.minCents = mdf.mdf.maxCents + 1;
    expect(() => validatePartnerSettings(mdf)).toThrow(/minimum/);
  });

  it('maps an eligible activity to its category', () => {
    expect(mdfCategoryOf(SEED_PARTNER_SETTINGS, 'Webinars')).toBe('demand_generation');
    expect(mdfCategoryOf(SEED_PARTNER_SETTINGS, 'PR initiatives')).toBe('branding');
    expect(mdfCategoryOf(SEED_PARTNER_SETTINGS, 'Team lunch')).toBeUndefined();
  });
});
