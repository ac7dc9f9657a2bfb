import { describe, expect, it } from 'vitest';
import { parseSsoConfig } from './sso-config.js';
import { safeReturnTo } from './sso-login.js';

describe('parseSsoConfig', () => {
  it('is off when neither the issuer nor the client is set', () => {
    expect(parseSsoConfig({})).toBeUndefined();
  });

  it('reads a full configuration', () => {
    expect(
      parseSsoConfig({
        NUDGE_SSO_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
        NUDGE_SSO_CLIENT_ID: 'client',
        NUDGE_SSO_CLIENT_SECRET: 'secret',
        NUDGE_SSO_LABEL: 'Acme Entra ID',
        NUDGE_SSO_EMAIL_DOMAINS: 'Acme.com, acme.co.uk',
        NUDGE_SSO_TRUST_EMAIL: '1',
      }),
    ).toEqual({ issuer: 'https://login.microsoftonline.com/tenant-id/v2.0', clientId: 'client', clientSecret: 'secret', label: 'Acme Entra ID', emailDomains: ['acme.com', 'acme.co.uk'], trustEmail: true });
  });

  it.each([
    [{ NUDGE_SSO_CLIENT_ID: 'c' }, /NUDGE_SSO_ISSUER must be set/],
    [{ NUDGE_SSO_ISSUER: 'https://idp.example' }, /NUDGE_SSO_CLIENT_ID must be set/],
    [{ NUDGE_SSO_ISSUER: 'not a url', NUDGE_SSO_CLIENT_ID: 'c' }, /absolute https URL/],
    [{ NUDGE_SSO_ISSUER: 'http://idp.example', NUDGE_SSO_CLIENT_ID: 'c' }, /must use https/],
    [{ NUDGE_SSO_ISSUER: 'https://idp.example', NUDGE_SSO_CLIENT_ID: 'c', NUDGE_SSO_EMAIL_DOMAINS: 'acme' }, /NUDGE_SSO_EMAIL_DOMAINS/],
    [{ NUDGE_SSO_ISSUER: 'https://idp.example', NUDGE_SSO_CLIENT_ID: 'c', NUDGE_SSO_TRUST_EMAIL: 'yes' }, /NUDGE_SSO_TRUST_EMAIL must be 1 or 0/],
    [{ NUDGE_SSO_ISSUER: 'https://idp.example', NUDGE_SSO_CLIENT_ID: 'c', NUDGE_SSO_TRUST_EMAIL: '1' }, /needs NUDGE_SSO_EMAIL_DOMAINS/],
  ])('refuses %j with one clear line', (env, message) => {
    expect(() => parseSsoConfig(env)).toThrow(message);
  });

  it('allows plain http only for a loopback provider', () => {
    expect(parseSsoConfig({ NUDGE_SSO_ISSUER: 'http://127.0.0.1:4000', NUDGE_SSO_CLIENT_ID: 'c' })?.issuer).toBe('http://127.0.0.1:4000');
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/installations?tab=runs', '/installations?tab=runs'],
    [undefined, '/'],
    ['', '/'],
    ['//evil.example/x', '/'],
    ['https://evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['installations', '/'],
    [`/${'a'.repeat(600)}`, '/'],
  ])('%s → %s', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });
});
