/**
 * Chooses the vault's key ring: NUDGE_ENCRYPTION_KEYS when set; in embedded
 * mode only, a development key generated into DATA_DIR (with a loud warning);
 * otherwise none, and features that store credentials refuse with a clear error.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config, EncryptionKey } from '../config.js';
import { AppError, ERROR_CODES } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import { TokenVault } from './token-vault.js';

export const DEV_KEY_FILE = 'dev-encryption-key';

export class VaultUnconfiguredError extends AppError {
  constructor() {
    super(ERROR_CODES.CONFIG_INVALID, 'Credentials cannot be stored: set NUDGE_ENCRYPTION_KEYS (id:base64key pairs) on this server.');
    this.name = 'VaultUnconfiguredError';
  }
}

export function developmentKey(dataDir: string): EncryptionKey {
  const file = path.join(dataDir, DEV_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `dev:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const [id, b64] = fs.readFileSync(file, 'utf8').trim().split(':');
  return { id: id!, key: Buffer.from(b64!, 'base64') };
}

export function resolveVault(config: Pick<Config, 'encryptionKeys' | 'databaseUrl' | 'dataDir'>, logger?: Logger): TokenVault | undefined {
  if (config.encryptionKeys) return new TokenVault(config.encryptionKeys);
  if (config.databaseUrl) {
    logger?.warn('NUDGE_ENCRYPTION_KEYS is not set: connections cannot be created until it is.');
    return undefined;
  }
  const dev = developmentKey(config.dataDir);
  const banner = '!'.repeat(78);
  logger?.warn(
    `\n${banner}\n  USING A GENERATED DEVELOPMENT ENCRYPTION KEY (${path.join(config.dataDir, DEV_KEY_FILE)}).\n  Credentials are only as safe as that file. Set NUDGE_ENCRYPTION_KEYS in production.\n${banner}`,
  );
  return new TokenVault([dev]);
}
