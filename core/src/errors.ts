/**
 * Typed errors with stable codes. Every error a user can meet is an AppError;
 * `toProblem` maps it to RFC 9457 problem+json in exactly one place, and the
 * GraphQL layer reuses `code` as `extensions.code`.
 */

export const ERROR_CODES = {
  CONFIG_INVALID: 'CONFIG_INVALID',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  CONFIG_INVALID: 500,
  DATABASE_UNAVAILABLE: 503,
  MIGRATION_FAILED: 500,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export interface AppErrorOptions {
  cause?: unknown;
  /** Extra, non-secret facts a client may act on (for example the JSON path of a bad field). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export class ConfigError extends AppError {
  constructor(message: string) {
    super(ERROR_CODES.CONFIG_INVALID, message);
    this.name = 'ConfigError';
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(ERROR_CODES.DATABASE_UNAVAILABLE, message, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(ERROR_CODES.NOT_FOUND, `${what} was not found.`);
    this.name = 'NotFoundError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ERROR_CODES.VALIDATION_FAILED, message, details ? { details } : {});
    this.name = 'ValidationError';
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  [extra: string]: unknown;
}

/** Maps any thrown value to problem+json. Unknown errors never leak their message. */
export function toProblem(err: unknown): Problem {
  if (err instanceof AppError) {
    return {
      type: `https://docs.nudgecampaign.dev/errors/${err.code.toLowerCase()}`,
      title: err.code,
      status: err.status,
      code: err.code,
      detail: err.message,
      ...(err.details ?? {}),
    };
  }
  return {
    type: 'https://docs.nudgecampaign.dev/errors/internal',
    title: ERROR_CODES.INTERNAL,
    status: 500,
    code: ERROR_CODES.INTERNAL,
    detail: 'An unexpected error occurred. It has been logged.',
  };
}
