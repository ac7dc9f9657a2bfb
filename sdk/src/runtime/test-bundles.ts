/**
 * Hand-written bundles in the contract's shape (`var __nudgePlugin = { default: … }`)
 * and a recording bridge, for the engine's tests, the security suite and the
 * benchmark. Test support only; never used to run real plugins.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS } from './limits.js';
import type { HostBridge, InvokeRequest, LogEntry, PluginManifestLike, SandboxLimits } from './types.js';

/** A bundle whose actions are given as source text: `{ echo: 'async (ctx, input) => input' }`. */
export function actionsBundle(actions: Record<string, string>, prologue = ''): string {
  const body = Object.entries(actions)
    .map(([name, fn]) => `${JSON.stringify(name)}: { run: ${fn} }`)
    .join(',\n');
  return `${prologue}\nvar __nudgePlugin = { default: { id: 'test-plugin', actions: {\n${body}\n} } };`;
}

export function digestOf(code: string): string {
  return `sha256:${createHash('sha256').update(code).digest('hex')}`;
}

export interface RecordingBridge extends HostBridge {
  logs: LogEntry[];
  store: Map<string, unknown>;
  fetches: Array<{ url: string; method: string }>;
}

/** An in-memory bridge; `fetch` answers 200 with the request echoed unless `onFetch` is given. */
export function recordingBridge(onFetch?: HostBridge['fetch']): RecordingBridge {
  const logs: LogEntry[] = [];
  const store = new Map<string, unknown>();
  const fetches: Array<{ url: string; method: string }> = [];
  return {
    logs,
    store,
    fetches,
    async fetch(req) {
      fetches.push({ url: req.url, method: req.method });
      if (onFetch) return onFetch(req);
      return { status: 200, url: req.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: req.method, url: req.url }) };
    },
    async storeGet(key) {
      return store.get(key);
    },
    async storeSet(key, value) {
      store.set(key, value);
    },
    async storeDelete(key) {
      store.delete(key);
    },
    log(entry) {
      logs.push(entry);
    },
  };
}

export function actionRequest(
  code: string,
  name: string,
  input: unknown,
  options: { manifest?: PluginManifestLike; limits?: Partial<SandboxLimits>; installationId?: string } = {},
): InvokeRequest {
  return {
    digest: digestOf(code),
    code,
    manifest: options.manifest ?? { id: 'test-plugin' },
    kind: 'action',
    name,
    input,
    settings: {},
    installation: { id: options.installationId ?? 'inst-1', workspaceId: 'ws-1' },
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
}
