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
 * Freshness: entries live `ttlMs`; any mutation through the API clears the
 * cache, and work done elsewhere (background certification, another process)
 * shows within the TTL. Per process, in memory, bounded in size.
 */
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { SESSION_COOKIE } from '../identity/actor.js';
import { getOperationAST, type DocumentNode, type GraphQLSchema } from './graphql-js.js';

/** Root fields whose answer is the same for every anonymous caller. */
export const PUBLIC_QUERY_FIELDS: readonly string[] = ['marketplace', 'listing', 'categories'];

/** Whether the request carries no credentials and resolved to no caller. */
export function isAnonymousRequest(request: Request, context: { actor?: unknown }): boolean {
  if (context.actor !== undefined) return false;
  if (request.headers.has('authorization')) return false;
  const cookie = request.headers.get('cookie');
  return !cookie || !cookie.includes(`${SESSION_COOKIE}=`);
}

/** The in-memory cache with a `clear` (the plugin's own cache has none). */
export class PublicResponseCache implements Cache {
  private inner: Cache;

  constructor(private readonly maxEntries = 500) {
    this.inner = createInMemoryCache({ max: maxEntries });
  }

  get: Cache['get'] = (key) => this.inner.get(key);
  set: Cache['set'] = (key, result, entities, ttl) => this.inner.set(key, result, entities, ttl);
  invalidate: Cache['invalidate'] = (entities) => this.inner.invalidate(entities);

  clear(): void {
    this.inner = createInMemoryCache({ max: this.maxEntries });
  }
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
