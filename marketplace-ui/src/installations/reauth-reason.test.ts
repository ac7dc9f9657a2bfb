import { describe, expect, it } from 'vitest';
import { reauthReason } from './reauth-reason';

describe('reauthReason', () => {
  it('turns provider codes into sentences and keeps the platform’s own sentences', () => {
    expect(reauthReason('invalid_grant')).toMatch(/^The provider no longer accepts the stored authorization/);
    expect(reauthReason('unsupported_thing')).toBe('The provider refused the stored authorization.');
    expect(reauthReason('the access token expired and the provider issued no refresh token')).toBe('The access token expired and the provider issued no refresh token.');
    expect(reauthReason(null)).toBe('The provider no longer accepts the stored authorization.');
  });
});
