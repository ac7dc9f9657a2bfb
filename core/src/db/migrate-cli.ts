/** `npm run db:migrate`: applies pending migrations to the configured database and reports the level. */
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { migrationLevel, openDatabase } from './database.js';
import { lockDataDir } from './pglite-lock.js';

async function run(): Promise<void> {
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.ping(5000);
    await database.migrate();
    const level = await migrationLevel(database.db);
    process.stdout.write(`migrated ${database.kind}: ${level.applied} applied, latest ${level.latest ?? 'none'}\n`);
  } finally {
    await database.close();
    release();
  }
}

run().catch((err) => {
  process.stderr.write(`nudge db:migrate: ${err instanceof AppError ? err.message : (err as Error).message}\n`);
  process.exit(1);
});
