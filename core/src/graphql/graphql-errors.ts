/**
 * Errors as GraphQL clients see them: every error carries a stable
 * `extensions.code`. AppError codes map through here and only here; anything
 * unexpected is masked as INTERNAL and logged (redacted) instead.
 */
import { GraphQLError } from './graphql-js.js';
import { createGraphQLError } from 'graphql-yoga';
import { AppError, ERROR_CODES } from '../errors.js';
import type { Logger } from '../observability/logger.js';

/** Codes produced by the GraphQL layer itself, next to the platform's ERROR_CODES. */
export const GRAPHQL_ERROR_CODES = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  PAGE_SIZE_EXCEEDED: 'PAGE_SIZE_EXCEEDED',
  CSRF_TOKEN_REQUIRED: 'CSRF_TOKEN_REQUIRED',
  INSUFFICIENT_SCOPE: 'INSUFFICIENT_SCOPE',
  DEMO_DISABLED: 'DEMO_DISABLED',
  SANDBOX_UNAVAILABLE: 'SANDBOX_UNAVAILABLE',
  BAD_CURSOR: 'BAD_CURSOR',
} as const;

export type GraphQLErrorCode = (typeof GRAPHQL_ERROR_CODES)[keyof typeof GRAPHQL_ERROR_CODES];

/** An error raised by the GraphQL layer with one of its own codes. */
export function apiError(code: GraphQLErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { ...extensions, code } });
}

const SAFE_DETAIL_KEYS = new Set(['path', 'reason', 'problems', 'breaking', 'earliestSunset', 'minNoticeDays', 'from', 'to', 'allowed', 'addedScopes', 'addedHosts']);

function fromAppError(err: AppError, path: GraphQLError['path']): GraphQLError {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err.details ?? {})) if (SAFE_DETAIL_KEYS.has(key)) details[key] = value;
  return createGraphQLError(err.message, { extensions: { ...details, code: err.code }, ...(path ? { path } : {}) });
}

function isGraphQLErrorLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value instanceof TypeError || (value as Error).name === 'GraphQLError');
}

/**
 * yoga's `maskedErrors.maskError`: keeps AppErrors and coded GraphQL errors,
 * gives validation errors a code, and hides everything else.
 */
export function maskError(logger: Logger) {
  return function maskGraphQLError(error: unknown): Error {
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const original = graphqlError?.originalError ?? error;
    if (original instanceof AppError) return fromAppError(original, graphqlError?.path);
    if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') return original;
    if (graphqlError && !graphqlError.originalError) {
      if (typeof graphqlError.extensions?.code === 'string') return graphqlError;
      const code = /^Syntax Error/.test(graphqlError.message) ? GRAPHQL_ERROR_CODES.GRAPHQL_PARSE_FAILED : GRAPHQL_ERROR_CODES.GRAPHQL_VALIDATION_FAILED;
      return createGraphQLError(graphqlError.message, {
        extensions: { ...graphqlError.extensions, code },
        ...(graphqlError.nodes ? { nodes: graphqlError.nodes } : {}),
        ...(graphqlError.path ? { path: graphqlError.path } : {}),
      });
    }
    // Variable coercion errors (a scalar's parseValue threw) come before execution, without a path: the caller's input.
    if (graphqlError && !graphqlError.path && isGraphQLErrorLike(original)) {
      return createGraphQLError(graphqlError.message, { extensions: { code: GRAPHQL_ERROR_CODES.GRAPHQL_VALIDATION_FAILED } });
    }
    logger.error({ err: original, path: graphqlError?.path }, 'graphql resolver failed');
    return createGraphQLError('An unexpected error occurred. It has been logged.', {
      extensions: { code: ERROR_CODES.INTERNAL },
      ...(graphqlError?.path ? { path: graphqlError.path } : {}),
    });
  };
}
