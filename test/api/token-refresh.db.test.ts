/**
 * Token refresh against a real authorization server with rotating refresh
 * tokens: proactive refresh before expiry, on-demand refresh after a
 * rejection, single-flight within a process and across two OS processes,
 * invalid_grant → needs_reauth with a notification, revocation on disconnect.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCredentials } from '../../core/src/connections/connection-store.js';
import type { OAuthCredentials } from '../../core/src/connections/credentials.js';
import { disconnect } from '../../core/src/connections/disconnect.js';
import { ConnectionNeedsReauthError, TokenRefresher } from '../../core/src/connections/token-refresher.js';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { connections, installations } from '../../core/src/db/schema/installations.js';
import { emailOutbox, notifications } from '../../core/src/db/schema/notifications.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { revokeToken } from '../../core/src/oauth/oauth-client.js';
import { resolveEndpoints } from '../../core/src/oauth/provider-catalog.js';
import { connect, startOAuthHarness, type OAuthHarness } from '../support/oauth-harness.js';

let database: TestDatabase;
let h: OAuthHarness;
let refresher: TokenRefresher;

beforeAll(async () => {
  database = await createTestDatabase();
  h = await startOAuthHarness(database, { accessTokenTtl: 120 });
  refresher = new TokenRefresher(h.deps);
});
afterAll(async () => {
  await h?.close();
  await database?.destroy();
});

async function connection() {
  const [row] = await database.db.select().from(connections).where(eq(connections.installationId, h.installationId));
  return row!;
}
const creds = async () => readCredentials<OAuthCredentials>(h.deps.vault!, await connection());
const userinfo = (token: string) => fetch(`${h.oidc.issuer}/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

beforeEach(async () => {
  h.clock.offsetMs = 0;
  const { end } = await connect(h);
  expect(end.searchParams.get('connected')).toBe('1');
});

describe(`token refresh on ${testDatabaseKind()}`, () => {
  it('reuses a fresh token and refreshes proactively inside the skew window', async () => {
    const before = await creds();
    const grants = h.oidc.grants.refresh_token;
    expect(await refresher.refreshExpiring(30)).toEqual({ refreshed: 0, failed: 0 });
    h.clock.offsetMs = 100_000; // 20 s before expiry, inside a 30 s window
    expect(await refresher.refreshExpiring(30)).toEqual({ refreshed: 1, failed: 0 });
    expect(h.oidc.grants.refresh_token).toBe(grants + 1);
    const after = await creds();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken); // rotated
    expect(await userinfo(after.accessToken)).toBe(200);
    expect((await connection()).accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 100_000);
  });

  it('refreshes once for many concurrent callers after the provider rejected the token', async () => {
    const { accessToken } = await creds();
    const grants = h.oidc.grants.refresh_token;
    const errors = h.oidc.refreshErrors.length;
    const id = (await connection()).id;
    const results = await Promise.all(Array.from({ length: 10 }, () => refresher.accessToken(id, { rejectedAccessToken: accessToken })));
    expect(h.oidc.grants.refresh_token).toBe(grants + 1);
    expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);
    expect(results[0]!.accessToken).not.toBe(accessToken);
    expect(await userinfo(results[0]!.accessToken)).toBe(200);
    expect(h.oidc.refreshErrors.length).toBe(errors);
  });

  it('marks a revoked grant needs_reauth, keeps the connection and notifies the admins', async () => {
    const row = await connection();
    const { refreshToken } = await creds();
    const ctx = { provider: h.provider, endpoints: resolveEndpoints(h.provider), client: { clientId: h.oidc.clientId, clientSecret: h.oidc.clientSecret } };
    expect(await revokeToken(ctx, refreshToken!, 'refresh_token')).toBe(true);

    await expect(refresher.accessToken(row.id, { rejectedAccessToken: (await creds()).accessToken })).rejects.toBeInstanceOf(ConnectionNeedsReauthError);
    expect(await connection()).toMatchObject({ id: row.id, state: 'needs_reauth', lastError: 'invalid_grant' });
    const [inst] = await database.db.select().from(installations).where(eq(installations.id, h.installationId));
    expect(inst!.state).toBe('needs_reauth');
    const notes = await database.db.select().from(notifications).where(eq(notifications.workspaceId, h.workspaceId));
    expect(notes.some((n) => n.kind === 'installation.needs_reauth' && n.link === `/installations/${h.installationId}`)).toBe(true);
    expect((await database.db.select().from(emailOutbox)).some((m) => m.subject.startsWith('Reconnect'))).toBe(true);
    expect((await database.db.select().from(auditLog)).some((a) => a.action === 'connection.needs_reauth' && a.targetId === row.id)).toBe(true);
    // Later callers are told at once, without another token request.
    await expect(refresher.accessToken(row.id)).rejects.toThrow(/re-authorised/);

    // Reconnecting restores the installation.
    const { end } = await connect(h);
    expect(end.searchParams.get('connected')).toBe('1');
    expect((await connection()).state).toBe('active');
  });

  it('revokes the tokens at the provider on disconnect, then deletes the connection', async () => {
    const { accessToken } = await creds();
    expect(await userinfo(accessToken)).toBe(200);
    const result = await disconnect(h.deps, h.installationId);
    expect(result).toMatchObject({ deleted: true, revoked: true });
    expect(await userinfo(accessToken)).toBe(401);
    expect(await database.db.select().from(connections).where(eq(connections.installationId, h.installationId))).toEqual([]);
  });

  if (testDatabaseKind() === 'postgres') {
    it('two OS processes refreshing at once make exactly one token exchange', async () => {
      const row = await connection();
      const { accessToken } = await creds();
      const grants = h.oidc.grants.refresh_token;
      const errors = h.oidc.refreshErrors.length;
      const child = () =>
        spawn(process.execPath, [path.resolve(import.meta.dirname, '../support/refresh-child.mjs')], {
          env: { ...process.env, DATABASE_URL: database.url!, KEYS: h.encryptionKey, PROVIDER: JSON.stringify(h.provider), CONNECTION_ID: row.id, REJECTED: accessToken },
          stdio: ['pipe', 'pipe', 'inherit'],
        });
      const children = [child(), child()];
      const lines = children.map((c) => readline.createInterface({ input: c.stdout! })[Symbol.asyncIterator]());
      for (const it of lines) expect((await it.next()).value).toBe('ready');
      for (const c of children) c.stdin!.write('go\n');
      const results = await Promise.all(lines.map(async (it) => JSON.parse((await it.next()).value as string)));
      for (const c of children) c.stdin!.end();

      expect(results.map((r) => r.ok)).toEqual([true, true]);
      expect(h.oidc.grants.refresh_token - grants).toBe(1);
      expect(h.oidc.refreshErrors.slice(errors)).toEqual([]);
      expect(results.filter((r) => r.refreshed)).toHaveLength(1);
      expect(results[0].accessToken).toBe(results[1].accessToken);
      expect(await userinfo(results[0].accessToken)).toBe(200);
      expect((await connection()).state).toBe('active');
    });
  }
});
