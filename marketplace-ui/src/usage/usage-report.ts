/**
 * Usage from the GraphQL API: one scope's report (totals per metric and the
 * daily series, paged 100 points at a time) and the series pivoted into one
 * row per day with a column per metric, for charting.
 */
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { UsageDimension, UsageReportQuery } from '../graphql/generated/graphql';

export type { UsageDimension };

const UsageReportDocument = graphql(`
  query UsageReport($dimension: UsageDimension!, $id: ID!, $from: DateTime, $to: DateTime, $after: String) {
    usage(dimension: $dimension, id: $id, bucket: DAY, from: $from, to: $to) {
      totals { metric count sumDurationMs valueCents }
      series(first: 100, after: $after) {
        edges { node { bucketStart metric count sumDurationMs valueCents } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export interface UsagePoint {
  bucketStart: string;
  metric: string;
  count: number;
  sumDurationMs: number;
  valueCents: number;
}

export interface UsageData {
  totals: Omit<UsagePoint, 'bucketStart'>[];
  points: UsagePoint[];
}

/** At most this many pages of points (30 days × a dozen metrics fits in a few). */
const MAX_PAGES = 20;

export async function fetchUsage(dimension: UsageDimension, id: string, days = 30): Promise<UsageData> {
  const to = new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const points: UsagePoint[] = [];
  let totals: UsageData['totals'] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { usage }: UsageReportQuery = await request(UsageReportDocument, { dimension, id, from: from.toISOString(), to: to.toISOString(), after });
    if (page === 0) totals = usage.totals;
    points.push(...usage.series.edges.map((e) => e.node));
    if (!usage.series.pageInfo.hasNextPage || !usage.series.pageInfo.endCursor) break;
    after = usage.series.pageInfo.endCursor;
  }
  return { totals, points };
}

/** One object per day: { day, <metric>: count, … } for charting. */
export function pivotByDay(points: UsagePoint[]): { days: Record<string, number | string>[]; metrics: string[] } {
  const metrics = [...new Set(points.map((r) => r.metric))].sort();
  const byDay = new Map<string, Record<string, number | string>>();
  for (const r of points) {
    const day = r.bucketStart.slice(0, 10);
    const entry = byDay.get(day) ?? { day };
    entry[r.metric] = (Number(entry[r.metric] ?? 0) || 0) + r.count;
    byDay.set(day, entry);
  }
  return { days: [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))), metrics };
}

/** A metric name as people read it: `invocation:error` → "invocation error". */
export const metricLabel = (metric: string) => metric.replace(/[_.:]+/g, ' ');
