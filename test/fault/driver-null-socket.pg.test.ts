/**
 * The PostgreSQL driver's connection dies while a small write is queued. Before
 * the install-time repair (core/scripts/patch-postgres-driver.mjs) the deferred
 * write ran against a null socket and threw an uncaught TypeError that took the
 * whole process down; now every query on the dead connection rejects with
 * CONNECTION_CLOSED, and the pool hands out a working connection again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { tcpRelay, type TcpRelay } from '../support/tcp-relay.js';
import { createTestDatabase, type TestDatabase } from '../../core/src/db/test-database.js';

let database: TestDatabase;
let relay: TcpRelay;
let sql: postgres.Sql;
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.url!);
  relay = tcpRelay({ host: url.hostname, port: Number(url.port || 5432) });
  url.host = `127.0.0.1:${await relay.restore()}`;
  sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await sql?.end({ timeout: 1 });
  await relay?.cut().catch(() => {});
  await database?.destroy();
});

describe('a connection that dies under a queued write', () => {
  it('rejects the queries with CONNECTION_CLOSED instead of crashing the process, and the pool recovers', async () => {
    const reserved = await sql.reserve();
    expect(await reserved`select 1 as one`).toEqual([{ one: 1 }]);
    await relay.cut();
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      codes.push(await reserved`select 1`.then(() => 'ok', (err: { code?: string }) => String(err.code)));
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(codes).toEqual(['CONNECTION_CLOSED', 'CONNECTION_CLOSED', 'CONNECTION_CLOSED']);
    expect(uncaught).toEqual([]);
    reserved.release();
    await relay.restore();
    expect(await sql`select 2 as two`).toEqual([{ two: 2 }]);
  });
});
