/**
 * Money in the partner portal. The API sends integer cents and basis points;
 * the portal formats them, parses typed dollar amounts into integer cents from
 * the text (never through a float), and applies a rate as the server does:
 * BigInt `cents × bps / 10 000`, rounded half away from zero.
 */

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 123456 → "$1,234.56"; −500 → "−$5.00". */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) return '—';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${cents < 0 ? '−' : ''}$${GROUPED.format(dollars)}.${String(rest).padStart(2, '0')}`;
}

/** Whole dollars for chart axes: 1234567 → "$12K". */
export function formatCentsShort(cents: number): string {
  if (!Number.isSafeInteger(cents)) return '';
  const dollars = Math.trunc(cents / 100);
  const abs = Math.abs(dollars);
  const sign = dollars < 0 ? '−' : '';
  if (abs >= 1_000_000) return `${sign}$${Math.round(abs / 100_000) / 10}M`;
  if (abs >= 1_000) return `${sign}$${Math.round(abs / 100) / 10}K`;
  return `${sign}$${abs}`;
}

/** 2500 → "25 %"; 1250 → "12.5 %". */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = Math.abs(bps % 100);
  return `${whole}${rest ? `.${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''} %`;
}

/**
 * "12,345.67", "$10000", "9999.5" → integer cents; undefined when the text is
 * not an amount of dollars with at most two decimals.
 */
export function parseDollars(text: string): number | undefined {
  const m = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  const cents = BigInt(m[1]!.replace(/,/g, '')) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return cents <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(cents) : undefined;
}

/** `cents × bps / 10 000`, rounded half away from zero (as the server's money.ts). */
export function applyBps(cents: number, bps: number): number {
  const product = BigInt(cents) * BigInt(bps);
  const sign = product < 0n ? -1n : 1n;
  return Number((((product * sign) + 5_000n) / 10_000n) * sign);
}

/** A sum of integer cents without float accumulation. */
export function sumCents(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return Number(total);
}
