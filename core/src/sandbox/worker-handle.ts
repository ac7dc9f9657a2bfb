/**
 * One supervised sandbox worker process: forks the compiled worker with
 * `--no-node-snapshot`, tracks which bundle digests it already holds and how
 * many invocations are in flight, and reports its exit exactly once.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MessageBatcher, type ToSupervisor, type ToWorker } from './worker-protocol.js';

/** Tests import the TypeScript sources; the worker always runs compiled (`npx tsc -b` first). */
export const DEFAULT_WORKER_SCRIPT = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../dist/sandbox/sandbox-worker.js' : './sandbox-worker.js', import.meta.url),
);

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class WorkerHandle {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly knownDigests = new Set<string>();
  inFlight = 0;
  alive = true;
  /** `ready` has resolved: invocations need not wait for it. */
  isReady = false;
  readonly startedAt = Date.now();
  private exitListeners: Array<(exit: WorkerExit) => void> = [];
  private readonly outbox = new MessageBatcher<ToWorker>((message) => this.write(message));

  constructor(
    readonly workerId: string,
    script: string,
    env: Record<string, string>,
    onMessage: (worker: WorkerHandle, message: ToSupervisor) => void,
  ) {
    this.child = fork(script, [], {
      execArgv: ['--no-node-snapshot'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    this.ready = new Promise((resolve, reject) => {
      const onReady = (message: ToSupervisor) => {
        if (message.t === 'ready') {
          this.child.off('message', onReady);
          this.isReady = true;
          resolve();
        }
      };
      this.child.on('message', onReady);
      this.onExit(() => reject(new Error(`Sandbox worker ${workerId} exited before it was ready.`)));
    });
    this.ready.catch(() => undefined);
    this.child.on('message', (message: ToSupervisor) => {
      if (message.t !== 'batch') onMessage(this, message);
      else for (const one of message.m) onMessage(this, one);
    });
    this.child.on('error', () => undefined);
    this.child.once('exit', (code, signal) => {
      this.alive = false;
      for (const listener of this.exitListeners.splice(0)) listener({ code, signal });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  onExit(listener: (exit: WorkerExit) => void): void {
    if (!this.alive) listener({ code: this.child.exitCode, signal: this.child.signalCode });
    else this.exitListeners.push(listener);
  }

  /** Queues a message; everything queued in the same turn is written at once. */
  send(message: ToWorker): void {
    this.outbox.send(message);
  }

  private write(message: ToWorker): void {
    if (!this.alive || !this.child.connected) return;
    try {
      this.child.send(message);
    } catch {
      /* the exit handler fails the in-flight invocations */
    }
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.alive) this.child.kill(signal);
  }
}
