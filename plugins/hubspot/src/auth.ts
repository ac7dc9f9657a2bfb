/**
 * HubSpot OAuth through the platform's built-in `hubspot` provider (app.hubspot.com authorize,
 * api.hubapi.com token). The host keeps and refreshes tokens; the test reads the portal's details.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'hubspot',
  scopes: ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read', 'timeline'],
  /** One cheap call: the connected portal's account details. */
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${API}/account-info/v3/details`);
    if (!res.ok) throw await failure(res);
    const portal = (await res.json()) as { portalId: number; uiDomain?: string };
    return { ok: true as const, account: `HubSpot portal ${portal.portalId}` };
  },
};
