/**
 * The CLI's one error class and its stable codes. `main` prints `error[<code>]: <message>` and
 * exits with the code's exit status, so scripts can rely on both.
 */

/** Stable codes of every failure the `nudge` CLI reports. */
export const CLI_ERROR_CODES = {
  USAGE: 'USAGE',
  NOT_A_PLUGIN: 'NOT_A_PLUGIN',
  TARGET_NOT_EMPTY: 'TARGET_NOT_EMPTY',
  BUILD_FAILED: 'BUILD_FAILED',
  DEFINITION_INVALID: 'DEFINITION_INVALID',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  TESTS_FAILED: 'TESTS_FAILED',
  TEST_FILE_INVALID: 'TEST_FILE_INVALID',
  KEY_EXISTS: 'KEY_EXISTS',
  NOT_LOGGED_IN: 'NOT_LOGGED_IN',
  BUNDLE_MISSING: 'BUNDLE_MISSING',
  HUB_NOT_SUPPORTED: 'HUB_NOT_SUPPORTED',
  HUB_UNREACHABLE: 'HUB_UNREACHABLE',
  TOKEN_REJECTED: 'TOKEN_REJECTED',
  HUB_REFUSED: 'HUB_REFUSED',
  CERTIFICATION_FAILED: 'CERTIFICATION_FAILED',
  CERTIFICATION_PENDING: 'CERTIFICATION_PENDING',
  NOT_PROMOTED: 'NOT_PROMOTED',
} as const;

/** One of {@link CLI_ERROR_CODES}' values. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[keyof typeof CLI_ERROR_CODES];

const EXIT_STATUS: Partial<Record<CliErrorCode, number>> = { USAGE: 2, HUB_NOT_SUPPORTED: 3 };

/** A failure the CLI reports to the user; the message says what to do. */
export class CliError extends Error {
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }

  /** 2 for usage errors, 3 when the hub lacks the feature, 1 otherwise. */
  get exitStatus(): number {
    return EXIT_STATUS[this.code] ?? 1;
  }
}
