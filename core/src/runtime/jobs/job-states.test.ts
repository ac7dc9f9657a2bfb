import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, IllegalJobTransitionError, JOB_STATES, JOB_TRANSITIONS } from './job-states.js';

describe('job state machine', () => {
  it('allows exactly the listed moves', () => {
    const allowed = new Set(Object.entries(JOB_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`)));
    for (const from of JOB_STATES) {
      for (const to of JOB_STATES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it.each([
    ['queued', 'succeeded'],
    ['queued', 'dead'],
    ['queued', 'failed'],
    ['succeeded', 'queued'],
    ['succeeded', 'running'],
    ['dead', 'running'],
    ['dead', 'succeeded'],
    ['failed', 'running'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(IllegalJobTransitionError);
  });

  it('lets a dead-lettered or failed job be requeued by hand', () => {
    expect(canTransition('dead', 'queued')).toBe(true);
    expect(canTransition('failed', 'queued')).toBe(true);
  });
});
