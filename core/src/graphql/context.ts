/**
 * The per-request GraphQL context: the platform services, the caller, the one
 * Authorizer every resolver asks, per-request loaders, and what the response
 * must carry back (session cookies).
 */
import type { Actor } from '../identity/actor.js';
import type { PlatformServices } from '../platform/platform-services.js';
import { Authorizer } from './authorization.js';
import { ListingCache } from './listing-cache.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { PublicResultMarker } from './public-response-cache.js';

export interface GraphQLContext {
  services: PlatformServices;
  actor: Actor | undefined;
  auth: Authorizer;
  loaders: Loaders;
  /** The raw session cookie, when the request carried one (logout deletes it). */
  sessionId: string | undefined;
  /** Whether a cookie-authenticated request sent the session's CSRF token. */
  csrfValid: boolean;
  /** Set-Cookie values the HTTP layer adds to the response. */
  setCookies: string[];
  /** Whether cookies should be Secure (the public URL is https). */
  secureCookies: boolean;
  /** Shared by every request of one server: public listing pages. */
  listings: ListingCache;
  /** Present only on anonymous requests eligible for the public-response fast path (public-response-route.ts). */
  publicResult?: PublicResultMarker;
}

export function createContext(input: { services: PlatformServices; actor: Actor | undefined; sessionId: string | undefined; csrfValid: boolean; listings: ListingCache }): GraphQLContext {
  return {
    services: input.services,
    actor: input.actor,
    auth: new Authorizer(input.services.database.db, input.actor),
    loaders: createLoaders(input.services.database.db),
    sessionId: input.sessionId,
    csrfValid: input.csrfValid,
    setCookies: [],
    secureCookies: input.services.publicUrl.startsWith('https:'),
    listings: input.listings,
  };
}
