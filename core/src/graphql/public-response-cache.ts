/**
 * A whole-response cache for anonymous, public marketplace queries, so a
 * popular listing page is served without parsing, validating or executing it.
 *
 * Scope, deliberately narrow:
 * - only requests that carry no credentials at all (no Authorization header,
 *   no session cookie) and resolved to no caller read from or write to it; any
 *   request with a token or a session, valid or not, bypasses it entirely;
 * - only operations whose every root field is public (`marketplace`,
 *   `listing`, `categories`): any other root field gives the response a TTL
 *   of 0, which the plugin never stores;
 * - only results without errors, and never mutations or introspection.
 * Every anonymous caller sees the same public data, so sharing one entry
 * between them leaks nothing.
 *
 * Freshness: entries live `ttlMs` (plus a short stale-while-revalidate grace, see
 * PublicResponseCache); any mutation through the API clears the
 * cache, and work done elsewhere (background certification, another process)
 * shows within the TTL. Per process, in memory, bounded in size.
 */
import { createHash } from 'node:crypto';
import { useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { SESSION_COOKIE } from '../identity/actor.js';
import { getOperationAST, type DocumentNode, type GraphQLSchema } from './graphql-js.js';

/** Root fields whose answer is the same for every anonymous caller. */
export const PUBLIC_QUERY_FIELDS: readonly string[] = ['marketplace', 'listing', 'categories'];

type ExecutionResultLike = NonNullable<Awaited<ReturnType<Cache['get']>>>;

/** Whether the request carries no credentials and resolved to no caller. */
export function isAnonymousRequest(request: Request, context: { actor?: unknown }): boolean {
  if (context.actor !== undefined) return false;
  if (request.headers.has('authorization')) return false;
  const cookie = request.headers.get('cookie');
  return !cookie || !cookie.includes(`${SESSION_COOKIE}=`);
}

/**
 * In-memory, bounded, with `clear` and stale-while-revalidate: when an entry
 * expires, the first caller re-executes the operation while the others keep
 * getting the previous answer for at most `graceMs` more, instead of every
 * concurrent caller executing it at once. A page is thus at most
 * `ttl + graceMs` old. A failed refresh (an error result is never stored) lets
 * another caller try after `graceMs`.
 */
export class PublicResponseCache implements Cache {
  private readonly entries = new Map<string, { result: ExecutionResultLike; expiresAt: number; refreshingSince: number | undefined }>();

  constructor(
    private readonly graceMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): ExecutionResultLike | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const t = this.now();
    if (t < entry.expiresAt) return entry.result;
    if (t >= entry.expiresAt + this.graceMs) {
      this.entries.delete(key);
      return null;
    }
    if (entry.refreshingSince === undefined || t - entry.refreshingSince >= this.graceMs) {
      entry.refreshingSince = t;
      return null;
    }
    return entry.result;
  }

  set(key: string, result: ExecutionResultLike, _entities: unknown, ttl: number): void {
    if (!(ttl > 0)) return;
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { result, expiresAt: this.now() + ttl, refreshingSince: undefined });
  }

  /** Entity-level invalidation is not tracked: any invalidation drops everything. */
  invalidate(): void {
    this.clear();
  }

  clear(): void {
    this.entries.clear();
  }
}

/** JSON with object keys sorted, so equal variables give equal keys whatever their order. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/**
 * The plugin's default key hashes with WebCrypto's async digest, which cost
 * more CPU than serving the cached response; the same inputs hashed synchronously.
 */
export function responseCacheKey(params: { documentString: string; operationName?: string | null | undefined; variableValues?: unknown; sessionId?: string | null | undefined }): string {
  return createHash('sha256')
    .update([params.documentString, params.operationName ?? '', stableJson(params.variableValues ?? {}), params.sessionId ?? ''].join('|'))
    .digest('hex');
}

/** TTL per root field: `ttlMs` for the public ones, 0 (never stored) for every other. */
function ttlPerRootField(schema: GraphQLSchema, ttlMs: number): Record<string, number> {
  const ttls: Record<string, number> = { 'Query.__schema': 0, 'Query.__type': 0 };
  for (const name of Object.keys(schema.getQueryType()?.getFields() ?? {})) ttls[`Query.${name}`] = PUBLIC_QUERY_FIELDS.includes(name) ? ttlMs : 0;
  return ttls;
}

export function usePublicResponseCache(schema: GraphQLSchema, cache: PublicResponseCache, ttlMs: number): Plugin {
  return useResponseCache({
    cache,
    session: () => null,
    buildResponseCacheKey: responseCacheKey,
    enabled: (request, context) => isAnonymousRequest(request, context as { actor?: unknown }),
    ttl: 0,
    ttlPerSchemaCoordinate: ttlPerRootField(schema, ttlMs),
    // Invalidation is by clearing on any mutation (below), not by the plugin's entity tracking.
    invalidateViaMutation: false,
  });
}

/** Runs `onMutationDone` after every executed mutation, whoever sent it. */
export function useClearOnMutation(onMutationDone: () => void): Plugin {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document as DocumentNode, args.operationName);
      if (operation?.operation !== 'mutation') return;
      return { onExecuteDone: () => onMutationDone() };
    },
  };
}
