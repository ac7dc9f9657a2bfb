/** What the registry needs from the host. */
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../observability/logger.js';

export interface RegistryDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/** Who acts: a user, or the platform itself (scheduled policy work). */
export interface RegistryActor {
  userId: string | null;
  platformRole?: 'reviewer' | 'admin' | null;
}

export const SYSTEM_ACTOR: RegistryActor = { userId: null, platformRole: 'admin' };
