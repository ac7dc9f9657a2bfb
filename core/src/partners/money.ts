/**
 * Money and periods for the partner program. Money is integer cents; rates
 * are integer basis points (1 % = 100 bps). A percentage is applied with
 * BigInt arithmetic and rounded half away from zero to the cent, so a refund's
 * clawback is exactly the negative of the commission its payment earned, and
 * no float ever holds a sum of money.
 */
import { ValidationError } from '../errors.js';

/** `amountCents × bps / 10 000`, rounded half away from zero. */
export function applyBps(amountCents: number, bps: number): number {
  assertCents(amountCents, 'amountCents');
  if (!Number.isInteger(bps)) throw new ValidationError('A rate must be a whole number of basis points.', { path: 'bps' });
  const product = BigInt(amountCents) * BigInt(bps);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  const rounded = (abs + 5_000n) / 10_000n;
  return Number(rounded * sign);
}

export function clampCents(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function sumCents(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return Number(total);
}

export function assertCents(value: number, path: string): void {
  if (!Number.isSafeInteger(value)) throw new ValidationError(`${path} must be a whole number of cents.`, { path });
}

export const DAY_MS = 86_400_000;

/** "2027-03" for a month in UTC. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** [start, end) of a "YYYY-MM" month in UTC. */
export function monthRange(period: string): { start: Date; end: Date } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) throw new ValidationError(`"${period}" is not a month; use YYYY-MM.`, { path: 'period' });
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
}

/** [start, end) of a "YYYY-Qn" quarter in UTC. */
export function quarterRange(quarter: string): { start: Date; end: Date } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new ValidationError(`"${quarter}" is not a quarter; use YYYY-Qn.`, { path: 'quarter' });
  const year = Number(m[1]);
  const q = Number(m[2]) - 1;
  return { start: new Date(Date.UTC(year, q * 3, 1)), end: new Date(Date.UTC(year, q * 3 + 3, 1)) };
}

/** The month before the one `at` falls in. */
export function previousMonth(at: Date): string {
  return monthOf(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1)));
}

export function previousQuarter(at: Date): string {
  return quarterOf(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 3, 1)));
}

export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** `days` business days (Monday–Friday, UTC) after `from`, at the same time of day. */
export function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) left -= 1;
  }
  return d;
}
