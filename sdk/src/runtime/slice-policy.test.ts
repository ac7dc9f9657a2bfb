import { describe, expect, it } from 'vitest';
import { SlicePolicy } from './slice-policy.js';

describe('SlicePolicy', () => {
  const clock = () => {
    const c = { t: 0, now: () => c.t };
    return c;
  };

  it('pauses a key whose slice ran out, until the cooldown has passed', () => {
    const c = clock();
    const policy = new SlicePolicy(4, c.now, 1_000);
    expect(policy.allowed('a')).toBe(true);
    policy.judge('a', true, 4);
    expect(policy.allowed('a')).toBe(false);
    expect(policy.allowed('b')).toBe(true);
    expect(policy.pausedCount).toBe(1);
    c.t = 999;
    expect(policy.allowed('a')).toBe(false);
    c.t = 1_000;
    expect(policy.allowed('a')).toBe(true);
    expect(policy.pausedCount).toBe(0);
  });

  it('pauses only on the third slow slice in a row; a fast one clears the strikes', () => {
    const policy = new SlicePolicy(4, () => 0);
    policy.judge('a', false, 2);
    policy.judge('a', false, 2);
    policy.judge('a', false, 0.1);
    policy.judge('a', false, 2);
    policy.judge('a', false, 2);
    expect(policy.allowed('a')).toBe(true);
    policy.judge('a', false, 2);
    expect(policy.allowed('a')).toBe(false);
  });

  it('allows no slice when the budget is 0', () => {
    expect(new SlicePolicy(0).allowed('a')).toBe(false);
  });
});
