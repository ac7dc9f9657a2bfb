/**
 * Messages between the supervisor and its sandbox worker processes (Node IPC).
 * Bundle code travels once per worker and digest; later invocations send only
 * the digest, and a worker that evicted it answers `need`. Messages sent in the
 * same turn of the event loop travel as one `batch` (one write and one wakeup
 * instead of several), in order; a lone message travels as itself.
 */
import type { BridgeFetchRequest, InvokeRequest, InvokeResult, LogEntry } from '@nudgecampaign/plugin-sdk/runtime/types';

export type HostOp = 'fetch' | 'storeGet' | 'storeSet' | 'storeDelete';

export type ToWorker =
  | { t: 'batch'; m: ToWorker[] }
  | { t: 'invoke'; id: number; req: Omit<InvokeRequest, 'code' | 'manifest'> & { code?: string; manifest?: InvokeRequest['manifest'] } }
  | { t: 'hostResult'; id: number; callId: number; ok: true; value: unknown }
  | { t: 'hostResult'; id: number; callId: number; ok: false; error: { type?: string; code: string; message: string } };

export type ToSupervisor =
  | { t: 'batch'; m: ToSupervisor[] }
  | { t: 'ready'; pid: number }
  | { t: 'need'; id: number }
  | { t: 'result'; id: number; result: InvokeResult }
  | { t: 'log'; id: number; entry: LogEntry }
  | { t: 'host'; id: number; callId: number; op: 'fetch'; args: [BridgeFetchRequest] }
  | { t: 'host'; id: number; callId: number; op: Exclude<HostOp, 'fetch'>; args: [string, unknown?] };

/**
 * Queues messages for one IPC channel and writes everything queued in the same
 * turn at once (a microtask later), as a `batch` when there are several.
 */
export class MessageBatcher<M extends { t: string }> {
  private queue: M[] = [];

  constructor(private readonly write: (message: M | { t: 'batch'; m: M[] }) => void) {}

  send(message: M): void {
    if (this.queue.push(message) === 1) queueMicrotask(() => this.flush());
  }

  private flush(): void {
    const queued = this.queue;
    this.queue = [];
    if (queued.length === 1) this.write(queued[0]!);
    else if (queued.length > 1) this.write({ t: 'batch', m: queued });
  }
}
