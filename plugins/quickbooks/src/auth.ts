/**
 * OAuth through the platform's built-in `quickbooks` provider (Intuit's authorization-code grant);
 * the callback's realmId, the company id every request needs, reaches the plugin as ctx.connection.realmId.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { companyBase, failure, MINOR_VERSION } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'quickbooks',
  scopes: ['com.intuit.quickbooks.accounting'],
  /** The company's name: one cheap call. */
  async test(ctx: PluginContext) {
    const base = companyBase(ctx);
    const realmId = String(ctx.connection.realmId);
    const res = await ctx.fetch(`${base}/companyinfo/${realmId}`, { query: { minorversion: MINOR_VERSION }, headers: { accept: 'application/json' } });
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { CompanyInfo?: { CompanyName?: string } };
    return { ok: true as const, account: body.CompanyInfo?.CompanyName ?? realmId };
  },
};
