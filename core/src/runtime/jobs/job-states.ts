/**
 * The job state machine. A job is queued, claimed (running, under a lease),
 * then succeeds, is queued again for a retry, fails for good (a permanent
 * error) or is dead-lettered after its last attempt. Only these moves exist.
 */
import { JOB_STATES } from '../../db/schema/runtime.js';

export type JobState = (typeof JOB_STATES)[number];
export { JOB_STATES };

/** Allowed moves. `running → running` is a reclaim after the holder's lease expired. */
export const JOB_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: ['running'],
  running: ['running', 'succeeded', 'queued', 'failed', 'dead'],
  succeeded: [],
  failed: ['queued'],
  dead: ['queued'],
};

export function canTransition(from: JobState, to: JobState): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

export class IllegalJobTransitionError extends Error {
  readonly code = 'JOB_ILLEGAL_TRANSITION';
  constructor(from: JobState, to: JobState) {
    super(`A job cannot move from ${from} to ${to}.`);
    this.name = 'IllegalJobTransitionError';
  }
}

export function assertTransition(from: JobState, to: JobState): void {
  if (!canTransition(from, to)) throw new IllegalJobTransitionError(from, to);
}
