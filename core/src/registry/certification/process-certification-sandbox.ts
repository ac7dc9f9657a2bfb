/**
 * CertificationSandbox over a worker process (certification-worker.js). The
 * worker is started on first use and again after it dies; a request in
 * flight when it dies fails with the exit reason, so the gate fails — the
 * platform keeps serving.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { PluginBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import type { CertificationReply, CertificationRequest } from './certification-protocol.js';
import type { CertificationSandbox } from './gate-types.js';

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void; timer: NodeJS.Timeout };
type Omitted<T> = T extends unknown ? Omit<T, 'id'> : never;

export class ProcessCertificationSandbox implements CertificationSandbox {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: { workerScript?: string; requestTimeoutMs?: number } = {}) {}

  private worker(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return this.child;
    const script = this.options.workerScript ?? path.resolve(import.meta.dirname, '../../../dist/registry/certification/certification-worker.js');
    const child = fork(script, [], { execArgv: ['--no-node-snapshot'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    child.stderr?.resume();
    child.on('message', (reply: CertificationReply) => {
      const entry = this.pending.get(reply.id);
      if (!entry) return;
      this.pending.delete(reply.id);
      clearTimeout(entry.timer);
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(new Error(reply.message));
    });
    child.on('exit', (code, signal) => {
      for (const [id, entry] of this.pending) {
        clearTimeout(entry.timer);
        entry.reject(new Error(`the sandbox crashed while running the plugin (${signal ?? `exit code ${code}`})`));
        this.pending.delete(id);
      }
    });
    this.child = child;
    return child;
  }

  private call<T>(message: Omitted<CertificationRequest>): Promise<T> {
    const id = this.nextId++;
    const child = this.worker();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        child.kill('SIGKILL');
        reject(new Error('the certification worker did not answer in time'));
      }, this.options.requestTimeoutMs ?? 120_000);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      child.send({ ...message, id });
    });
  }

  async load(bundle: PluginBundle) {
    try {
      return await this.call<Awaited<ReturnType<CertificationSandbox['load']>>>({ op: 'load', bundle });
    } catch (err) {
      return { ok: false as const, message: (err as Error).message };
    }
  }

  runTests(bundle: PluginBundle) {
    return this.call<Awaited<ReturnType<CertificationSandbox['runTests']>>>({ op: 'runTests', bundle });
  }

  async timeSync(bundle: PluginBundle, name: string, session?: string) {
    try {
      return await this.call<Awaited<ReturnType<CertificationSandbox['timeSync']>>>({ op: 'timeSync', bundle, name, ...(session ? { session } : {}) });
    } catch (err) {
      return { ok: false, records: 0, ms: 0, message: (err as Error).message };
    }
  }

  async timeAction(bundle: PluginBundle, name: string, runs: number) {
    try {
      return await this.call<Awaited<ReturnType<CertificationSandbox['timeAction']>>>({ op: 'timeAction', bundle, name, runs });
    } catch (err) {
      return { ok: false, durationsMs: [], message: (err as Error).message };
    }
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
  }
}
