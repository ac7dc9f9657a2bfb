/**
 * What the connector runtime needs from the platform, passed explicitly: the
 * database, the sandbox (only its `invoke`), a clock, a logger, the public URL
 * (for webhook URLs given to providers) and, for outbound webhooks, the vault
 * and the egress options of the SSRF guard.
 */
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../observability/logger.js';
import type { EgressGuard, EgressOptions } from '../sandbox/egress-guard.js';
import type { SandboxSupervisor } from '../sandbox/sandbox-supervisor.js';
import type { TokenVault } from '../vault/token-vault.js';

export interface RuntimeDeps {
  db: Db;
  sandbox: Pick<SandboxSupervisor, 'invoke'> | undefined;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  vault?: TokenVault | undefined;
  /** The SSRF guard outbound webhooks go through (the same guard class as the sandbox's egress). */
  outboundEgress?: EgressOptions | EgressGuard;
  /** Poll interval floor per workspace plan, in seconds; see triggers/poll-schedule.ts. */
  pollIntervals?: Record<string, number>;
}
