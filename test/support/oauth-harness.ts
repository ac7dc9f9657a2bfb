/**
 * Sets up a connections scenario against a real authorization server: the
 * oidc-provider on loopback registered as provider "test-oidc", the core app
 * listening with OAuth routes, a workspace admin with an API token, and an
 * installation whose manifest asks for OAuth scopes.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ConnectionsDeps } from '../../core/src/connections/deps.js';
import { registerOAuthApp } from '../../core/src/connections/oauth-apps.js';
import { insertInstallation, insertPluginVersion, insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import type { TestDatabase } from '../../core/src/db/test-database.js';
import { createApp } from '../../core/src/http/app.js';
import { listen, type RunningServer } from '../../core/src/http/server.js';
import { createApiToken } from '../../core/src/identity/actor.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProviderCatalog, type OAuthProvider } from '../../core/src/oauth/provider-catalog.js';
import { TokenVault } from '../../core/src/vault/token-vault.js';
import { TestBrowser } from './browser.js';
import { startOidcServer, testProvider, type TestOidcServer } from './oidc-server.js';

export interface OAuthHarness {
  deps: ConnectionsDeps;
  oidc: TestOidcServer;
  server: RunningServer;
  publicUrl: string;
  apiToken: string;
  installationId: string;
  workspaceId: string;
  logs: string[];
  encryptionKey: string;
  provider: OAuthProvider;
  clock: { offsetMs: number };
  close(): Promise<void>;
}

export async function startOAuthHarness(database: TestDatabase, options: { scopes?: string[]; accessTokenTtl?: number } = {}): Promise<OAuthHarness> {
  const logs: string[] = [];
  const logger = createLogger('debug', new Writable({ write: (chunk, _e, cb) => (logs.push(String(chunk)), cb()) }));
  const key = randomBytes(32);
  const clock = { offsetMs: 0 };
  const deps: ConnectionsDeps = {
    db: database.db,
    vault: new TokenVault([{ id: 't1', key }]),
    catalog: ProviderCatalog.fromDirectory(),
    logger,
    publicUrl: 'http://127.0.0.1:0',
    now: () => new Date(Date.now() + clock.offsetMs),
  };
  const app = createApp({ database, logger, version: 'test', connections: deps });
  const server = await listen(app.fetch, 0, '127.0.0.1');
  deps.publicUrl = `http://127.0.0.1:${server.port}`;
  const oidc = await startOidcServer({ redirectUris: [`${deps.publicUrl}/oauth/callback`], ...(options.accessTokenTtl ? { accessTokenTtl: options.accessTokenTtl } : {}) });
  const provider = testProvider(oidc.issuer);
  deps.catalog.add(provider);
  await registerOAuthApp(deps, 'test-oidc', { clientId: oidc.clientId, clientSecret: oidc.clientSecret });

  const user = await insertUser(database.db);
  const workspace = await insertWorkspace(database.db, user.id);
  const { pluginId, version } = await insertPluginVersion(database.db, {
    auth: { type: 'oauth2', provider: 'test-oidc', scopes: options.scopes ?? ['openid', 'offline_access', 'profile'] },
  });
  const installation = await insertInstallation(database.db, { workspaceId: workspace.id, pluginId, versionId: version.id });
  const { token } = await createApiToken(database.db, user.id, 'test');
  return {
    deps,
    oidc,
    server,
    publicUrl: deps.publicUrl,
    apiToken: token,
    installationId: installation.id,
    workspaceId: workspace.id,
    logs,
    encryptionKey: `t1:${key.toString('base64')}`,
    provider,
    clock,
    close: async () => {
      await server.close(1000);
      await oidc.close();
    },
  };
}

/** Runs the whole authorization in a fresh browser; returns the browser and the UI URL it ended on. */
export async function connect(h: OAuthHarness, browser = new TestBrowser()) {
  const end = await browser.follow(`${h.publicUrl}/oauth/start?installation=${h.installationId}`, {
    headers: { authorization: `Bearer ${h.apiToken}` },
    stop: (url) => url.origin === h.publicUrl && !url.pathname.startsWith('/oauth/'),
  });
  return { browser, end };
}
