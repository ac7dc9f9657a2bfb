/** The plugin errors keep their stable codes and serialise to the shape the engine copies out. */
import { describe, expect, it } from 'vitest';
import {
  AuthExpiredError,
  InvalidInputError,
  PLUGIN_ERROR_CODES,
  PluginError,
  RateLimitError,
  RetryableError,
  isPluginError,
} from './errors.js';

describe('plugin errors', () => {
  it.each([
    [new RetryableError('later'), 'RetryableError', 'RETRYABLE'],
    [new RateLimitError('slow down', { retryAfter: 30 }), 'RateLimitError', 'RATE_LIMITED'],
    [new AuthExpiredError('reconnect'), 'AuthExpiredError', 'AUTH_EXPIRED'],
    [new InvalidInputError('bad email', { path: '/email' }), 'InvalidInputError', 'INVALID_INPUT'],
    [new PluginError('CUSTOMER_NOT_FOUND', 'missing'), 'PluginError', 'CUSTOMER_NOT_FOUND'],
  ])('%s has name %s and code %s', (error, name, code) => {
    expect(error).toBeInstanceOf(PluginError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.nudgeError).toBe(true);
    expect(isPluginError(error)).toBe(true);
  });

  it('serialises retryAfter only for rate limits and clamps nonsense to 1 s', () => {
    expect(new RateLimitError('x', { retryAfter: 12 }).toJSON()).toEqual({ name: 'RateLimitError', code: 'RATE_LIMITED', message: 'x', retryAfter: 12 });
    expect(new RateLimitError('x', { retryAfter: Number.NaN }).retryAfter).toBe(1);
    expect(new RetryableError('y').toJSON()).toEqual({ name: 'RetryableError', code: PLUGIN_ERROR_CODES.RETRYABLE, message: 'y' });
    expect(new InvalidInputError('z', { path: '/a' }).path).toBe('/a');
  });

  it('recognises copies from another realm by the marker, and nothing else', () => {
    expect(isPluginError({ nudgeError: true, code: 'X', name: 'PluginError', message: 'm' })).toBe(true);
    expect(isPluginError(new Error('plain'))).toBe(false);
    expect(isPluginError({ nudgeError: 'yes', code: 'X' })).toBe(false);
    expect(isPluginError(null)).toBe(false);
  });
});
