/**
 * Buffers usage events produced by the running platform (invocations,
 * installs, syncs) and writes them in batches, so recording never sits on a
 * request's path. A failed flush keeps the events for the next one, up to a cap.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Logger } from '../observability/logger.js';
import { ingestUsage, type UsageEvent } from './usage-ingest.js';

export class UsageRecorder {
  private buffer: UsageEvent[] = [];
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: { flushEveryMs?: number; maxBatch?: number; maxBuffered?: number } = {},
  ) {
    this.timer = setInterval(() => void this.flush(), options.flushEveryMs ?? 1000);
    this.timer.unref();
  }

  record(event: Omit<UsageEvent, 'id' | 'occurredAt'> & { id?: string; occurredAt?: string }): void {
    if (this.buffer.length >= (this.options.maxBuffered ?? 100_000)) return; // shed load rather than grow without bound
    this.buffer.push({ ...event, id: event.id ?? randomUUID(), occurredAt: event.occurredAt ?? new Date().toISOString() } as UsageEvent);
    if (this.buffer.length >= (this.options.maxBatch ?? 1000)) void this.flush();
  }

  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = ingestUsage(this.db, batch)
      .then(() => undefined)
      .catch((err) => {
        this.logger.warn({ err, events: batch.length }, 'usage flush failed; keeping the events for the next flush');
        this.buffer = batch.concat(this.buffer);
      })
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
