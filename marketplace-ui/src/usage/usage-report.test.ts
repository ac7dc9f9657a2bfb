import { describe, expect, it } from 'vitest';
import { metricLabel, pivotByDay } from './usage-report';

describe('usage series for charts', () => {
  it('pivots points into one row per day, summing a metric within the day, days in order', () => {
    const point = (bucketStart: string, metric: string, count: number) => ({ bucketStart, metric, count, sumDurationMs: 0, valueCents: 0 });
    const { days, metrics } = pivotByDay([point('2026-12-02T00:00:00.000Z', 'invocation', 3), point('2026-12-01T00:00:00.000Z', 'invocation', 1), point('2026-12-02T00:00:00.000Z', 'error', 2), point('2026-12-02T00:00:00.000Z', 'invocation', 4)]);
    expect(metrics).toEqual(['error', 'invocation']);
    expect(days).toEqual([
      { day: '2026-12-01', invocation: 1 },
      { day: '2026-12-02', invocation: 7, error: 2 },
    ]);
    expect(pivotByDay([])).toEqual({ days: [], metrics: [] });
  });

  it('names metrics in words', () => {
    expect(metricLabel('sync_record.upserted')).toBe('sync record upserted');
    expect(metricLabel('invocation:error')).toBe('invocation error');
  });
});
