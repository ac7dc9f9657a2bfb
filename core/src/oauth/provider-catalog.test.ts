import { describe, expect, it } from 'vitest';
import { customProvider, isExpirySignal, ProviderCatalog, resolveEndpoints } from './provider-catalog.js';

const catalog = ProviderCatalog.fromDirectory();

describe('ProviderCatalog', () => {
  it('has the seed platforms plus Google and Microsoft, each valid with HTTPS endpoints', () => {
    expect(catalog.ids().sort()).toEqual(['calendly', 'canva', 'google', 'hubspot', 'microsoft', 'pipedrive', 'quickbooks', 'salesforce', 'shopify', 'typeform']);
    for (const id of catalog.ids()) {
      const provider = catalog.get(id);
      const endpoints = resolveEndpoints(provider, id === 'shopify' ? { shop: 'acme.myshopify.com' } : {});
      for (const url of [endpoints.authorizationEndpoint, endpoints.tokenEndpoint, endpoints.revocationEndpoint].filter(Boolean)) {
        expect(new URL(url!).protocol, `${id}: ${url}`).toBe('https:');
      }
    }
  });

  it('fills per-shop endpoints and refuses a shop that is not a myshopify.com domain', () => {
    const shopify = catalog.get('shopify');
    expect(resolveEndpoints(shopify, { shop: 'acme.myshopify.com' }).tokenEndpoint).toBe('https://acme.myshopify.com/admin/oauth/access_token');
    for (const shop of ['evil.example', 'acme.myshopify.com.evil.example', '127.0.0.1', 'acme.myshopify.com/../x', '']) {
      expect(() => resolveEndpoints(shopify, { shop }), shop).toThrow(/needs "shop"/);
    }
  });

  it('uses a declared default param (Microsoft tenant)', () => {
    expect(resolveEndpoints(catalog.get('microsoft')).authorizationEndpoint).toBe('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize');
  });

  it('recognises provider-specific expiry signals, not just 401', () => {
    const salesforce = catalog.get('salesforce');
    expect(isExpirySignal(salesforce, 401, '')).toBe(true);
    expect(isExpirySignal(salesforce, 403, '[{"errorCode":"INVALID_SESSION_ID"}]')).toBe(true);
    expect(isExpirySignal(salesforce, 403, '[{"errorCode":"INSUFFICIENT_ACCESS"}]')).toBe(false);
    expect(isExpirySignal(salesforce, 200, '')).toBe(false);
  });

  it('rejects an invalid provider declaration with the path of the problem', () => {
    const bad = { ...catalog.get('hubspot'), id: 'Bad Id', scopeSeparator: ';' } as never;
    expect(() => new ProviderCatalog().add(bad)).toThrow(/\/id.*|\/scopeSeparator/);
  });

  it('turns a manifest-declared custom provider into a valid catalog entry', () => {
    const custom = customProvider('acme-crm', { authorizationUrl: 'https://auth.acme.example/authorize', tokenUrl: 'https://auth.acme.example/token' });
    const fresh = new ProviderCatalog();
    fresh.add(custom);
    expect(resolveEndpoints(fresh.get('plugin-acme-crm')).issuer).toBe('https://auth.acme.example');
  });
});
