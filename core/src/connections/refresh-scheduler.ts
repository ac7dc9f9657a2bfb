/**
 * Runs the proactive refresh sweep on an interval so tokens are renewed before
 * they expire. The durable job queue takes this over when it lands; until
 * then one sweep at a time runs per process, and the row lock keeps several
 * processes from refreshing the same connection twice.
 */
import type { Logger } from '../observability/logger.js';
import type { TokenRefresher } from './token-refresher.js';

export function scheduleRefreshSweep(refresher: TokenRefresher, logger: Logger, options: { everyMs?: number; skewSeconds?: number } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await refresher.refreshExpiring(options.skewSeconds ?? 300);
      if (result.refreshed || result.failed) logger.info(result, 'token refresh sweep');
    } catch (err) {
      logger.warn({ err }, 'token refresh sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.everyMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
