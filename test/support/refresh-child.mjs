// A separate OS process that refreshes one connection when told "go" on stdin,
// used to prove refresh is single-flight across processes. Runs compiled core.
import readline from 'node:readline';
import { TokenRefresher } from '../../core/dist/connections/token-refresher.js';
import { openDatabase } from '../../core/dist/db/database.js';
import { createLogger } from '../../core/dist/observability/logger.js';
import { ProviderCatalog } from '../../core/dist/oauth/provider-catalog.js';
import { TokenVault } from '../../core/dist/vault/token-vault.js';
import { parseEncryptionKeys } from '../../core/dist/config.js';

const { DATABASE_URL, KEYS, PROVIDER, CONNECTION_ID, REJECTED } = process.env;
const database = await openDatabase({ databaseUrl: DATABASE_URL });
const catalog = ProviderCatalog.fromDirectory();
catalog.add(JSON.parse(PROVIDER));
const refresher = new TokenRefresher({
  db: database.db,
  vault: new TokenVault(parseEncryptionKeys(KEYS)),
  catalog,
  logger: createLogger('silent'),
  publicUrl: 'http://127.0.0.1',
  now: () => new Date(),
});
await database.ping();
process.stdout.write('ready\n');
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  try {
    const outcome = await refresher.accessToken(CONNECTION_ID, { rejectedAccessToken: REJECTED });
    process.stdout.write(JSON.stringify({ ok: true, accessToken: outcome.accessToken, refreshed: outcome.refreshed }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, error: err.message }) + '\n');
  }
  break;
}
await database.close();
