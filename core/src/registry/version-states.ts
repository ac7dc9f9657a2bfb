/**
 * The version lifecycle as an explicit transition table:
 * draft → submitted → in_review → certified | rejected; certified → deprecated → retired.
 * Every move is checked here and audited by the caller in the same transaction.
 */
import { AppError, ERROR_CODES } from '../errors.js';
import type { VERSION_STATES } from '../db/schema/registry.js';

export type VersionState = (typeof VERSION_STATES)[number];

export const VERSION_TRANSITIONS: Readonly<Record<VersionState, readonly VersionState[]>> = {
  draft: ['submitted'],
  submitted: ['in_review', 'rejected'],
  in_review: ['certified', 'rejected'],
  certified: ['deprecated'],
  rejected: ['submitted'],
  deprecated: ['retired', 'certified'],
  retired: [],
};

export class IllegalTransitionError extends AppError {
  constructor(from: VersionState, to: VersionState) {
    const allowed = VERSION_TRANSITIONS[from];
    super(
      ERROR_CODES.CONFLICT,
      `A version in state "${from}" cannot move to "${to}"; ${allowed.length ? `it can move to ${allowed.map((s) => `"${s}"`).join(' or ')}` : 'it is final'}.`,
      { details: { from, to, allowed: [...allowed] } },
    );
    this.name = 'IllegalTransitionError';
  }
}

export function assertTransition(from: VersionState, to: VersionState): void {
  if (!VERSION_TRANSITIONS[from].includes(to)) throw new IllegalTransitionError(from, to);
}
