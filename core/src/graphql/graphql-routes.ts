/**
 * Serves the GraphQL API at /graphql with graphql-yoga: body-size caps, rate
 * limits, CSRF for cookie sessions, depth/cost limits, masked errors with
 * stable codes, and GraphiQL outside production.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { Kind, type DocumentNode, type OperationDefinitionNode } from './graphql-js.js';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, type Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '../errors.js';
import type { ActorEnv } from '../http/authenticate.js';
import { SESSION_COOKIE } from '../identity/actor.js';
import { csrfMatches, sessionCsrfToken } from '../identity/sessions.js';
import type { PlatformServices } from '../platform/platform-services.js';
import { createContext, type GraphQLContext } from './context.js';
import { apiError, GRAPHQL_ERROR_CODES, maskError } from './graphql-errors.js';
import { ListingCache } from './listing-cache.js';
import { DEFAULT_QUERY_LIMITS, useQueryLimits, type QueryLimits } from './limits/query-limits.js';
import { DEFAULT_RATE_LIMITS, rateLimit, type RateLimitOptions } from './limits/rate-limit.js';
import { PublicResponseCache, useClearOnMutation, usePublicResultMarker } from './public-response-cache.js';
import { PublicResponses, type PublicMiss, type StoredResponse } from './public-response-route.js';
import { MAX_BUNDLE_BYTES } from './resolvers/developers.js';
import { buildApiSchema } from './schema.js';

export const GRAPHQL_PATH = '/graphql';
export const CSRF_HEADER = 'x-csrf-token';

export interface GraphQLRouteOptions {
  /** Default: on unless NODE_ENV is production. */
  graphiql?: boolean;
  /** `false` turns rate limiting off (benchmarks of the resolver path only). */
  rateLimit?: RateLimitOptions | false;
  limits?: QueryLimits;
  /** JSON bodies; default 100 KiB. */
  maxJsonBytes?: number;
  /** Multipart bodies (bundle uploads); default the bundle limit plus 64 KiB. */
  maxMultipartBytes?: number;
  /**
   * How stale a public marketplace page may be; 0 turns both caches off. Default 2000 ms.
   * Half of it for anonymous whole responses (public-response-cache.ts, TTL plus
   * revalidation grace), half for the listing rows they are built from, so the two
   * together stay within the window.
   */
  listingCacheMs?: number;
}

/** Cookie-authenticated mutations must carry the session's CSRF token; token calls need none. */
function useCsrfForSessions(): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      if (ctx.actor?.via !== 'session' || ctx.csrfValid) return;
      const document = args.document as DocumentNode;
      const isMutation = document.definitions.some(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation' && (!args.operationName || d.name?.value === args.operationName),
      );
      if (isMutation) {
        setResultAndStopExecution({
          errors: [apiError(GRAPHQL_ERROR_CODES.CSRF_TOKEN_REQUIRED, `Mutations made with the session cookie must send the CSRF token from login as the ${CSRF_HEADER} header.`)],
        });
      }
    },
  };
}

/**
 * The body caps. A body with a Content-Length (and no Transfer-Encoding) is judged by the header
 * alone, as hono's bodyLimit does, but without materialising a fetch Request per call; any other
 * body goes through hono's bodyLimit, which counts the bytes as they stream.
 */
function bodyLimits(maxJson: number, maxMultipart: number): MiddlewareHandler {
  // The rest of the body is never read, so the connection is not reused for another request.
  const tooLarge = (c: Context, limit: number) =>
    c.json({ errors: [{ message: `The request body is larger than ${limit} bytes.`, extensions: { code: ERROR_CODES.PAYLOAD_TOO_LARGE, maxBytes: limit } }] }, 413, { connection: 'close' });
  const streamed = (limit: number): MiddlewareHandler => bodyLimit({ maxSize: limit, onError: (c) => tooLarge(c, limit) });
  const json = streamed(maxJson);
  const multipart = streamed(maxMultipart);
  return function limitGraphQLBody(c, next) {
    if (c.req.method !== 'POST') return next();
    const isMultipart = (c.req.header('content-type') ?? '').startsWith('multipart/form-data');
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      const limit = isMultipart ? maxMultipart : maxJson;
      return Number.parseInt(length, 10) > limit ? Promise.resolve(tooLarge(c, limit)) : next();
    }
    return isMultipart ? multipart(c, next) : json(c, next);
  };
}

export function graphqlRoutes(services: PlatformServices, options: GraphQLRouteOptions = {}): Hono<ActorEnv> {
  const schema = buildApiSchema();
  const staleMs = options.listingCacheMs ?? 2_000;
  const listings = new ListingCache(staleMs / 2);
  // Worst-case age of an anonymous page: listing rows (staleMs/2) + response TTL (staleMs/4) + grace (staleMs/4).
  const publicResponses = staleMs > 0 ? new PublicResponses(new PublicResponseCache<StoredResponse>(staleMs / 4), staleMs / 4) : undefined;
  const cachePlugins: Plugin[] = publicResponses
    ? [
        useClearOnMutation(() => {
          publicResponses.clear();
          listings.clear();
        }),
        usePublicResultMarker(),
      ]
    : [];
  const yoga = createYoga<GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: options.graphiql ?? process.env.NODE_ENV !== 'production',
    landingPage: false,
    cors: false,
    logging: false,
    maskedErrors: { maskError: maskError(services.logger) },
    // The body caps are enforced before yoga by bodyLimits() below (JSON 100 KiB, multipart the bundle
    // limit, both far under yoga's 25 MB default, chunked bodies counted too); yoga's own check re-wraps
    // every body in a TransformStream, which cost more CPU than a cached answer.
    maxRequestBodySize: false,
    // Parsed and validated documents are cached per query string (yoga's default LRU), stated here.
    parserAndValidationCache: true,
    // graphql-jit compiles each validated document once and runs the compiled function; the CSRF and
    // limit hooks still run before it, errors still pass through maskedErrors, and it comes before the
    // response cache, whose execute wrapper must wrap the compiled one (else nothing is ever cached).
    plugins: [useCsrfForSessions(), useQueryLimits(options.limits ?? DEFAULT_QUERY_LIMITS), useGraphQlJit(), ...cachePlugins],
  });

  const routes = new Hono<ActorEnv>();
  routes.use(GRAPHQL_PATH, bodyLimits(options.maxJsonBytes ?? 100 * 1024, options.maxMultipartBytes ?? MAX_BUNDLE_BYTES + 64 * 1024));
  if (options.rateLimit !== false) routes.use(GRAPHQL_PATH, rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMITS));
  // Everything but a stored answer: the GraphQL context, yoga, and storing a shareable anonymous answer.
  const answer = async (c: Context<ActorEnv>, miss: PublicMiss | undefined): Promise<Response> => {
    const actor = c.get('actor');
    const sessionId = getCookie(c, SESSION_COOKIE);
    let csrfValid = true;
    if (actor?.via === 'session' && c.req.method === 'POST') {
      csrfValid = csrfMatches(await sessionCsrfToken(services.database.db, sessionId ?? '', services.clock.now()), c.req.header(CSRF_HEADER));
    }
    const ctx = createContext({ services, actor, sessionId, csrfValid, listings });
    if (miss) ctx.publicResult = miss.marker;
    const started = performance.now();
    const response = await yoga.fetch(miss?.request ?? c.req.raw, ctx);
    // Headers are logged through the redacting logger: authorization and cookies never reach the output.
    if (services.logger.isLevelEnabled('debug')) {
      services.logger.debug(
        { method: c.req.method, status: response.status, ms: Math.round(performance.now() - started), userId: actor?.userId, via: actor?.via, headers: Object.fromEntries(c.req.raw.headers) },
        'graphql request',
      );
    }
    if (ctx.setCookies.length === 0) return miss && publicResponses ? publicResponses.store(miss, response, c.req.method, c.req.header('if-none-match')) : response;
    const headers = new Headers(response.headers);
    for (const cookie of ctx.setCookies) headers.append('set-cookie', cookie);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
  routes.on(['GET', 'POST', 'OPTIONS'], GRAPHQL_PATH, async (c) => {
    // Anonymous public reads: a stored answer is served here, before any context is built.
    const shared = publicResponses ? await publicResponses.lookup(c) : undefined;
    if (shared && 'hit' in shared) return shared.hit;
    const miss = shared?.miss;
    try {
      return await answer(c, miss);
    } finally {
      miss?.settle();
    }
  });
  return routes;
}
