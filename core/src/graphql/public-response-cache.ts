/**
 * What may be shared between anonymous callers of /graphql, and the store
 * that holds it. The HTTP fast path that serves it is public-response-route.ts.
 *
 * Scope, deliberately narrow:
 * - only requests that carry no credentials at all (no Authorization header,
 *   no session cookie) and resolved to no caller read from or write to it; any
 *   request with a token or a session, valid or not, bypasses it entirely;
 * - only queries whose every root selection is a public field (`marketplace`,
 *   `listing`, `categories`), never mutations, introspection or fragments at
 *   the root, and only results without errors (usePublicResultMarker).
 * Every anonymous caller sees the same public data, so sharing one entry
 * between them leaks nothing.
 *
 * Freshness: entries live `ttlMs` plus a short stale-while-revalidate grace;
 * any mutation through the API clears the store (and a result computed before
 * the clear is not stored after it), and work done elsewhere (background
 * certification, another process) shows within TTL + grace. Per process, in
 * memory, bounded in size.
 */
import type { Plugin } from 'graphql-yoga';
import { SESSION_COOKIE } from '../identity/actor.js';
import { getOperationAST, Kind, type DocumentNode } from './graphql-js.js';

/** Root fields whose answer is the same for every anonymous caller. */
export const PUBLIC_QUERY_FIELDS: readonly string[] = ['marketplace', 'listing', 'categories'];

/** Whether a request with these headers carries no credentials and resolved to no caller. */
export function isAnonymous(authorization: string | undefined | null, cookie: string | undefined | null, actor: unknown): boolean {
  if (actor !== undefined || (authorization !== undefined && authorization !== null)) return false;
  return !cookie || !cookie.includes(`${SESSION_COOKIE}=`);
}

/** The same test on a fetch Request. */
export function isAnonymousRequest(request: Request, context: { actor?: unknown }): boolean {
  return isAnonymous(request.headers.get('authorization'), request.headers.get('cookie'), context.actor);
}

/**
 * In-memory, bounded, with `clear` and stale-while-revalidate: when an entry
 * expires, the first caller re-executes the operation while the others keep
 * getting the previous answer for at most `graceMs` more, instead of every
 * concurrent caller executing it at once. An entry is thus at most
 * `ttl + graceMs` old. A failed refresh (nothing stored) lets another caller
 * try after `graceMs`. `generation` changes on every clear: a value computed
 * under an older generation is refused by `set`.
 */
export class PublicResponseCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number; refreshingSince: number | undefined }>();
  private gen = 0;

  constructor(
    private readonly graceMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  get generation(): number {
    return this.gen;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const t = this.now();
    if (t < entry.expiresAt) return entry.value;
    if (t >= entry.expiresAt + this.graceMs) {
      this.entries.delete(key);
      return undefined;
    }
    if (entry.refreshingSince === undefined || t - entry.refreshingSince >= this.graceMs) {
      entry.refreshingSince = t;
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` for `ttl` ms unless the cache was cleared since `generation` was read. */
  set(key: string, value: T, ttl: number, generation = this.gen): boolean {
    if (!(ttl > 0) || generation !== this.gen) return false;
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, expiresAt: this.now() + ttl, refreshingSince: undefined });
    return true;
  }

  clear(): void {
    this.gen += 1;
    this.entries.clear();
  }
}

/** Set by the HTTP layer on an anonymous request's context; the marker below says whether its result may be shared. */
export interface PublicResultMarker {
  cacheable: boolean;
}

/**
 * Marks `context.publicResult.cacheable` when the operation is a query whose
 * root selections are all public fields and it finished without errors.
 * Requests without a marker (any credentials) are never marked.
 */
export function usePublicResultMarker(): Plugin<{ publicResult?: PublicResultMarker }> {
  return {
    onExecute({ args }) {
      const marker = (args.contextValue as { publicResult?: PublicResultMarker }).publicResult;
      if (!marker) return;
      const operation = getOperationAST(args.document as DocumentNode, args.operationName);
      if (operation?.operation !== 'query') return;
      const selections = operation.selectionSet.selections;
      if (selections.length === 0 || !selections.every((s) => s.kind === Kind.FIELD && PUBLIC_QUERY_FIELDS.includes(s.name.value))) return;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in (result as object)) return;
          const errors = (result as { errors?: readonly unknown[] }).errors;
          if (!errors || errors.length === 0) marker.cacheable = true;
        },
      };
    },
  };
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
