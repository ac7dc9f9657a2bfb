/**
 * Runs a periodic maintenance task (token refresh sweep, deprecation sweep,
 * email drain) with at most one run in flight per process. The durable job
 * queue takes these over when it lands; until then the database locks each
 * task takes keep several processes from doing the same work twice.
 */
import type { Logger } from '../observability/logger.js';

export function intervalTask(name: string, everyMs: number, task: () => Promise<unknown>, logger: Logger): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await task();
      logger.debug({ task: name, result }, 'maintenance task ran');
    } catch (err) {
      logger.warn({ task: name, err }, 'maintenance task failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
