/**
 * The host side of one invocation's bridge: receives that invocation's own
 * Callback calls (they throw once it has finished), enforces the host-call and log-byte caps, checks every argument's shape
 * (nothing from the isolate is trusted), forwards to the HostBridge, and settles
 * the isolate's promise with a copy. A bridge's SandboxBridgeError ends the run.
 * During a synchronous slice (run-slice.ts) everything is held, so a slice that is
 * cut short and retried has sent nothing.
 */
import { SANDBOX_ERROR_TYPES, SandboxBridgeError, type HostBridge, type InvocationError, type LogEntry, type LogLevel, type SandboxLimits } from './types.js';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Every log line costs at least this much, so a flood of empty lines still hits the cap. */
const LOG_LINE_OVERHEAD = 64;
const MAX_ARGS_CHARS = 8 * 1024 * 1024;
const MAX_URL_CHARS = 8192;

export interface SessionHooks {
  /** Ends the invocation with a typed error; the engine disposes the isolate. */
  abort(error: InvocationError): void;
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { code: 'BAD_REQUEST' });
}

function readFetchRequest(args: Record<string, unknown>) {
  const { url, method, headers, body } = args;
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_CHARS) throw badRequest('ctx.fetch: the URL is missing or too long.');
  if (typeof method !== 'string' || !METHODS.has(method)) throw badRequest(`ctx.fetch: unsupported method.`);
  if (body !== undefined && typeof body !== 'string') throw badRequest('ctx.fetch: body must be a string.');
  const clean: Record<string, string> = {};
  if (headers !== null && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name) || /[\r\n\0]/.test(value)) {
        throw badRequest('ctx.fetch: header names must be tokens and values plain strings.');
      }
      clean[name] = value;
    }
  }
  return { url, method, headers: clean, ...(body === undefined ? {} : { body }) };
}

function readKey(args: Record<string, unknown>): string {
  if (typeof args.key !== 'string' || args.key.length === 0) throw badRequest('ctx.store: the key must be a non-empty string.');
  return args.key;
}

export class InvocationSession {
  hostCalls = 0;
  logBytes = 0;
  finished = false;
  private nextId = 0;
  /** While a synchronous slice runs (run-slice.ts): host calls and log lines wait here. */
  private held: Array<() => void> | undefined;
  /** An abort raised inside the slice: delivered on release, never from inside the isolate's call. */
  private heldAbort: InvocationError | undefined;
  /** Settles one of the plugin's pending host calls in its context (set by the engine once the context is bound). */
  settleRef: ((id: number, ok: boolean, payload: string | undefined) => void) | undefined;

  constructor(
    private readonly bridge: HostBridge,
    private readonly limits: SandboxLimits,
    private readonly hooks: SessionHooks,
  ) {}

  /** Holds host calls, log lines and any abort until `release` or `discard`. */
  hold(): void {
    this.held = [];
  }

  /** Sends what was held, in order; a held abort then ends the invocation. */
  release(): void {
    const queued = this.held ?? [];
    const aborted = this.heldAbort;
    this.held = undefined;
    this.heldAbort = undefined;
    for (const send of queued) send();
    if (aborted) this.hooks.abort(aborted);
  }

  /** True when the held slice already earned an abort (it must end, not be retried). */
  get abortHeld(): boolean {
    return this.heldAbort !== undefined;
  }

  /** Forgets everything held and every count: nothing of the slice ever left the isolate. */
  discard(): void {
    this.held = undefined;
    this.heldAbort = undefined;
    this.hostCalls = 0;
    this.logBytes = 0;
    this.nextId = 0;
  }

  private abort(error: InvocationError): void {
    if (this.held) this.heldAbort ??= error;
    else this.hooks.abort(error);
  }

  private later(send: () => void): void {
    if (this.held) this.held.push(send);
    else send();
  }

  onLog(level: unknown, message: unknown, data: unknown): void {
    if (this.finished || this.heldAbort) throw new Error('This invocation has finished.');
    const lvl = LOG_LEVELS.includes(level as LogLevel) ? (level as LogLevel) : 'info';
    const text = typeof message === 'string' ? message : String(message);
    const dataText = typeof data === 'string' ? data : undefined;
    this.logBytes += LOG_LINE_OVERHEAD + Buffer.byteLength(text) + (dataText ? Buffer.byteLength(dataText) : 0);
    if (this.logBytes > this.limits.maxLogBytes) {
      this.abort({ type: SANDBOX_ERROR_TYPES.LimitExceeded, code: 'LOG_BYTES_EXCEEDED', message: `The invocation logged more than ${this.limits.maxLogBytes} bytes.` });
      throw new Error('Log limit exceeded.');
    }
    let parsed: unknown;
    if (dataText !== undefined) {
      try {
        parsed = JSON.parse(dataText);
      } catch {
        parsed = '[unparseable]';
      }
    }
    const entry: LogEntry = parsed === undefined ? { level: lvl, message: text } : { level: lvl, message: text, data: parsed };
    this.later(() => this.bridge.log(entry));
  }

  onCall(op: unknown, argsText: unknown): number {
    if (this.finished || this.heldAbort) throw new Error('This invocation has finished.');
    this.hostCalls += 1;
    if (this.hostCalls > this.limits.maxHostCalls) {
      this.abort({ type: SANDBOX_ERROR_TYPES.LimitExceeded, code: 'HOST_CALLS_EXCEEDED', message: `The invocation made more than ${this.limits.maxHostCalls} host calls.` });
      throw new Error('Host call limit exceeded.');
    }
    if (typeof argsText !== 'string' || argsText.length > MAX_ARGS_CHARS) throw new Error('Host call arguments are too large.');
    const id = ++this.nextId;
    let args: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(argsText);
      if (parsed === null || typeof parsed !== 'object') throw new Error('not an object');
      args = parsed as Record<string, unknown>;
    } catch {
      throw new Error('Host call arguments are not valid.');
    }
    this.later(() => {
      void this.perform(op, args).then(
        (value) => this.settle(id, true, value === undefined ? undefined : JSON.stringify(value)),
        (err: unknown) => this.fail(id, err),
      );
    });
    return id;
  }

  private async perform(op: unknown, args: Record<string, unknown>): Promise<unknown> {
    switch (op) {
      case 'fetch':
        return this.bridge.fetch(readFetchRequest(args));
      case 'storeGet': {
        const value = await this.bridge.storeGet(readKey(args));
        return value === undefined ? { found: false } : { found: true, value: JSON.stringify(value) };
      }
      case 'storeSet': {
        if (typeof args.value !== 'string') throw badRequest('ctx.store.set: the value must be JSON.');
        return this.bridge.storeSet(readKey(args), JSON.parse(args.value));
      }
      case 'storeDelete':
        return this.bridge.storeDelete(readKey(args));
      default:
        throw badRequest('Unknown host operation.');
    }
  }

  private fail(id: number, err: unknown): void {
    if (err instanceof SandboxBridgeError) {
      this.abort({ type: err.type, code: err.code, message: err.message });
      return;
    }
    const e = err as { code?: unknown; message?: unknown };
    const code = typeof e?.code === 'string' ? e.code : 'HOST_ERROR';
    const message = typeof e?.message === 'string' ? e.message : 'The host operation failed.';
    this.settle(id, false, JSON.stringify({ code, message }));
  }

  private settle(id: number, ok: boolean, payload: string | undefined): void {
    if (this.finished || !this.settleRef) return;
    try {
      this.settleRef(id, ok, payload);
    } catch {
      /* the isolate is gone; the engine reports why */
    }
  }
}
