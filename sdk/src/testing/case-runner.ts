/**
 * Runs declarative test cases (contract §5) in the production sandbox engine against a fixture
 * bridge, and judges each result: ok or error code, deep-partial output match, item count, and no
 * unmatched requests. Used by `nudge test` and, with the bundle's own tests, by certification.
 */
import { limitsForManifest } from '../runtime/limits.js';
import type { HostBridge, InvokeRequest, InvokeResult, PluginManifestLike } from '../runtime/types.js';
import { createFixtureBridge } from './fixture-bridge.js';
import type { Fixture, TestCase } from './test-files.js';

/** The engine surface the runner needs (IsolateEngine satisfies it). */
export interface CaseEngine {
  invoke(req: InvokeRequest, bridge: HostBridge): Promise<InvokeResult>;
}

/** The outcome of one case. */
export interface CaseResult {
  name: string;
  passed: boolean;
  /** Why it failed (absent when it passed). */
  message?: string;
  durationMs: number;
}

/** What {@link runCases} needs: a built bundle's parts. */
export interface RunCasesOptions {
  engine: CaseEngine;
  digest: string;
  code: string;
  manifest: PluginManifestLike;
  cases: readonly TestCase[];
  fixtures: readonly Fixture[];
}

const DEFAULT_INPUT: Record<TestCase['kind'], unknown> = {
  action: {},
  trigger: { state: null },
  sync: { cursor: null },
  auth_test: {},
  options: { input: {} },
  webhook: {},
};

/** Where `expected` is not contained in `actual`, as a JSON Pointer and a reason; undefined when it is. */
export function partialMismatch(expected: unknown, actual: unknown, path = ''): string | undefined {
  if (expected !== null && typeof expected === 'object') {
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual)) return `${path || '/'}: expected an array, got ${JSON.stringify(actual)?.slice(0, 80)}`;
      for (let i = 0; i < expected.length; i++) {
        if (i >= actual.length) return `${path}/${i}: expected an item, the array has only ${actual.length}`;
        const inner = partialMismatch(expected[i], actual[i], `${path}/${i}`);
        if (inner) return inner;
      }
      return undefined;
    }
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path || '/'}: expected an object, got ${JSON.stringify(actual)?.slice(0, 80)}`;
    for (const [key, value] of Object.entries(expected)) {
      const inner = partialMismatch(value, (actual as Record<string, unknown>)[key], `${path}/${key}`);
      if (inner) return inner;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : `${path || '/'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)?.slice(0, 80)}`;
}

function itemCount(kind: TestCase['kind'], output: unknown): number | undefined {
  if (Array.isArray(output)) return output.length;
  if (kind === 'sync' && output && typeof output === 'object' && Array.isArray((output as { records?: unknown }).records)) return (output as { records: unknown[] }).records.length;
  if (kind === 'webhook' && output && typeof output === 'object' && Array.isArray((output as { items?: unknown }).items)) return (output as { items: unknown[] }).items.length;
  return undefined;
}

function judge(testCase: TestCase, result: InvokeResult, unmatched: readonly string[]): string | undefined {
  if (unmatched.length > 0) return `no fixture matches ${unmatched.join(', ')} (fixtures listed: ${(testCase.fixtures ?? []).join(', ') || 'none'})`;
  const { expect } = testCase;
  if (expect.ok && !result.ok) return `expected success, got ${result.error.type} ${result.error.code}: ${result.error.message}`;
  if (!expect.ok) {
    if (result.ok) return `expected an error${expect.errorCode ? ` with code ${expect.errorCode}` : ''}, but it succeeded with ${JSON.stringify(result.output)?.slice(0, 120)}`;
    if (expect.errorCode && result.error.code !== expect.errorCode) return `expected error code ${expect.errorCode}, got ${result.error.code}: ${result.error.message}`;
    return undefined;
  }
  if (!result.ok) return undefined;
  if (expect.output !== undefined) {
    const mismatch = partialMismatch(expect.output, result.output);
    if (mismatch) return `output ${mismatch}`;
  }
  if (expect.count !== undefined) {
    const count = itemCount(testCase.kind, result.output);
    if (count !== expect.count) return `expected ${expect.count} item(s), got ${count ?? 'no list'}`;
  }
  return undefined;
}

/** Runs every case in order; a case never throws, it fails with a message. */
export async function runCases(options: RunCasesOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const byName = new Map(options.fixtures.map((f) => [f.name, f]));
  const limits = limitsForManifest(options.manifest);
  for (const testCase of options.cases) {
    const started = performance.now();
    const missing = (testCase.fixtures ?? []).filter((name) => !byName.has(name));
    if (missing.length > 0) {
      results.push({ name: testCase.name, passed: false, message: `unknown fixture(s) ${missing.join(', ')}; expected names from fixtures/*.json`, durationMs: 0 });
      continue;
    }
    const bridge = createFixtureBridge({
      fixtures: (testCase.fixtures ?? []).map((name) => byName.get(name) as Fixture),
      hosts: options.manifest.permissions?.hosts ?? [],
    });
    const request: InvokeRequest = {
      digest: options.digest,
      code: options.code,
      manifest: options.manifest,
      kind: testCase.kind,
      name: testCase.target,
      input: testCase.input ?? DEFAULT_INPUT[testCase.kind],
      settings: testCase.settings ?? {},
      installation: { id: 'test-installation', workspaceId: 'test-workspace' },
      connection: testCase.connection ?? {},
      limits,
    };
    let message: string | undefined;
    try {
      message = judge(testCase, await options.engine.invoke(request, bridge), bridge.unmatched);
    } catch (error) {
      message = `the engine failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    const durationMs = Math.round(performance.now() - started);
    results.push(message === undefined ? { name: testCase.name, passed: true, durationMs } : { name: testCase.name, passed: false, message, durationMs });
  }
  return results;
}
