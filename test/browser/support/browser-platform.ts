/**
 * The platform for browser tests: the compiled core (core/dist), wired as
 * core/src/main.ts wires it (PGlite in a temp DATA_DIR, demo seed, fixture
 * server, first-party plugins certified), on a free loopback port, plus what a
 * test needs that the process entry cannot give: the local oidc-provider
 * registered as OAuth provider "testoidc" with a client, and a loopback API
 * for the test plugin's host. Everything listens on 127.0.0.1 only.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startOidcServer, testProvider, type TestOidcServer } from '../../support/oidc-server.js';
import { startTestApi, type TestApi } from './test-api.js';
import { TEST_API_HOST, TEST_PROVIDER_ID } from './test-plugin.js';

// Compiled core, the code `npm start` runs (built by `npm test`'s build step).
const dist = (p: string) => path.resolve(import.meta.dirname, '../../../core/dist', p);
const { loadConfig } = await import(dist('config.js'));
const { openDatabase } = await import(dist('db/database.js'));
const { createApp } = await import(dist('http/app.js'));
const { listen } = await import(dist('http/server.js'));
const { createLogger } = await import(dist('observability/logger.js'));
const { startPlatform } = await import(dist('platform/start-platform.js'));
const { seedDemo, demoLogins } = await import(dist('seed/demo-seed.js'));
const { loadDemoFixtures, startFixtureServer } = await import(dist('demo/fixture-server.js'));
const { seedDemoInstallations } = await import(dist('seed/demo-installations.js'));
const { discoverPlugins, seedFirstPartyPlugins } = await import(dist('seed/first-party-seed.js'));
const { registerOAuthApp } = await import(dist('connections/oauth-apps.js'));

export { TEST_API_HOST, TEST_PROVIDER_ID };

export interface BrowserPlatform {
  url: string;
  dataDir: string;
  oidc: TestOidcServer;
  /** Requests the loopback API for TEST_API_HOST received (path list). */
  apiRequests: string[];
  /** That API, to steer (failures, rejected tokens) and inspect. */
  api: TestApi;
  /** Revokes every grant the OAuth provider issued (the user removed the app at the provider): refreshes then fail with invalid_grant. */
  revokeOAuthGrants(): Promise<number>;
  /** Resolves when the first-party plugins are certified and Acme Store's demo installations exist. */
  seeded: Promise<string[]>;
  logs: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startBrowserPlatform(): Promise<BrowserPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-browser-'));
  const port = await freePort();
  const api = await startTestApi();
  const apiRequests = api.requests;
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SANDBOX_WORKERS: '2' });
  config.hostOverrides[TEST_API_HOST] = { address: '127.0.0.1', port: api.port, protocol: 'http' };
  const logs: string[] = [];
  const logger = createLogger('warn', new (await import('node:stream')).Writable({ write: (chunk, _e, cb) => (logs.push(String(chunk)), cb()) }));

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  await seedDemo(database.db);
  const fixtures = await startFixtureServer(await loadDemoFixtures(discoverPlugins()));
  for (const host of fixtures.hosts) config.hostOverrides[host] ??= { address: '127.0.0.1', port: fixtures.port, protocol: 'http' };
  const platform = await startPlatform(config, database, logger);

  const publicUrl = `http://127.0.0.1:${port}`;
  const oidc = await startOidcServer({ redirectUris: [`${publicUrl}/oauth/callback`] });
  const issuer = oidc.issuer;
  const grantIds: string[] = [];
  oidc.provider.on('grant.saved', (grant: { jti: string }) => void grantIds.push(grant.jti));
  platform.services.connections.catalog.add(testProvider(issuer, TEST_PROVIDER_ID));
  await registerOAuthApp(platform.services.connections, TEST_PROVIDER_ID, { clientId: oidc.clientId, clientSecret: oidc.clientSecret });

  const app = createApp({ database, logger, version: 'browser-test', connections: platform.services.connections, services: platform.services, metrics: platform.metrics });
  const running = await listen(app.fetch, port, '127.0.0.1');

  const logins = demoLogins() as { role: string; email: string }[];
  const seeded = seedFirstPartyPlugins({
    registry: platform.services.registry,
    sandbox: platform.services.certificationSandbox,
    dataDir,
    logger,
    publisherUserEmail: logins.find((l) => l.role === 'admin')!.email,
    reviewerEmail: logins.find((l) => l.role === 'reviewer')!.email,
  }).then(() => seedDemoInstallations(platform.services, null) as Promise<string[]>);
  seeded.catch(() => undefined);

  return {
    url: publicUrl,
    dataDir,
    oidc,
    apiRequests,
    api,
    revokeOAuthGrants: async () => {
      let revoked = 0;
      for (const id of grantIds.splice(0)) {
        const grant = await oidc.provider.Grant.find(id);
        if (grant) (await grant.destroy(), (revoked += 1));
      }
      return revoked;
    },
    seeded,
    logs,
    stop: async () => {
      await seeded.catch(() => undefined);
      await running.close(5000);
      await platform.stop();
      await fixtures.close();
      await oidc.close();
      await api.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
