/**
 * `npm run keys:rotate`: re-encrypts every stored credential under the active
 * key (the first of NUDGE_ENCRYPTION_KEYS). Keep the old keys in the ring
 * until this has run; it is idempotent and safe to re-run.
 */
import { loadConfig } from '../config.js';
import { rewrapConnections } from '../connections/connection-store.js';
import { rewrapOAuthApps } from '../connections/oauth-apps.js';
import { openDatabase } from '../db/database.js';
import { lockDataDir } from '../db/pglite-lock.js';
import { AppError } from '../errors.js';
import { createLogger } from '../observability/logger.js';
import { resolveVault, VaultUnconfiguredError } from './key-ring.js';

async function run(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const vault = resolveVault(config, logger);
  if (!vault) throw new VaultUnconfiguredError();
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const connections = await rewrapConnections(database.db, vault);
    const apps = await rewrapOAuthApps({ db: database.db, vault });
    process.stdout.write(`re-encrypted under key "${vault.activeKeyId}": ${connections} connection(s), ${apps} OAuth client secret(s)\n`);
  } finally {
    await database.close();
    release();
  }
}

run().catch((err) => {
  process.stderr.write(`nudge keys:rotate: ${err instanceof AppError ? err.message : (err as Error).message}\n`);
  process.exit(1);
});
