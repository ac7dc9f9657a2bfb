/**
 * Counts the asynchronous calls the engine makes into each isolate, so it knows
 * when an isolate is idle (no call of ours queued or running: a synchronous call
 * cannot block, and no plugin code can run), and reads an isolate's heap in use.
 */
import type ivm from 'isolated-vm';
import type { RealmIsolate } from './isolate-realm.js';

const HEAP_STATS_TIMEOUT_MS = 250;

export interface CountedIsolate extends RealmIsolate {
  readonly isolate: ivm.Isolate;
  /** Asynchronous calls into this isolate not yet settled; 0 means no task of ours is queued or running. */
  inFlight: number;
}

/** The pool's implementation of isolate-realm.ts's IsolateCalls. */
export class IsolateCallCounter<E extends CountedIsolate> {
  /** Counts an asynchronous call into `entry`'s isolate until it settles; returns the same promise. */
  track<T>(entry: E, call: Promise<T>): Promise<T> {
    entry.inFlight += 1;
    const done = (): void => {
      entry.inFlight -= 1;
    };
    // Registered before any caller's handler, so the count is current when the caller resumes.
    call.then(done, done);
    return call;
  }

  /** True when no asynchronous call of ours is queued or running in the isolate: a synchronous call cannot block. */
  idle(entry: E): boolean {
    return entry.inFlight === 0 && !entry.isolate.isDisposed;
  }

  /** Heap in use, or undefined when the isolate does not answer promptly (it is then recycled). */
  async heapUsed(entry: E): Promise<number | undefined> {
    if (this.idle(entry)) {
      try {
        const stats = entry.isolate.getHeapStatisticsSync();
        return stats.used_heap_size + stats.externally_allocated_size;
      } catch {
        return undefined;
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, HEAP_STATS_TIMEOUT_MS, undefined)));
    try {
      const stats = await Promise.race([this.track(entry, entry.isolate.getHeapStatistics()), late]);
      return stats ? stats.used_heap_size + stats.externally_allocated_size : undefined;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
