/**
 * Usage over HTTP: the CSV export is scoped to who may read it (customers
 * their workspace, publishers their plugins, the internal team everything),
 * and /metrics serves Prometheus text with the platform's standard names.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publisherMembers } from '../../core/src/db/schema/identity.js';
import { insertInstallation, insertPluginVersion, insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { createApp } from '../../core/src/http/app.js';
import { listen, type RunningServer } from '../../core/src/http/server.js';
import { createApiToken } from '../../core/src/identity/actor.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { PlatformMetrics } from '../../core/src/observability/metrics.js';
import { ingestUsage } from '../../core/src/usage/usage-ingest.js';

let database: TestDatabase;
let server: RunningServer;
let base: string;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const customer = await insertUser(database.db);
  const stranger = await insertUser(database.db);
  const developer = await insertUser(database.db);
  const admin = await insertUser(database.db, { platformRole: 'admin' });
  const ws = await insertWorkspace(database.db, customer.id);
  await insertWorkspace(database.db, stranger.id);
  const { pluginId, version, publisher } = await insertPluginVersion(database.db, {}, { pluginId: 'csv-demo' });
  await database.db.insert(publisherMembers).values({ publisherId: publisher.id, userId: developer.id, role: 'developer' });
  const inst = await insertInstallation(database.db, { workspaceId: ws.id, pluginId, versionId: version.id });
  Object.assign(ids, { workspace: ws.id, plugin: pluginId, installation: inst.id });
  for (const [name, user] of Object.entries({ customer, stranger, developer, admin })) tokens[name] = (await createApiToken(database.db, user.id, name)).token;
  await ingestUsage(database.db, [{ id: randomUUID(), type: 'records_synced', occurredAt: new Date().toISOString(), workspaceId: ws.id, installationId: inst.id, pluginId, quantity: 250 }]);
  const app = createApp({ database, logger: createLogger('silent'), version: 'test', metrics: new PlatformMetrics({ defaultMetrics: false }) });
  server = await listen(app.fetch, 0, '127.0.0.1');
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close(500);
  await database?.destroy();
});

const exportAs = (who: string | undefined, dimension: string, id: string) =>
  fetch(`${base}/usage/export.csv?dimension=${dimension}&id=${id}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

describe(`usage routes on ${testDatabaseKind()}`, () => {
  it.each([
    ['customer', 'workspace', 'workspace', 200],
    ['customer', 'installation', 'installation', 200],
    ['stranger', 'workspace', 'workspace', 403],
    ['stranger', 'installation', 'installation', 403],
    ['customer', 'plugin', 'plugin', 403],
    ['developer', 'plugin', 'plugin', 200],
    ['developer', 'workspace', 'workspace', 403],
    ['admin', 'workspace', 'workspace', 200],
    [undefined, 'workspace', 'workspace', 401],
  ])('%s exporting a %s', async (who, dimension, key, status) => {
    const res = await exportAs(who, dimension, ids[key]!);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(await res.text()).toMatch(/records_synced,250,/);
    }
  });

  it('serves Prometheus metrics to the machine itself', async () => {
    await fetch(`${base}/healthz`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/healthz"/);
    expect(text).toContain('nudge_job_queue_depth{state="queued"} 0');
    expect(text).toContain('# TYPE nudge_plugin_invocations_total counter');
  });
});
