import { describe, expect, it } from 'vitest';
import { customerGrowth, lastMonths } from './customer-growth';

describe('customer growth', () => {
  it('counts managed and referred customers cumulatively per month', () => {
    const now = new Date('2027-03-15T00:00:00Z');
    expect(lastMonths(now, 3)).toEqual(['2027-01', '2027-02', '2027-03']);
    const points = customerGrowth(['2026-12-01T00:00:00Z', '2027-02-10T00:00:00Z'], ['2027-03-01T00:00:00Z'], now, 3);
    expect(points).toEqual([
      { period: '2027-01', managed: 1, referred: 0 },
      { period: '2027-02', managed: 2, referred: 0 },
      { period: '2027-03', managed: 2, referred: 1 },
    ]);
  });
});
