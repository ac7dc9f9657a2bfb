import { describe, expect, it } from 'vitest';
import { SEED_PARTNER_SETTINGS as S } from '../settings/partner-settings.js';
import { canAdvance, conversionRates } from './pipeline.js';

describe('recruitment pipeline (hand-worked)', () => {
  it('converts between stages against the seed benchmarks', () => {
    // 100 identified → 30 qualified (30 %) → 14 pitched (46.66 %) → 6 negotiating (42.85 %) → 5 signed (83.33 %); overall 5 %.
    const r = conversionRates({ identified: 100, qualified: 30, pitched: 14, negotiating: 6, signed: 5 }, S);
    expect(r.stages.map((c) => [c.from, c.rateBps, c.benchmarkBps, c.meetsBenchmark])).toEqual([
      ['identified', 3000, 3000, true],
      ['qualified', 4666, 5000, false],
      ['pitched', 4285, 4000, true],
      ['negotiating', 8333, 8000, true],
    ]);
    expect(r.overallBps).toBe(500);
    // 0.30 × 0.50 × 0.40 × 0.80 = 0.048 → 480 bps.
    expect(r.overallBenchmarkBps).toBe(480);
  });

  it('has no rate for an empty stage, and moves one stage at a time', () => {
    expect(conversionRates({ identified: 0, qualified: 0, pitched: 0, negotiating: 0, signed: 0 }, S).stages[0]!.rateBps).toBeNull();
    expect(canAdvance('identified', 'qualified')).toBe(true);
    expect(canAdvance('identified', 'pitched')).toBe(false);
    expect(canAdvance('signed', 'negotiating')).toBe(false);
  });
});
