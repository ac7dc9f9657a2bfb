/**
 * Test support for the GraphQL API: a platform (test database, services,
 * the real hono app) listening on 127.0.0.1:0 with captured logs, a `gql`
 * client over real HTTP, and two tenants (A and B) with every role.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { ManualClock, type Clock } from '../../core/src/clock.js';
import type { ConnectionsDeps } from '../../core/src/connections/deps.js';
import { InstallationCredentials } from '../../core/src/connections/installation-credentials.js';
import { TokenRefresher } from '../../core/src/connections/token-refresher.js';
import { createTestDatabase, type TestDatabase } from '../../core/src/db/test-database.js';
import { insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import { workspaceMembers, publisherMembers } from '../../core/src/db/schema/identity.js';
import { installations } from '../../core/src/db/schema/installations.js';
import { notifications } from '../../core/src/db/schema/notifications.js';
import { runs, runLogs } from '../../core/src/db/schema/runtime.js';
import { createApp } from '../../core/src/http/app.js';
import { listen, type RunningServer } from '../../core/src/http/server.js';
import type { GraphQLRouteOptions } from '../../core/src/graphql/graphql-routes.js';
import { createApiToken } from '../../core/src/identity/actor.js';
import type { SsoLogin } from '../../core/src/identity/sso/sso-login.js';
import { hashPassword } from '../../core/src/identity/passwords.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProviderCatalog } from '../../core/src/oauth/provider-catalog.js';
import type { PlatformServices } from '../../core/src/platform/platform-services.js';
import type { CertificationSandbox } from '../../core/src/registry/certification/gate-types.js';
import { publishVersion } from '../../core/src/registry/publish-version.js';
import type { SandboxSupervisor } from '../../core/src/sandbox/sandbox-supervisor.js';
import { TokenVault } from '../../core/src/vault/token-vault.js';
import { baseManifest, createPublisher, type TestPublisher } from '../support/registry-fixtures.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }> };
}

export interface GqlOptions {
  variables?: Record<string, unknown>;
  token?: string;
  cookie?: string;
  csrf?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  database: TestDatabase;
  services: PlatformServices;
  clock: Clock;
  url: string;
  logs: string[];
  gql<T = Record<string, unknown>>(query: string, options?: GqlOptions): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  graphql?: GraphQLRouteOptions;
  demo?: boolean;
  sandbox?: SandboxSupervisor;
  certificationSandbox?: CertificationSandbox;
  clock?: Clock;
  /** Single sign-on through an external OpenID Connect provider. */
  sso?: SsoLogin;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const clock = options.clock ?? { now: () => new Date() };
  const connections: ConnectionsDeps = {
    db: database.db,
    vault: new TokenVault([{ id: 'k1', key: randomBytes(32) }]),
    catalog: ProviderCatalog.fromDirectory(),
    logger,
    publicUrl: 'http://127.0.0.1:1',
    now: () => clock.now(),
  };
  const refresher = new TokenRefresher(connections);
  const services: PlatformServices = {
    database,
    clock,
    logger,
    publicUrl: 'http://127.0.0.1:1',
    demo: options.demo ?? false,
    connections,
    refresher,
    credentials: new InstallationCredentials(connections, refresher),
    registry: { db: database.db, clock, logger },
    installations: { db: database.db, clock },
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.certificationSandbox ? { certificationSandbox: options.certificationSandbox } : {}),
    ...(options.sso ? { sso: options.sso } : {}),
  };
  const app = createApp({ database, logger, version: 'test', connections, services, graphql: { rateLimit: false, listingCacheMs: 0, ...options.graphql } });
  const server: RunningServer = await listen(app.fetch, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${server.port}/graphql`;
  return {
    database,
    services,
    clock,
    url,
    logs,
    async gql<T>(query: string, o: GqlOptions = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.cookie) headers.cookie = o.cookie;
      if (o.csrf) headers['x-csrf-token'] = o.csrf;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: o.variables ?? {} }) });
      const text = await res.text();
      let body: GqlResponse<T>['body'] = {};
      try {
        body = JSON.parse(text);
      } catch {
        body = {};
      }
      return { status: res.status, headers: res.headers, text, body };
    },
    async close() {
      await server.close(1000);
      await database.destroy();
    },
  };
}

export { ManualClock };

export const PASSWORD = 'correct horse battery staple';

export interface Tenant {
  label: 'A' | 'B';
  workspaceId: string;
  publisher: TestPublisher;
  pluginId: string;
  versionId: string;
  draftVersionId: string;
  installationId: string;
  runId: string;
  notificationId: string;
  /** Strings only this tenant's private data contains. */
  secrets: string[];
  users: Record<'wsAdmin' | 'wsMember' | 'pubOwner' | 'pubDeveloper', { id: string; email: string; token: string }>;
}

/** A tenant: a workspace (admin, member), a publisher (owner, developer) with a certified plugin, an installation with private settings, a run and a notification. */
export async function seedTenant(h: Harness, label: 'A' | 'B'): Promise<Tenant> {
  const db = h.database.db;
  const marker = `TENANT_${label}_SECRET_${randomBytes(4).toString('hex')}`;
  const passwordHash = await hashPassword(PASSWORD);
  const mk = async (role: string) => {
    const user = await insertUser(db, { email: `${role.toLowerCase()}-${label.toLowerCase()}-${randomBytes(3).toString('hex')}@example.test`, name: `${role} ${label}`, passwordHash });
    const { token } = await createApiToken(db, user.id, `${role} token`);
    return { id: user.id, email: user.email, token };
  };
  const wsAdmin = await mk('wsAdmin');
  const wsMember = await mk('wsMember');
  const ws = await insertWorkspace(db, wsAdmin.id);
  await db.insert(workspaceMembers).values({ workspaceId: ws.id, userId: wsMember.id, role: 'member' });

  const publisher = await createPublisher(db, { slug: `pub-${label.toLowerCase()}-${randomBytes(3).toString('hex')}` });
  const pubDeveloper = await mk('pubDeveloper');
  await db.insert(publisherMembers).values({ publisherId: publisher.id, userId: pubDeveloper.id, role: 'developer' });
  const { token: ownerToken } = await createApiToken(db, publisher.ownerId, 'owner token');
  const pubOwner = { id: publisher.ownerId, email: 'owner', token: ownerToken };

  const pluginId = `tenant-${label.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const manifest = baseManifest({ id: pluginId, name: `Tenant ${label} CRM`, version: '1.0.0' });
  const published = await publishVersion(h.services.registry, { bundle: publisher.bundle(manifest), changelog: 'First release.', actorUserId: publisher.ownerId });
  const { pluginVersions } = await import('../../core/src/db/schema/registry.js');
  const { eq } = await import('drizzle-orm');
  await db.update(pluginVersions).set({ state: 'certified', trustLevel: 'certified' }).where(eq(pluginVersions.id, published.versionId));
  const draft = await publishVersion(h.services.registry, { bundle: publisher.bundle({ ...manifest, version: '1.1.0' }), changelog: `Draft ${marker}`, actorUserId: publisher.ownerId });
  await db.update(pluginVersions).set({ state: 'rejected' }).where(eq(pluginVersions.id, draft.versionId));

  const [inst] = await db
    .insert(installations)
    .values({ workspaceId: ws.id, pluginId, versionId: published.versionId, pinnedMajor: 1, state: 'active', settings: { marker } })
    .returning();
  const [run] = await db.insert(runs).values({ workspaceId: ws.id, installationId: inst!.id, kind: 'action', name: `run ${marker}`, status: 'succeeded' }).returning();
  await db.insert(runLogs).values({ runId: run!.id, level: 'info', message: `log ${marker}` });
  const [note] = await db.insert(notifications).values({ workspaceId: ws.id, kind: 'test', title: `note ${marker}`, body: marker }).returning();
  return {
    label,
    workspaceId: ws.id,
    publisher,
    pluginId,
    versionId: published.versionId,
    draftVersionId: draft.versionId,
    installationId: inst!.id,
    runId: run!.id,
    notificationId: note!.id,
    secrets: [marker, ws.id, inst!.id, run!.id, draft.versionId, note!.id],
    users: { wsAdmin, wsMember, pubOwner, pubDeveloper },
  };
}

export async function platformUser(h: Harness, role: 'reviewer' | 'admin') {
  const user = await insertUser(h.database.db, { platformRole: role, name: `Platform ${role}`, passwordHash: await hashPassword(PASSWORD) });
  const { token } = await createApiToken(h.database.db, user.id, `${role} token`);
  return { id: user.id, email: user.email, token };
}
