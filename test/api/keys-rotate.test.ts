/**
 * `npm run keys:rotate` end to end on an embedded database: credentials
 * written under the generated development key are re-encrypted under the new
 * active key, and the old key is no longer needed to read them.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/src/db/database.js';
import { connections } from '../../core/src/db/schema/installations.js';
import { insertInstallation, insertPluginVersion, insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import { developmentKey } from '../../core/src/vault/key-ring.js';
import { TokenVault } from '../../core/src/vault/token-vault.js';
import { REPO_ROOT } from '../support/platform-process.js';

describe('keys:rotate', () => {
  it('re-encrypts every connection under the active key', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-rotate-'));
    const dev = developmentKey(dataDir);
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const user = await insertUser(database.db);
    const ws = await insertWorkspace(database.db, user.id);
    const { pluginId, version } = await insertPluginVersion(database.db, { auth: { type: 'api_key' } });
    const devVault = new TokenVault([dev]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const inst = await insertInstallation(database.db, { workspaceId: ws.id, pluginId, versionId: version.id });
      const id = randomUUID();
      ids.push(id);
      await database.db.insert(connections).values({ id, installationId: inst.id, workspaceId: ws.id, provider: pluginId, authType: 'api_key', credentials: devVault.encrypt({ type: 'api_key', values: { apiKey: `k${i}` } }, id), keyId: 'dev' });
    }
    await database.close();

    const fresh = randomBytes(32).toString('base64');
    const out = execFileSync(process.execPath, ['--no-node-snapshot', path.join(REPO_ROOT, 'core/dist/vault/rotate-cli.js')], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, NUDGE_ENCRYPTION_KEYS: `k2026:${fresh},dev:${dev.key.toString('base64')}` },
      encoding: 'utf8',
    });
    expect(out).toContain('re-encrypted under key "k2026": 3 connection(s)');

    const after = await openDatabase({ dataDir });
    const rows = await after.db.select().from(connections);
    await after.close();
    const onlyNew = new TokenVault([{ id: 'k2026', key: Buffer.from(fresh, 'base64') }]);
    expect(rows.map((r) => r.keyId)).toEqual(['k2026', 'k2026', 'k2026']);
    expect(rows.map((r) => onlyNew.decrypt<{ values: { apiKey: string } }>(r.credentials, r.id).values.apiKey).sort()).toEqual(['k0', 'k1', 'k2']);
  }, 120_000);
});
