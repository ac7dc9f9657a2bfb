/**
 * The UI speaks the product's language: every error code the platform can send
 * (core's ERROR_CODES, the GraphQL layer's codes and the OAuth callback's
 * ?oauth_error= codes) has a sentence here, so no screen shows a bare code.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../core/src/errors.js';
import { GRAPHQL_ERROR_CODES } from '../../../core/src/graphql/graphql-errors.js';
import { OAUTH_ERROR_CODES } from '../../../core/src/oauth/oauth-errors.js';
import { oauthErrorSentence } from '../install/oauth-errors.js';
import { ApiError, describeError, ERROR_SENTENCES } from './api-error.js';

describe('error sentences', () => {
  it('cover every platform and GraphQL error code', () => {
    const codes = [...Object.values(ERROR_CODES), ...Object.values(GRAPHQL_ERROR_CODES)].filter((c) => c !== 'CONFIG_INVALID' && c !== 'MIGRATION_FAILED');
    expect(codes.filter((c) => !ERROR_SENTENCES[c])).toEqual([]);
  });

  it('cover every OAuth callback error', () => {
    for (const code of OAUTH_ERROR_CODES) expect(oauthErrorSentence(code), code).not.toBe(oauthErrorSentence('unknown-code'));
  });

  it('lead with the sentence and keep the server explanation as detail', () => {
    const described = describeError(new ApiError([{ code: 'FORBIDDEN', message: 'Only workspace admins may install.' }]));
    expect(described.title).toBe(ERROR_SENTENCES.FORBIDDEN);
    expect(described.detail).toBe('Only workspace admins may install.');
    expect(describeError(new ApiError([{ code: 'VALIDATION_FAILED', message: 'x', reason: 'POLICY_VIOLATION' }])).title).toMatch(/policy/);
    expect(describeError(new TypeError('Failed to fetch')).title).toBe(ERROR_SENTENCES.NETWORK);
  });
});
