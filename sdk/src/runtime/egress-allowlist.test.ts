import { describe, expect, it } from 'vitest';
import { hostAllowed, isValidHostPattern } from './egress-allowlist.js';

describe('hostAllowed', () => {
  it('matches exact hosts case-insensitively, ignoring one trailing dot', () => {
    expect(hostAllowed('api.hubspot.com', ['api.hubspot.com'])).toBe(true);
    expect(hostAllowed('API.HubSpot.com.', ['api.hubspot.com'])).toBe(true);
    expect(hostAllowed('api.hubspot.com.evil.net', ['api.hubspot.com'])).toBe(false);
    expect(hostAllowed('xapi.hubspot.com', ['api.hubspot.com'])).toBe(false);
  });

  it('matches subdomain wildcards at any depth but not the bare domain', () => {
    expect(hostAllowed('acme.myshopify.com', ['*.myshopify.com'])).toBe(true);
    expect(hostAllowed('a.b.myshopify.com', ['*.myshopify.com'])).toBe(true);
    expect(hostAllowed('myshopify.com', ['*.myshopify.com'])).toBe(false);
    expect(hostAllowed('evilmyshopify.com', ['*.myshopify.com'])).toBe(false);
  });

  it('ignores invalid patterns and refuses empty or wildcard hosts', () => {
    expect(hostAllowed('anything.com', ['*'])).toBe(false);
    expect(hostAllowed('a.com', ['*.com'])).toBe(false); // a bare-TLD wildcard is not a valid pattern
    expect(hostAllowed('', ['*.example.com'])).toBe(false);
    expect(hostAllowed('*.example.com', ['*.example.com'])).toBe(false);
    expect(isValidHostPattern('*.*.example.com')).toBe(false);
    expect(isValidHostPattern('localhost')).toBe(false);
    expect(hostAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
  });
});
