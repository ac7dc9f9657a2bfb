/**
 * Demo installations for the Acme Store workspace: a few certified
 * first-party plugins installed, connected with demo credentials (vault
 * ciphertext like any other) and enabled. Their API hosts answer from the
 * demo fixture server, so runs, syncs and usage show real activity.
 * Idempotent: a plugin already installed in the workspace is left alone.
 */
import { and, eq, ne } from 'drizzle-orm';
import { saveConnection } from '../connections/connection-store.js';
import type { ConnectionsDeps } from '../connections/deps.js';
import type { Credentials } from '../connections/credentials.js';
import { workspaces } from '../db/schema/identity.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions } from '../db/schema/registry.js';
import { installPlugin, type InstallationsDeps } from '../installations/install-plugin.js';

/** What each demo connection looks like: the non-secret facts the plugins read from ctx.connection. */
const DEMO_CONNECTIONS: Record<string, { metadata: Record<string, unknown>; settings?: Record<string, unknown> }> = {
  shopify: { metadata: { shop: 'nudge-demo.myshopify.com', params: { shop: 'nudge-demo.myshopify.com' } } },
  hubspot: { metadata: { hub_id: 4242 } },
  salesforce: { metadata: { instance_url: 'https://nudge-demo.my.salesforce.com' } },
  pipedrive: { metadata: { api_domain: 'https://nudge-demo.pipedrive.com' } },
  typeform: { metadata: {} },
};

export const DEMO_WORKSPACE = 'acme-store';

export async function seedDemoInstallations(deps: { installations: InstallationsDeps; connections: ConnectionsDeps }, actorUserId: string | null): Promise<string[]> {
  const { db } = deps.installations;
  const vault = deps.connections.vault;
  if (!vault) return [];
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.slug, DEMO_WORKSPACE));
  if (!ws) return [];
  const installed: string[] = [];
  for (const [pluginId, demo] of Object.entries(DEMO_CONNECTIONS)) {
    const [certified] = await db.select({ id: pluginVersions.id, manifest: pluginVersions.manifest }).from(pluginVersions).where(and(eq(pluginVersions.pluginId, pluginId), eq(pluginVersions.state, 'certified')));
    if (!certified) continue;
    const [existing] = await db.select().from(installations).where(and(eq(installations.workspaceId, ws.id), eq(installations.pluginId, pluginId), ne(installations.state, 'uninstalled')));
    if (existing) continue;
    const inst = await installPlugin(deps.installations, { workspaceId: ws.id, pluginId, actorUserId });
    const auth = (certified.manifest as { auth?: { type?: string; scopes?: string[] } }).auth ?? {};
    const credentials: Credentials =
      auth.type === 'oauth2' ? { type: 'oauth2', accessToken: `demo-${pluginId}-access-token`, tokenType: 'bearer' } : auth.type === 'basic' ? { type: 'basic', username: 'demo', password: 'demo' } : { type: 'api_key', values: { apiKey: `demo-${pluginId}-key` } };
    if (auth.type !== 'none') {
      await saveConnection(db, vault, {
        installationId: inst.id,
        workspaceId: ws.id,
        provider: pluginId,
        credentials,
        grantedScopes: auth.scopes ?? [],
        metadata: demo.metadata,
        now: deps.installations.clock.now(),
      });
    }
    await db.update(installations).set({ state: 'active', settings: demo.settings ?? {} }).where(eq(installations.id, inst.id));
    installed.push(pluginId);
  }
  return installed;
}
