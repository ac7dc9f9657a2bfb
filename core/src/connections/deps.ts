/** What the connections feature needs from the host, passed explicitly (no globals). */
import type { Db } from '../db/database.js';
import type { Logger } from '../observability/logger.js';
import type { ProviderCatalog } from '../oauth/provider-catalog.js';
import { VaultUnconfiguredError } from '../vault/key-ring.js';
import type { TokenVault } from '../vault/token-vault.js';

export interface ConnectionsDeps {
  db: Db;
  vault: TokenVault | undefined;
  catalog: ProviderCatalog;
  logger: Logger;
  publicUrl: string;
  now: () => Date;
}

export function requireVault(deps: Pick<ConnectionsDeps, 'vault'>): TokenVault {
  if (!deps.vault) throw new VaultUnconfiguredError();
  return deps.vault;
}
