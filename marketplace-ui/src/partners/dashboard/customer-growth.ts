/**
 * Customer growth from the API's own dates: a managed client counts from the
 * month its agency grant started, a referred customer from the month its signup
 * was attributed. Cumulative per month over the 12 months up to `now`.
 */
export interface GrowthPoint {
  period: string;
  managed: number;
  referred: number;
}

const month = (d: Date) => d.toISOString().slice(0, 7);

export function lastMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1))));
}

export function customerGrowth(managedSince: readonly string[], referredSince: readonly string[], now: Date, months = 12): GrowthPoint[] {
  const periods = lastMonths(now, months);
  const upTo = (dates: readonly string[], period: string) => dates.filter((iso) => iso.slice(0, 7) <= period).length;
  return periods.map((period) => ({ period, managed: upTo(managedSince, period), referred: upTo(referredSince, period) }));
}
