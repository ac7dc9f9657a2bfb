/**
 * Records sandbox worker crashes: one row per plugin version (bundle digest)
 * that had invocations in flight in the worker that died, so the publisher and
 * the reviewers see which version was running. Kept in memory without a database.
 */
import type { Db } from '../db/database.js';
import { sandboxCrashes } from '../db/schema/sandbox.js';

export interface CrashRecord {
  at: Date;
  workerId: string;
  pid: number | undefined;
  exitCode: number | null;
  signal: string | null;
  reason: string;
  bundleDigest: string | null;
  pluginId: string | null;
  inFlight: number;
  invocations: Array<{ installationId: string; kind: string; name: string }>;
}

const MEMORY_LIMIT = 200;

export class CrashLog {
  private readonly recent: CrashRecord[] = [];

  constructor(private readonly db: Db | undefined) {}

  list(): readonly CrashRecord[] {
    return this.recent;
  }

  async record(records: CrashRecord[]): Promise<void> {
    this.recent.push(...records);
    if (this.recent.length > MEMORY_LIMIT) this.recent.splice(0, this.recent.length - MEMORY_LIMIT);
    if (!this.db || records.length === 0) return;
    await this.db.insert(sandboxCrashes).values(
      records.map((r) => ({
        at: r.at,
        workerId: r.workerId,
        pid: r.pid ?? null,
        exitCode: r.exitCode,
        signal: r.signal,
        reason: r.reason,
        bundleDigest: r.bundleDigest,
        pluginId: r.pluginId,
        inFlight: r.inFlight,
        data: { invocations: r.invocations },
      })),
    );
  }
}

/** Human reason for a worker exit: 134/SIGABRT is isolated-vm's OOM abort (issues #527, #107). */
export function describeExit(code: number | null, signal: string | null, killedForHang: boolean): string {
  if (killedForHang) return 'killed: an invocation outlived its deadline and the worker stopped answering';
  if (code === 134 || signal === 'SIGABRT') return 'aborted (exit 134): V8 out of memory or catastrophic isolate error';
  if (signal === 'SIGSEGV' || code === 139) return 'segmentation fault';
  if (signal) return `killed by ${signal}`;
  return `exited with code ${code}`;
}
