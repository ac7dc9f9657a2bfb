import { describe, expect, it } from 'vitest';
import { applyBps, formatBps, formatCents, formatCentsShort, parseDollars, sumCents } from './partner-money';

describe('partner portal money', () => {
  it('formats integer cents', () => {
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(-50000)).toBe('−$500.00');
    expect(formatCents(0.5)).toBe('—');
    expect(formatCentsShort(1_234_567)).toBe('$12.3K');
    expect(formatBps(2000)).toBe('20 %');
    expect(formatBps(1250)).toBe('12.5 %');
  });

  it('parses typed dollars into cents from the text', () => {
    expect(parseDollars('9,999.99')).toBe(999_999);
    expect(parseDollars('$10000')).toBe(1_000_000);
    expect(parseDollars('0.1')).toBe(10);
    expect(parseDollars('1.005')).toBeUndefined();
    expect(parseDollars('12,34')).toBeUndefined();
    expect(parseDollars('-5')).toBeUndefined();
    expect(parseDollars('')).toBeUndefined();
  });

  it('applies a rate like the server (half away from zero) and sums exactly', () => {
    expect(applyBps(1_000_000, 2000)).toBe(200_000);
    expect(applyBps(1, 5000)).toBe(1);
    expect(applyBps(-1, 5000)).toBe(-1);
    expect(applyBps(333, 2500)).toBe(83);
    expect(sumCents([10, 20, -5])).toBe(25);
    // 0.1 + 0.2 in floats is not 0.3; in cents it is.
    expect(sumCents([10, 20])).toBe(30);
  });
});
