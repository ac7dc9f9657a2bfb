/**
 * The two-command promise, end to end: the compiled platform starts on the
 * database this project targets, seeds the demo once, keeps its data across
 * restarts, stops cleanly on SIGTERM and refuses bad input with one line.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, testDatabaseKind } from '../../core/src/db/test-database.js';
import { runToExit, startPlatform } from '../support/platform-process.js';

const kind = testDatabaseKind();
let env: Record<string, string>;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (kind === 'postgres') {
    const created = await createPostgresDatabase('nudge_start');
    drop = created.drop;
    env = { DATABASE_URL: created.url, NUDGE_DEMO: '1' };
  } else {
    env = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-start-')) };
  }
});
afterAll(async () => drop?.());

async function countUsers(): Promise<number> {
  if (kind === 'postgres') {
    const { default: postgres } = await import('postgres');
    const sql = postgres(env.DATABASE_URL!, { max: 1 });
    const [row] = await sql`select count(*)::int as n from users`;
    await sql.end();
    return row!.n as number;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite(path.join(env.DATA_DIR!, 'pglite'));
  const result = await pg.query<{ n: number }>('select count(*)::int as n from users');
  await pg.close();
  return result.rows[0]!.n;
}

describe(`npm start on ${kind}`, () => {
  it('serves /healthz, seeds the demo once and keeps data across restarts', async () => {
    const first = await startPlatform(env);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: kind });
    expect(first.stdout()).toContain('demo data seeded');
    expect(first.stdout()).toMatch(/customer@demo\.nudgecampaign\.test \/ demo/);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(await countUsers()).toBe(4);

    const second = await startPlatform(env);
    expect(second.stdout()).not.toContain('demo data seeded');
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect(await second.stop('SIGINT')).toBe(0);
    expect(await countUsers()).toBe(4);
  }, 180_000);

  it('refuses an occupied port with one line and exit 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runToExit({ ...env, PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([`nudge: PORT ${port} is already in use on 127.0.0.1; free it or set PORT.`]);
    } finally {
      blocker.close();
    }
  }, 60_000);

  if (kind === 'pglite') {
    it('refuses a second server on the same DATA_DIR', async () => {
      const first = await startPlatform(env);
      try {
        const result = await runToExit(env);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^nudge: DATA_DIR .* is in use by process \d+/);
      } finally {
        await first.stop();
      }
    }, 120_000);
  }
});

describe('bad configuration stops the process with one clear line', () => {
  it.each([
    [{ PORT: 'eighty' }, /^nudge: PORT must be an integer/],
    [{ DATABASE_URL: 'postgres//nope' }, /^nudge: DATABASE_URL must be a URL/],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, /^nudge: cannot start: the database is not usable: PostgreSQL is unreachable/],
  ])('%j', async (bad, message) => {
    const result = await runToExit({ ...env, ...bad });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
