/** Registry errors with stable codes, mapped to HTTP/GraphQL through AppError. */
import { AppError, ERROR_CODES } from '../errors.js';
import type { Break } from './compatibility.js';

export class BundleRejectedError extends AppError {
  constructor(code: string, message: string) {
    super(ERROR_CODES.VALIDATION_FAILED, message, { details: { reason: code } });
    this.name = 'BundleRejectedError';
  }
}

export class VersionExistsError extends AppError {
  constructor(pluginId: string, version: string) {
    super(ERROR_CODES.CONFLICT, `${pluginId}@${version} is already published; versions are immutable. Bump the version.`, { details: { reason: 'VERSION_EXISTS' } });
    this.name = 'VersionExistsError';
  }
}

export class BreakingChangeError extends AppError {
  constructor(previous: string, next: string, breaking: Break[]) {
    super(
      ERROR_CODES.CONFLICT,
      `${next} breaks compatibility with ${previous} in ${breaking.length} place(s) without a major version bump: ${breaking.map((b) => `${b.path} (${b.kind})`).join('; ')}. Release it as a new major version or restore compatibility.`,
      { details: { reason: 'BREAKING_CHANGE', breaking } },
    );
    this.name = 'BreakingChangeError';
  }
}

export class PolicyViolationError extends AppError {
  constructor(message: string, details: Record<string, unknown>) {
    super(ERROR_CODES.VALIDATION_FAILED, message, { details: { reason: 'POLICY_VIOLATION', ...details } });
    this.name = 'PolicyViolationError';
  }
}
