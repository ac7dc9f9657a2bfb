/**
 * Hono middleware that resolves the caller (API token or session cookie) and
 * puts it on the context as `actor`. It never rejects: routes decide what
 * they require.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/database.js';
import { actorFromSession, actorFromToken, SESSION_COOKIE, type Actor } from '../identity/actor.js';

export type ActorEnv = { Variables: { actor: Actor | undefined } };

export function authenticate(db: Db): MiddlewareHandler<ActorEnv> {
  return async function authenticateActor(c, next) {
    const header = c.req.header('authorization');
    let actor: Actor | undefined;
    if (header?.toLowerCase().startsWith('bearer ')) actor = await actorFromToken(db, header.slice(7).trim());
    else {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) actor = await actorFromSession(db, session);
    }
    c.set('actor', actor);
    await next();
  };
}
