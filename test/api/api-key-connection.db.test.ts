/**
 * API-key connections end to end: the plugin's own auth.test runs in the
 * sandbox with the candidate key injected by the host (the plugin never sees
 * it), a rejected key saves nothing, an accepted key is stored encrypted, and
 * neither the plugin's logs nor its view of the request carry the key.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/src/clock.js';
import type { ConnectionsDeps } from '../../core/src/connections/deps.js';
import { InstallationCredentials } from '../../core/src/connections/installation-credentials.js';
import { runAuthTest, sandboxCredentialTester } from '../../core/src/connections/sandbox-auth-test.js';
import { connectWithSecret, CredentialsRejectedError } from '../../core/src/connections/secret-connection.js';
import { TokenRefresher } from '../../core/src/connections/token-refresher.js';
import { rowsOf } from '../../core/src/db/database.js';
import { connections } from '../../core/src/db/schema/installations.js';
import { pluginVersions } from '../../core/src/db/schema/registry.js';
import { insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { installPlugin } from '../../core/src/installations/install-plugin.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProviderCatalog } from '../../core/src/oauth/provider-catalog.js';
import { publishVersion } from '../../core/src/registry/publish-version.js';
import { SandboxSupervisor, type SandboxLogEvent } from '../../core/src/sandbox/sandbox-supervisor.js';
import { TokenVault } from '../../core/src/vault/token-vault.js';
import { baseManifest, createPublisher } from '../support/registry-fixtures.js';

const GOOD_KEY = `key-${randomBytes(8).toString('hex')}`;
const CODE = `var __nudgePlugin = { default: {
  auth: { test: async (ctx) => {
    const res = await ctx.fetch('https://api.keyed.example/me');
    ctx.log.info('auth test response', { status: res.status, url: res.url, headers: res.headers });
    if (res.status !== 200) return { ok: false };
    const body = await res.json();
    return { ok: true, account: body.account };
  } },
} };`;

let database: TestDatabase;
let sandbox: SandboxSupervisor;
let api: http.Server;
let deps: ConnectionsDeps;
let credentials: InstallationCredentials;
let installationId: string;
const pluginLogs: SandboxLogEvent[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  api = http.createServer((req, res) => {
    const ok = req.headers['x-api-key'] === GOOD_KEY;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? '{"account":"acme-ltd"}' : '{"error":"bad key"}');
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', () => r()));
  const port = (api.address() as AddressInfo).port;
  deps = { db: database.db, vault: new TokenVault([{ id: 'k', key: randomBytes(32) }]), catalog: ProviderCatalog.fromDirectory(), logger: createLogger('silent'), publicUrl: 'http://127.0.0.1', now: () => new Date() };
  credentials = new InstallationCredentials(deps, new TokenRefresher(deps));
  sandbox = await SandboxSupervisor.start({
    workers: 1,
    db: database.db,
    egress: { hostOverrides: { 'api.keyed.example': { address: '127.0.0.1', port, protocol: 'http' } } },
    credentialsFor: (installation, _url, manifest) => credentials.injection(installation.id, (manifest.auth as { inject?: { headers?: Record<string, string> } }).inject),
    onLog: (event) => pluginLogs.push(event),
  });

  const pub = await createPublisher(database.db);
  const manifest = baseManifest({
    id: 'keyed',
    version: '1.0.0',
    auth: { type: 'api_key', fields: { type: 'object', properties: { apiKey: { type: 'string' } }, required: ['apiKey'] }, inject: { headers: { 'x-api-key': '{{apiKey}}' } } },
    permissions: { hosts: ['api.keyed.example'] },
    actions: {},
    triggers: {},
    syncs: {},
    options: [],
  });
  const { versionId } = await publishVersion({ db: database.db, clock: new ManualClock(), logger: deps.logger }, { bundle: pub.bundle(manifest, { code: CODE }), changelog: 'First.', actorUserId: pub.ownerId });
  await database.db.update(pluginVersions).set({ state: 'certified' }).where(eq(pluginVersions.id, versionId));
  const user = await insertUser(database.db);
  const ws = await insertWorkspace(database.db, user.id);
  installationId = (await installPlugin({ db: database.db, clock: new ManualClock() }, { workspaceId: ws.id, pluginId: 'keyed', actorUserId: user.id })).id;
});
afterAll(async () => {
  await sandbox?.stop();
  api?.close();
  await database?.destroy();
});

const services = () => ({ sandbox, database, credentials });

describe(`API-key connection on ${testDatabaseKind()}`, () => {
  it('refuses a key the service rejects and saves nothing', async () => {
    await expect(connectWithSecret(deps, installationId, { type: 'api_key', values: { apiKey: 'wrong-key' } }, sandboxCredentialTester(services(), installationId))).rejects.toBeInstanceOf(CredentialsRejectedError);
    expect(await database.db.select().from(connections)).toEqual([]);
  });

  it('saves an accepted key encrypted, and the saved connection keeps testing green', async () => {
    const id = await connectWithSecret(deps, installationId, { type: 'api_key', values: { apiKey: GOOD_KEY } }, sandboxCredentialTester(services(), installationId));
    const [row] = await database.db.select().from(connections).where(eq(connections.id, id));
    expect(row!.metadata).toEqual({ account: 'acme-ltd' });
    expect(JSON.stringify(rowsOf(await database.db.execute(sql`select * from connections`)))).not.toContain(GOOD_KEY);
    expect(await runAuthTest(services(), installationId)).toEqual({ ok: true, account: 'acme-ltd' });
  });

  it('never shows the key to the plugin or its logs', () => {
    expect(pluginLogs.length).toBeGreaterThan(0);
    expect(JSON.stringify(pluginLogs)).not.toContain(GOOD_KEY);
  });
});
