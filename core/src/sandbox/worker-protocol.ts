/**
 * Messages between the supervisor and its sandbox worker processes (Node IPC).
 * Bundle code travels once per worker and digest; later invocations send only
 * the digest, and a worker that evicted it answers `need`.
 */
import type { BridgeFetchRequest, InvokeRequest, InvokeResult, LogEntry } from '@nudgecampaign/plugin-sdk/runtime/types';

export type HostOp = 'fetch' | 'storeGet' | 'storeSet' | 'storeDelete';

export type ToWorker =
  | { t: 'invoke'; id: number; req: Omit<InvokeRequest, 'code' | 'manifest'> & { code?: string; manifest?: InvokeRequest['manifest'] } }
  | { t: 'hostResult'; id: number; callId: number; ok: true; value: unknown }
  | { t: 'hostResult'; id: number; callId: number; ok: false; error: { type?: string; code: string; message: string } };

export type ToSupervisor =
  | { t: 'ready'; pid: number }
  | { t: 'need'; id: number }
  | { t: 'result'; id: number; result: InvokeResult }
  | { t: 'log'; id: number; entry: LogEntry }
  | { t: 'host'; id: number; callId: number; op: 'fetch'; args: [BridgeFetchRequest] }
  | { t: 'host'; id: number; callId: number; op: Exclude<HostOp, 'fetch'>; args: [string, unknown?] };
