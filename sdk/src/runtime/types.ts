/**
 * The sandbox engine's contract types (docs/plugin-contract.md §6): what a caller
 * passes to `IsolateEngine.invoke`, what the host bridge must implement, and the
 * typed result every invocation ends in.
 */

export const INVOCATION_KINDS = ['action', 'trigger', 'sync', 'auth_test', 'options', 'webhook'] as const;
export type InvocationKind = (typeof INVOCATION_KINDS)[number];

/** Stable result error types. `ok` is the outcome of a successful invocation. */
export const SANDBOX_ERROR_TYPES = {
  Timeout: 'Timeout',
  MemoryLimit: 'MemoryLimit',
  SandboxCrashed: 'SandboxCrashed',
  EgressDenied: 'EgressDenied',
  PluginError: 'PluginError',
  OutputInvalid: 'OutputInvalid',
  LimitExceeded: 'LimitExceeded',
  NotFound: 'NotFound',
} as const;
export type SandboxErrorType = (typeof SANDBOX_ERROR_TYPES)[keyof typeof SANDBOX_ERROR_TYPES];
export type InvocationOutcome = 'ok' | SandboxErrorType;

export interface SandboxLimits {
  /** Isolate heap limit in MB (isolated-vm `memoryLimit`, minimum 8). */
  memoryMb: number;
  /** CPU time the plugin may burn, synchronous or between awaits. */
  cpuTimeoutMs: number;
  /** Wall-clock deadline including async waits; the isolate is disposed when it passes. */
  wallTimeoutMs: number;
  maxHostCalls: number;
  maxLogBytes: number;
  maxOutputBytes: number;
}

export interface BridgeFetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BridgeFetchResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  data?: unknown;
}

/**
 * Implemented by core (real egress, database store) and by the SDK test harness
 * (fixtures). A bridge method that throws a `SandboxBridgeError` ends the invocation
 * with that error's type (for example `EgressDenied`); any other throw is handed to
 * the plugin as an ordinary rejected promise.
 */
export interface HostBridge {
  fetch(req: BridgeFetchRequest): Promise<BridgeFetchResponse>;
  storeGet(key: string): Promise<unknown>;
  storeSet(key: string, value: unknown): Promise<void>;
  storeDelete(key: string): Promise<void>;
  log(entry: LogEntry): void;
}

export interface InstallationRef {
  id: string;
  workspaceId: string;
}

export interface InvokeRequest {
  /** `sha256:<hex>` of the bundle; the isolate pool is keyed by it. */
  digest: string;
  code: string;
  /** The plugin manifest (definition without functions); output schemas are read from it. */
  manifest: PluginManifestLike;
  kind: InvocationKind;
  name: string;
  input: unknown;
  settings: Record<string, unknown>;
  installation: InstallationRef;
  connection?: Record<string, unknown>;
  limits: SandboxLimits;
}

export interface InvocationMetrics {
  wallMs: number;
  cpuMs: number;
  heapUsedBytes: number;
  hostCalls: number;
  logBytes: number;
  outcome: InvocationOutcome;
}

export interface InvocationError {
  type: SandboxErrorType;
  code: string;
  message: string;
  /** The SDK error class name for `PluginError` results (e.g. `RateLimitError`). */
  name?: string;
  retryAfter?: number;
}

export type InvokeResult =
  | { ok: true; output: unknown; metrics: InvocationMetrics }
  | { ok: false; error: InvocationError; metrics: InvocationMetrics };

/** The parts of a manifest the engine reads. Unknown fields are ignored. */
export interface PluginManifestLike {
  id?: string;
  permissions?: { hosts?: string[]; memoryMb?: number; timeoutMs?: number };
  actions?: Record<string, { output?: object }>;
  triggers?: Record<string, { type?: string; output?: object }>;
  syncs?: Record<string, { model?: { schema?: object } }>;
  [key: string]: unknown;
}

/** Thrown by a bridge to end the invocation with a typed error instead of a plugin-visible rejection. */
export class SandboxBridgeError extends Error {
  readonly type: SandboxErrorType;
  readonly code: string;

  constructor(type: SandboxErrorType, code: string, message: string) {
    super(message);
    this.name = 'SandboxBridgeError';
    this.type = type;
    this.code = code;
  }
}
