/**
 * Per-invocation sandbox limits: the platform defaults, the platform maxima, and
 * how a manifest's `permissions.memoryMb` / `permissions.timeoutMs` raise them.
 * The value a manifest declares is the value that bites, clamped to the maxima.
 */
import type { PluginManifestLike, SandboxLimits } from './types.js';

export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  memoryMb: 64,
  cpuTimeoutMs: 1_000,
  wallTimeoutMs: 30_000,
  maxHostCalls: 500,
  maxLogBytes: 256 * 1024,
  maxOutputBytes: 4 * 1024 * 1024,
});

export const PLATFORM_MAX_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  memoryMb: 256,
  cpuTimeoutMs: 10_000,
  wallTimeoutMs: 300_000,
  maxHostCalls: 10_000,
  maxLogBytes: 4 * 1024 * 1024,
  maxOutputBytes: 32 * 1024 * 1024,
});

/** isolated-vm refuses a memoryLimit below 8 MB. */
export const MIN_MEMORY_MB = 8;

function bounded(value: number | undefined, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

/** Clamps every limit into [minimum, platform maximum]. */
export function clampLimits(limits: SandboxLimits, max: SandboxLimits = PLATFORM_MAX_LIMITS): SandboxLimits {
  return {
    memoryMb: bounded(limits.memoryMb, DEFAULT_LIMITS.memoryMb, MIN_MEMORY_MB, max.memoryMb),
    cpuTimeoutMs: bounded(limits.cpuTimeoutMs, DEFAULT_LIMITS.cpuTimeoutMs, 1, max.cpuTimeoutMs),
    wallTimeoutMs: bounded(limits.wallTimeoutMs, DEFAULT_LIMITS.wallTimeoutMs, 1, max.wallTimeoutMs),
    maxHostCalls: bounded(limits.maxHostCalls, DEFAULT_LIMITS.maxHostCalls, 0, max.maxHostCalls),
    maxLogBytes: bounded(limits.maxLogBytes, DEFAULT_LIMITS.maxLogBytes, 0, max.maxLogBytes),
    maxOutputBytes: bounded(limits.maxOutputBytes, DEFAULT_LIMITS.maxOutputBytes, 2, max.maxOutputBytes),
  };
}

/**
 * The limits for one invocation of a plugin version: defaults, raised (or lowered)
 * by the manifest's `permissions.memoryMb` and `permissions.timeoutMs`, then clamped.
 * `timeoutMs` sets the wall-clock deadline.
 */
export function limitsForManifest(manifest: PluginManifestLike, base: SandboxLimits = DEFAULT_LIMITS, max: SandboxLimits = PLATFORM_MAX_LIMITS): SandboxLimits {
  const permissions = manifest.permissions ?? {};
  return clampLimits(
    {
      ...base,
      memoryMb: permissions.memoryMb ?? base.memoryMb,
      wallTimeoutMs: permissions.timeoutMs ?? base.wallTimeoutMs,
    },
    max,
  );
}
