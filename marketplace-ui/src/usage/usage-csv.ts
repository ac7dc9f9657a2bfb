/**
 * Reads the platform's usage export (`GET /usage/export.csv`), the only usage
 * source the API offers today, into rows per day with one column per metric.
 */
import { ApiError } from '../graphql/api-error';

export type UsageDimension = 'installation' | 'plugin' | 'version' | 'publisher' | 'workspace' | 'platform';

export interface UsageRow {
  bucketStart: string;
  metric: string;
  count: number;
  sumDurationMs: number;
  valueCents: number;
}

function parseLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export function parseUsageCsv(text: string): UsageRow[] {
  const [, ...lines] = text.trim().split('\n');
  return lines.filter(Boolean).map((line) => {
    const [bucketStart = '', metric = '', count = '0', sum = '0', value = '0'] = parseLine(line);
    return { bucketStart, metric, count: Number(count), sumDurationMs: Number(sum), valueCents: Number(value) };
  });
}

export async function fetchUsage(dimension: UsageDimension, id: string, days = 30): Promise<UsageRow[]> {
  const to = new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const params = new URLSearchParams({ dimension, id, bucket: 'day', from: from.toISOString(), to: to.toISOString() });
  const response = await fetch(`/usage/export.csv?${params}`, { credentials: 'same-origin', headers: { accept: 'text/csv' } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError([{ code: problem.code ?? 'INTERNAL', message: problem.detail ?? `The usage export answered ${response.status}.` }]);
  }
  return parseUsageCsv(await response.text());
}

/** One object per day: { day, <metric>: count, … } for charting. */
export function pivotByDay(rows: UsageRow[]): { days: Record<string, number | string>[]; metrics: string[] } {
  const metrics = [...new Set(rows.map((r) => r.metric))].sort();
  const byDay = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const day = r.bucketStart.slice(0, 10);
    const entry = byDay.get(day) ?? { day };
    entry[r.metric] = (Number(entry[r.metric] ?? 0) || 0) + r.count;
    byDay.set(day, entry);
  }
  return { days: [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))), metrics };
}
