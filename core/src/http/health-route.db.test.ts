import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../db/test-database.js';
import { createLogger } from '../observability/logger.js';
import { tcpRelay } from '../../../test/support/tcp-relay.js';
import { createApp } from './app.js';

const logger = createLogger('silent');

describe(`GET /healthz on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => test?.destroy());

  it('answers 200 with kind, version and migration level', async () => {
    const app = createApp({ database: test, logger, version: '9.9.9' });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', version: '9.9.9', database: testDatabaseKind(), migrations: { pending: 0 } });
    expect(body.migrations.applied).toBeGreaterThan(0);
  });

  it('answers unknown routes with problem+json', async () => {
    const app = createApp({ database: test, logger, version: '1' });
    const res = await app.request('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  // Only PostgreSQL can become unreachable; the embedded database lives in-process.
  if (testDatabaseKind() === 'postgres') it('answers 503 while PostgreSQL is unreachable and 200 once it is back', async () => {
    const url = new URL(test.url!);
    const cut = tcpRelay({ host: url.hostname, port: Number(url.port || 5432) });
    const port = await cut.restore();
    url.host = `127.0.0.1:${port}`;
    const database: Database = await openDatabase({ databaseUrl: url.toString() });
    try {
      const app = createApp({ database, logger, version: '1' });
      expect((await app.request('/healthz')).status).toBe(200);

      await cut.cut();
      const down = await app.request('/healthz');
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', code: 'DATABASE_UNAVAILABLE', database: 'postgres' });

      await cut.restore();
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await app.request('/healthz')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
    } finally {
      await database.close();
      await cut.cut().catch(() => {});
    }
  });
});
