/**
 * Credentials beyond the code flow: injection with refresh-and-retry on a
 * provider's declared expiry signal (a 403 with a body, not a 401), API keys
 * checked by a tester before saving, the client-credentials grant, and key
 * rotation with every connection still working afterwards.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstallationCredentials } from '../../core/src/connections/installation-credentials.js';
import { EgressGuard } from '../../core/src/sandbox/egress-guard.js';
import { connectClientCredentials } from '../../core/src/connections/client-credentials.js';
import { readCredentials, rewrapConnections } from '../../core/src/connections/connection-store.js';
import { rewrapOAuthApps } from '../../core/src/connections/oauth-apps.js';
import type { OAuthCredentials } from '../../core/src/connections/credentials.js';
import { connectWithSecret, CredentialsRejectedError } from '../../core/src/connections/secret-connection.js';
import { TokenRefresher } from '../../core/src/connections/token-refresher.js';
import { rowsOf } from '../../core/src/db/database.js';
import { connections } from '../../core/src/db/schema/installations.js';
import { insertInstallation, insertPluginVersion } from '../../core/src/db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { TokenVault } from '../../core/src/vault/token-vault.js';
import { connect, startOAuthHarness, type OAuthHarness } from '../support/oauth-harness.js';

let database: TestDatabase;
let h: OAuthHarness;
let api: http.Server;
let egress: EgressGuard;
const API_URL = 'https://api.provider.example/data';
const apiSeen: string[] = [];
/** Tokens the fake API treats as expired, the way a provider ends a session early. */
const expiredAtApi = new Set<string>();
const apiSeenRequests: http.IncomingMessage[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  h = await startOAuthHarness(database, { accessTokenTtl: 3600 });
  // A fake upstream API that accepts only tokens the authorization server vouches for, and signals
  // expiry the Salesforce way: 403 with INVALID_SESSION_ID.
  api = http.createServer(async (req, res) => {
    const auth = req.headers.authorization ?? '';
    apiSeen.push(auth);
    apiSeenRequests.push(req);
    const valid = auth.startsWith('Bearer ') && !expiredAtApi.has(auth.slice(7)) && (await fetch(`${h.oidc.issuer}/me`, { headers: { authorization: auth } })).status === 200;
    res.writeHead(valid ? 200 : 403, { 'content-type': 'application/json' });
    res.end(valid ? '{"ok":true}' : '[{"errorCode":"INVALID_SESSION_ID"}]');
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', () => r()));
  // The plugin's real API host reaches the fake only through the egress host-override map.
  egress = new EgressGuard({ hostOverrides: { 'api.provider.example': { address: '127.0.0.1', port: (api.address() as AddressInfo).port, protocol: 'http' } } });
});
afterAll(async () => {
  api?.close();
  await h?.close();
  await database?.destroy();
});

/** A plugin's ctx.fetch as the sandbox performs it: guarded egress with the installation's credentials injected. */
const pluginFetch = (installationId: string, url = API_URL, rule?: { headers?: Record<string, string>; query?: Record<string, string> }) => {
  const creds = new InstallationCredentials(h.deps, new TokenRefresher(h.deps));
  return egress.fetch({ url, method: 'GET', headers: {} }, { allowlist: ['api.provider.example'], deadline: Date.now() + 10_000, credentials: () => creds.injection(installationId, rule) });
};

describe(`credentials on ${testDatabaseKind()}`, () => {
  it('refreshes and retries once when the provider signals expiry with a 403 body', async () => {
    h.provider.expirySignals.push({ status: 403, bodyIncludes: 'INVALID_SESSION_ID' });
    await connect(h);
    const [row] = await database.db.select().from(connections).where(eq(connections.installationId, h.installationId));
    const before = readCredentials<OAuthCredentials>(h.deps.vault!, row!);
    expiredAtApi.add(before.accessToken);
    const grants = h.oidc.grants.refresh_token;
    apiSeen.length = 0;
    const response = await pluginFetch(h.installationId);
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"ok":true}');
    expect(apiSeen).toHaveLength(2);
    expect(h.oidc.grants.refresh_token).toBe(grants + 1);
  });

  it('saves an API key only after the tester accepts it, and injects it as the manifest says', async () => {
    const { pluginId, version } = await insertPluginVersion(database.db, { auth: { type: 'api_key' } });
    const inst = await insertInstallation(database.db, { workspaceId: h.workspaceId, pluginId, versionId: version.id });
    const creds = { type: 'api_key' as const, values: { apiKey: 'key-SECRET-123' } };
    await expect(connectWithSecret(h.deps, inst.id, creds, async () => ({ ok: false, message: 'HTTP 401 from upstream' }))).rejects.toBeInstanceOf(CredentialsRejectedError);
    expect(await database.db.select().from(connections).where(eq(connections.installationId, inst.id))).toEqual([]);

    const id = await connectWithSecret(h.deps, inst.id, creds, async (c) => ({ ok: c.type === 'api_key' && c.values.apiKey === 'key-SECRET-123', account: 'acct-1' }));
    const raw = JSON.stringify(rowsOf(await database.db.execute(sql`select * from connections where id = ${id}`)));
    expect(raw).not.toContain('key-SECRET-123');
    apiSeenRequests.length = 0;
    const response = await pluginFetch(inst.id, `${API_URL}?page=1`, { headers: { 'X-Api-Key': '{{apiKey}}' }, query: { key: '{{apiKey}}' } });
    const seen = apiSeenRequests[0]!;
    expect(seen.headers['x-api-key']).toBe('key-SECRET-123');
    expect(new URL(seen.url!, 'http://x').searchParams.get('key')).toBe('key-SECRET-123');
    // What the plugin sees back never carries the injected key.
    expect(response.url).toBe(`${API_URL}?page=1`);
  });

  it('connects with the client-credentials grant and renews by asking again', async () => {
    const { pluginId, version } = await insertPluginVersion(database.db, { auth: { type: 'oauth2', provider: 'test-oidc', scopes: [] } });
    const inst = await insertInstallation(database.db, { workspaceId: h.workspaceId, pluginId, versionId: version.id });
    const before = h.oidc.grants.client_credentials;
    const id = await connectClientCredentials(h.deps, { installationId: inst.id, provider: 'test-oidc', scopes: [] });
    expect(h.oidc.grants.client_credentials).toBe(before + 1);
    const [row] = await database.db.select().from(connections).where(eq(connections.id, id));
    const first = readCredentials<OAuthCredentials>(h.deps.vault!, row!);
    expect(first).toMatchObject({ grant: 'client_credentials' });
    const renewed = await new TokenRefresher(h.deps).accessToken(id, { rejectedAccessToken: first.accessToken });
    expect(renewed.refreshed).toBe(true);
    expect(h.oidc.grants.client_credentials).toBe(before + 2);
  });

  it('after a key rotation every connection still decrypts and refreshes', async () => {
    const oldVault = h.deps.vault!;
    const oldRing = [{ id: 't1', key: Buffer.from(h.encryptionKey.split(':')[1]!, 'base64') }];
    const rotated = new TokenVault([{ id: 't2', key: randomBytes(32) }, ...oldRing]);
    h.deps.vault = rotated;
    const count = (await database.db.select().from(connections)).length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(await rewrapConnections(database.db, rotated)).toBe(count);
    expect(await rewrapConnections(database.db, rotated)).toBe(0);
    expect(await rewrapOAuthApps({ db: database.db, vault: rotated })).toBe(1);
    const rows = await database.db.select().from(connections);
    expect(rows.every((r) => r.keyId === 't2' && r.credentials.startsWith('v1.t2.'))).toBe(true);
    // The old key alone can no longer read them; the new one alone can.
    const onlyNew = new TokenVault([{ id: 't2', key: (rotated as unknown as { keys: Map<string, Buffer> }).keys.get('t2')! }]);
    for (const row of rows) {
      expect(() => oldVault.decrypt(row.credentials, row.id)).toThrow();
      expect(() => onlyNew.decrypt(row.credentials, row.id)).not.toThrow();
    }
    h.deps.vault = onlyNew;
    const oauthRow = rows.find((r) => r.installationId === h.installationId)!;
    const token = await new TokenRefresher(h.deps).accessToken(oauthRow.id, { rejectedAccessToken: 'stale' });
    expect((await fetch(`${h.oidc.issuer}/me`, { headers: { authorization: `Bearer ${token.accessToken}` } })).status).toBe(200);
  });
});
