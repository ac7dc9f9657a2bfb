/**
 * The fast path for anonymous public reads of /graphql: a repeated anonymous
 * query is answered with the bytes stored from its first answer, before yoga,
 * without building a GraphQL context, parsing, validating or executing, and
 * without serialising again. It runs after authentication, the body caps and
 * the rate limiter, so those still apply to every hit.
 *
 * The key is the request itself (method, Accept, query string and the raw
 * JSON body): equal bytes are the same operation with the same variables, so
 * a stored answer passed the depth, cost and page-size limits when it was
 * computed. What may be stored is decided by usePublicResultMarker
 * (public-response-cache.ts): anonymous, public root fields only, no errors.
 * Answers carry a strong ETag; a GET with a matching If-None-Match gets 304.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ActorEnv } from '../http/authenticate.js';
import { isAnonymous, type PublicResponseCache, type PublicResultMarker } from './public-response-cache.js';

export interface StoredResponse {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  etag: string;
}

/** A miss: what the caller hands to yoga, and what `store` needs afterwards. */
export interface PublicMiss {
  key: string;
  generation: number;
  /** The request for yoga (a POST body was read here, so this carries it again). */
  request: Request;
  /** Put on the GraphQL context; set when the result may be shared. */
  marker: PublicResultMarker;
  /** Lets requests waiting for this one go on; idempotent, and called by `store`. */
  settle(): void;
}

/** Longer JSON bodies (still under the body cap) take the ordinary path. */
export const MAX_SHARED_BODY_BYTES = 8 * 1024;
const SHAREABLE_TYPES = ['application/json', 'application/graphql-response+json'];

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate.trim();
    if (tag === '*' || tag === etag || tag === `W/${etag}`) return true;
  }
  return false;
}

function respond(stored: StoredResponse, ifNoneMatch: string | undefined): Response {
  const headers = { 'content-type': stored.contentType, etag: stored.etag, 'cache-control': 'no-cache', vary: 'Accept, Authorization, Cookie' };
  if (etagMatches(ifNoneMatch, stored.etag)) return new Response(null, { status: 304, headers: { etag: stored.etag, 'cache-control': 'no-cache', vary: headers.vary } });
  return new Response(stored.body, { status: 200, headers });
}

export class PublicResponses {
  /** Keys being computed: a concurrent identical request waits for the first instead of executing too. */
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly cache: PublicResponseCache<StoredResponse>,
    private readonly ttlMs: number,
  ) {}

  /**
   * For an anonymous GET, or an anonymous JSON POST with a known, small length:
   * `{ hit }` with the stored answer, or `{ miss }`. Anything else (credentials,
   * multipart, chunked or long bodies, other methods): undefined, and the body is untouched.
   */
  async lookup(c: Context<ActorEnv>): Promise<{ hit: Response } | { miss: PublicMiss } | undefined> {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'POST') return undefined;
    if (!isAnonymous(c.req.header('authorization'), c.req.header('cookie'), c.get('actor'))) return undefined;
    let body = '';
    if (method === 'POST') {
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return undefined;
      if (c.req.header('transfer-encoding') !== undefined) return undefined;
      const length = Number(c.req.header('content-length'));
      if (!(length <= MAX_SHARED_BODY_BYTES)) return undefined;
      body = await c.req.text();
    }
    const url = c.req.url;
    const q = url.indexOf('?');
    const key = `${method}\n${c.req.header('accept') ?? ''}\n${q < 0 ? '' : url.slice(q)}\n${body}`;
    const ifNoneMatch = method === 'GET' ? c.req.header('if-none-match') : undefined;
    let stored = this.cache.get(key);
    const waitFor = stored ? undefined : this.inflight.get(key);
    if (waitFor) {
      await waitFor;
      stored = this.cache.get(key);
    }
    if (stored) return { hit: respond(stored, ifNoneMatch) };
    const request = method === 'POST' ? new Request(url, { method, headers: c.req.raw.headers, body }) : c.req.raw;
    return { miss: { key, generation: this.cache.generation, request, marker: { cacheable: false }, settle: waitFor ? () => {} : this.register(key) } };
  }

  /** Marks `key` as being computed until the returned function is called (the first caller only). */
  private register(key: string): () => void {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    this.inflight.set(key, done);
    return () => {
      if (this.inflight.get(key) === done) this.inflight.delete(key);
      release();
    };
  }

  /** After yoga answered a miss: stores a shareable answer (unless a mutation cleared the cache meanwhile) and returns it with its ETag. */
  async store(miss: PublicMiss, response: Response, method: string, ifNoneMatch: string | undefined): Promise<Response> {
    try {
      if (!miss.marker.cacheable || response.status !== 200) return response;
      const contentType = response.headers.get('content-type') ?? '';
      if (!SHAREABLE_TYPES.some((t) => contentType.startsWith(t))) return response;
      const body = new Uint8Array(await response.arrayBuffer());
      const stored: StoredResponse = { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
      this.cache.set(miss.key, stored, this.ttlMs, miss.generation);
      return respond(stored, method === 'GET' ? ifNoneMatch : undefined);
    } finally {
      miss.settle();
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
