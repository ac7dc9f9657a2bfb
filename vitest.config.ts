/**
 * One vitest run, three projects:
 * - `unit`: every `*.test.ts` that needs no database, run once;
 * - `pglite` and `postgres`: every `*.db.test.ts`, run against each database;
 *   `*.pg.test.ts` need a server process (several processes, a cut connection) and run on `postgres` only.
 * The postgres project joins when TEST_DATABASE_URL (default: the local server)
 * answers; CI starts that server, so there it always runs.
 */
import net from 'node:net';
import { defineConfig } from 'vitest/config';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const exclude = ['**/node_modules/**', '**/dist/**', '**/.data/**'];
const conditions = ['source', 'node', 'import', 'default'];

export default defineConfig(async () => {
  const postgres = await reachable(TEST_DATABASE_URL);
  if (!postgres) {
    process.stderr.write(`\n[vitest] PostgreSQL at ${new URL(TEST_DATABASE_URL).host} is not reachable: database tests run on PGlite only.\n\n`);
  }
  const dbProject = (name: 'pglite' | 'postgres') => ({
    extends: true as const,
    test: {
      name,
      include: name === 'postgres' ? ['**/*.db.test.ts', '**/*.pg.test.ts'] : ['**/*.db.test.ts'],
      exclude,
      env: { NUDGE_TEST_DB: name, TEST_DATABASE_URL },
    },
  });
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['source'] } },
    test: {
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      // Test files load isolated-vm (the sandbox engine); every such process needs this flag.
      execArgv: ['--no-node-snapshot'],
      projects: [
        { extends: true as const, test: { name: 'unit', include: ['**/*.test.ts'], exclude: [...exclude, '**/*.db.test.ts', '**/*.pg.test.ts'] } },
        dbProject('pglite'),
        ...(postgres ? [dbProject('postgres')] : []),
      ],
    },
  };
});
