/**
 * Typed errors out of the isolate: what a plugin reports about its own failure is
 * untrusted (known types and bounded strings only), and what isolated-vm throws
 * while preparing or running is mapped to the sandbox's error types.
 */
import { SANDBOX_ERROR_TYPES, type InvocationError } from './types.js';

const ISOLATE_ERROR_TYPES = new Set<string>([
  SANDBOX_ERROR_TYPES.PluginError,
  SANDBOX_ERROR_TYPES.NotFound,
  SANDBOX_ERROR_TYPES.OutputInvalid,
  SANDBOX_ERROR_TYPES.LimitExceeded,
]);

function clip(value: unknown, max: number, fallback: string): string {
  return typeof value === 'string' ? value.slice(0, max) : fallback;
}

/** An error reported from inside the isolate is untrusted: keep only known types and bounded strings. */
export function sanitizeIsolateError(raw: unknown): InvocationError {
  const e = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const type = typeof e.type === 'string' && ISOLATE_ERROR_TYPES.has(e.type) ? (e.type as InvocationError['type']) : SANDBOX_ERROR_TYPES.PluginError;
  const error: InvocationError = { type, code: clip(e.code, 100, 'UNHANDLED'), message: clip(e.message, 2000, 'The plugin failed.') };
  if (typeof e.name === 'string') error.name = e.name.slice(0, 100);
  if (typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) && e.retryAfter >= 0) error.retryAfter = e.retryAfter;
  return error;
}

/** isolated-vm's `timeout` ended the call. */
export function isIsolateTimeout(err: unknown): boolean {
  return /timed out/i.test(err instanceof Error ? err.message : String(err));
}

/** Maps an exception thrown by isolated-vm while preparing or running to a typed error. */
export function mapIsolateFailure(err: unknown, phase: 'prepare' | 'run'): InvocationError {
  const message = err instanceof Error ? err.message : String(err);
  if (/memory limit/i.test(message) || /Array buffer allocation failed/i.test(message)) {
    return { type: SANDBOX_ERROR_TYPES.MemoryLimit, code: 'MEMORY_LIMIT', message: 'The invocation exceeded its memory limit.' };
  }
  if (isIsolateTimeout(err)) {
    return { type: SANDBOX_ERROR_TYPES.Timeout, code: 'CPU_TIMEOUT', message: 'The invocation exceeded its CPU time limit.' };
  }
  if (/disposed/i.test(message)) {
    return { type: SANDBOX_ERROR_TYPES.SandboxCrashed, code: 'ISOLATE_DISPOSED', message: 'The isolate was disposed during the invocation.' };
  }
  if (phase === 'prepare') {
    return { type: SANDBOX_ERROR_TYPES.PluginError, code: 'BUNDLE_INVALID', message: `The plugin bundle failed to load: ${message.slice(0, 500)}` };
  }
  return { type: SANDBOX_ERROR_TYPES.PluginError, code: 'UNHANDLED', message: message.slice(0, 2000) };
}
