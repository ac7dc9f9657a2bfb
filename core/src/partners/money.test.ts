import { describe, expect, it } from 'vitest';
import { addBusinessDays, applyBps, monthRange, previousMonth, previousQuarter, quarterOf, quarterRange, sumCents } from './money.js';

describe('partner money', () => {
  it('applies basis points with integer arithmetic, half away from zero', () => {
    expect(applyBps(100_00, 2000)).toBe(20_00); // 20 % of $100
    expect(applyBps(1_234_57, 2500)).toBe(308_64); // 30 864.25 → 30 864
    expect(applyBps(10, 2500)).toBe(3); // 2.5 → 3
    expect(applyBps(-10, 2500)).toBe(-3); // symmetric for clawbacks
    expect(applyBps(9_007_199_254_740_991, 2000)).toBe(1_801_439_850_948_198); // no float overflow
    expect(() => applyBps(1.5, 2000)).toThrow(/whole number of cents/);
  });

  it('sums cents exactly', () => {
    expect(sumCents([10, 20, -5])).toBe(25);
  });

  it('names months and quarters in UTC', () => {
    expect(monthRange('2027-12')).toEqual({ start: new Date('2027-12-01T00:00:00Z'), end: new Date('2028-01-01T00:00:00Z') });
    expect(quarterRange('2027-Q2')).toEqual({ start: new Date('2027-04-01T00:00:00Z'), end: new Date('2027-07-01T00:00:00Z') });
    expect(quarterOf(new Date('2027-09-30T23:59:59Z'))).toBe('2027-Q3');
    expect(previousMonth(new Date('2027-01-15T00:00:00Z'))).toBe('2026-12');
    expect(previousQuarter(new Date('2027-02-01T00:00:00Z'))).toBe('2026-Q4');
    expect(() => monthRange('2027-13')).toThrow(/YYYY-MM/);
  });

  it('counts business days over a weekend', () => {
    // Thursday 2027-03-04 + 5 business days = Thursday 2027-03-11.
    expect(addBusinessDays(new Date('2027-03-04T10:00:00Z'), 5).toISOString()).toBe('2027-03-11T10:00:00.000Z');
    // Friday + 1 business day = Monday.
    expect(addBusinessDays(new Date('2027-03-05T10:00:00Z'), 1).toISOString()).toBe('2027-03-08T10:00:00.000Z');
  });
});
