/**
 * The errors a plugin throws (contract §3). They run inside the isolate, so this module is
 * dependency-free. The engine recognises them by `nudgeError: true` and copies `name`, `code`,
 * `message` and `retryAfter`; anything else thrown becomes a PluginError with code `UNHANDLED`.
 */

/** Stable codes of the SDK's own error classes. A `PluginError` may also carry a plugin-specific code. */
export const PLUGIN_ERROR_CODES = {
  /** Temporary failure; the host may retry the same invocation. */
  RETRYABLE: 'RETRYABLE',
  /** The upstream API rate-limited the call; retry after `retryAfter` seconds. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The credentials are expired or revoked; the host refreshes or asks the user to reconnect. */
  AUTH_EXPIRED: 'AUTH_EXPIRED',
  /** The input is wrong; retrying the same input cannot succeed. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** A thrown value that is not a Nudge error (set by the engine, never by a plugin). */
  UNHANDLED: 'UNHANDLED',
} as const;

/** One of {@link PLUGIN_ERROR_CODES}' values. */
export type PluginErrorCode = (typeof PLUGIN_ERROR_CODES)[keyof typeof PLUGIN_ERROR_CODES];

/** The plain shape the engine copies out of the isolate for any Nudge error. */
export interface SerializedPluginError {
  name: string;
  code: string;
  message: string;
  retryAfter?: number;
}

/**
 * Base class of every error a plugin throws on purpose.
 * @example throw new PluginError('CUSTOMER_NOT_FOUND', 'No customer has id 42.');
 */
export class PluginError extends Error {
  /** Marks the value as a Nudge error across the isolate boundary, where `instanceof` does not work. */
  readonly nudgeError = true as const;
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PluginError';
    this.code = code;
  }

  /** The plain object the engine hands to the host. */
  toJSON(): SerializedPluginError {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/**
 * A temporary failure (network blip, 5xx): the host may retry.
 * @example if (res.status >= 500) throw new RetryableError(`Upstream answered ${res.status}.`);
 */
export class RetryableError extends PluginError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(PLUGIN_ERROR_CODES.RETRYABLE, message, options);
    this.name = 'RetryableError';
  }
}

/**
 * The upstream API rate-limited the call. `retryAfter` is in seconds.
 * @example throw new RateLimitError('Shopify is throttling us.', { retryAfter: Number(res.headers['retry-after'] ?? 2) });
 */
export class RateLimitError extends PluginError {
  readonly retryAfter: number;

  constructor(message: string, options: { retryAfter: number; cause?: unknown }) {
    super(PLUGIN_ERROR_CODES.RATE_LIMITED, message, { cause: options.cause });
    this.name = 'RateLimitError';
    this.retryAfter = Number.isFinite(options.retryAfter) && options.retryAfter >= 0 ? options.retryAfter : 1;
  }

  override toJSON(): SerializedPluginError {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/**
 * The credentials no longer work. Throw it even when the provider signals expiry with something
 * other than a 401, so the host can refresh the token (single-flight) and retry.
 */
export class AuthExpiredError extends PluginError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(PLUGIN_ERROR_CODES.AUTH_EXPIRED, message, options);
    this.name = 'AuthExpiredError';
  }
}

/**
 * The input cannot work; `path` is the JSON path of the bad field when known (e.g. `/email`).
 * @example throw new InvalidInputError('email must contain "@".', { path: '/email' });
 */
export class InvalidInputError extends PluginError {
  readonly path: string | undefined;

  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super(PLUGIN_ERROR_CODES.INVALID_INPUT, message, { cause: options.cause });
    this.name = 'InvalidInputError';
    this.path = options.path;
  }
}

/** True for any value that carries the Nudge error marker, including copies from another realm. */
export function isPluginError(value: unknown): value is SerializedPluginError & { nudgeError: true } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { nudgeError?: unknown }).nudgeError === true &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
