/**
 * A HostBridge that serves recorded fixtures instead of the network, for `nudge test` and for
 * certification. Like production it enforces the egress allowlist; a request no fixture matches
 * ends the invocation and is recorded, so the case fails with a message naming the request.
 */
import { hostAllowed } from '../runtime/egress-allowlist.js';
import { SANDBOX_ERROR_TYPES, SandboxBridgeError, type BridgeFetchRequest, type BridgeFetchResponse, type HostBridge, type LogEntry } from '../runtime/types.js';
import type { Fixture, FixtureExchange } from './test-files.js';

/** Stable codes the fixture bridge ends an invocation with. */
export const FIXTURE_BRIDGE_CODES = { FIXTURE_UNMATCHED: 'FIXTURE_UNMATCHED', EGRESS_DENIED: 'EGRESS_DENIED' } as const;

/** A fixture bridge, with what it saw. */
export interface FixtureBridge extends HostBridge {
  /** `METHOD url` of every request no exchange matched. */
  readonly unmatched: string[];
  /** `METHOD url` of every request, in order. */
  readonly requests: string[];
  readonly logs: LogEntry[];
  readonly store: Map<string, unknown>;
}

/** Options of {@link createFixtureBridge}. */
export interface FixtureBridgeOptions {
  /** The exchanges the invocation may use, in priority order. */
  fixtures: readonly Fixture[];
  /** The manifest's `permissions.hosts`. */
  hosts: readonly string[];
  /** Initial store content (the store is per bridge, so per test case). */
  store?: Record<string, unknown>;
}

function matches(exchange: FixtureExchange, req: BridgeFetchRequest, url: URL): boolean {
  const want = new URL(exchange.request.url);
  if (exchange.request.method !== req.method.toUpperCase()) return false;
  if (want.origin !== url.origin || want.pathname !== url.pathname) return false;
  const query: Record<string, string> = { ...Object.fromEntries(want.searchParams), ...exchange.request.query };
  for (const [key, value] of Object.entries(query)) if (url.searchParams.get(key) !== value) return false;
  if (exchange.request.bodyIncludes !== undefined && !(req.body ?? '').includes(exchange.request.bodyIncludes)) return false;
  return true;
}

function toResponse(exchange: FixtureExchange, url: string): BridgeFetchResponse {
  const { status, headers = {}, body } = exchange.response;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  if (typeof body !== 'string' && body !== undefined && lower['content-type'] === undefined) lower['content-type'] = 'application/json';
  return { status, url, headers: lower, body: text };
}

/**
 * Creates a bridge over fixtures. Each exchange answers once while an unused match exists; after
 * that the last match answers again, so repeated identical polls replay.
 * @example const bridge = createFixtureBridge({ fixtures, hosts: manifest.permissions.hosts });
 */
export function createFixtureBridge(options: FixtureBridgeOptions): FixtureBridge {
  const exchanges = options.fixtures.flatMap((f) => f.exchanges);
  const used = new Set<FixtureExchange>();
  const unmatched: string[] = [];
  const requests: string[] = [];
  const logs: LogEntry[] = [];
  const store = new Map<string, unknown>(Object.entries(options.store ?? {}));
  return {
    unmatched,
    requests,
    logs,
    store,
    async fetch(req) {
      const label = `${req.method.toUpperCase()} ${req.url}`;
      requests.push(label);
      const url = new URL(req.url);
      if (!hostAllowed(url.hostname, options.hosts)) {
        throw new SandboxBridgeError(SANDBOX_ERROR_TYPES.EgressDenied, FIXTURE_BRIDGE_CODES.EGRESS_DENIED, `${label}: the host ${url.hostname} is not in permissions.hosts.`);
      }
      const candidates = exchanges.filter((e) => matches(e, req, url));
      const exchange = candidates.find((e) => !used.has(e)) ?? candidates.at(-1);
      if (!exchange) {
        unmatched.push(label);
        throw new SandboxBridgeError(SANDBOX_ERROR_TYPES.NotFound, FIXTURE_BRIDGE_CODES.FIXTURE_UNMATCHED, `No fixture matches ${label}; record one in fixtures/*.json and list it in the case's "fixtures".`);
      }
      used.add(exchange);
      return toResponse(exchange, req.url);
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
