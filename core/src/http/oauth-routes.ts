/**
 * GET /oauth/start and GET /oauth/callback. The start binds a random browser
 * id (HttpOnly, SameSite=Lax cookie scoped to /oauth) to the one-time state;
 * the callback only completes in the browser that started it.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { completeAuthorization, startAuthorization } from '../connections/oauth-flow.js';
import type { ConnectionsDeps } from '../connections/deps.js';
import { installations } from '../db/schema/installations.js';
import { ValidationError } from '../errors.js';
import { assertWorkspaceAccess } from '../identity/actor.js';
import { eq } from 'drizzle-orm';
import type { ActorEnv } from './authenticate.js';

export const BROWSER_COOKIE = 'nudge_oauth_browser';

export function oauthRoutes(deps: ConnectionsDeps): Hono<ActorEnv> {
  const routes = new Hono<ActorEnv>();

  routes.get('/oauth/start', async (c) => {
    const installationId = c.req.query('installation');
    if (!installationId) throw new ValidationError('The "installation" query parameter is required.', { path: 'installation' });
    const [inst] = await deps.db.select({ workspaceId: installations.workspaceId }).from(installations).where(eq(installations.id, installationId));
    await assertWorkspaceAccess(deps.db, c.get('actor'), inst?.workspaceId ?? '00000000-0000-0000-0000-000000000000', 'admin');
    let browserId = getCookie(c, BROWSER_COOKIE);
    if (!browserId || browserId.length < 32) {
      browserId = randomBytes(32).toString('base64url');
      setCookie(c, BROWSER_COOKIE, browserId, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/oauth',
        secure: deps.publicUrl.startsWith('https:'),
        maxAge: 3600,
      });
    }
    const { installation: _i, returnTo, ...params } = c.req.query();
    const url = await startAuthorization(deps, { installationId, browserId, returnTo: returnTo ?? `/installations/${installationId}`, params });
    return c.redirect(url.toString(), 302);
  });

  routes.get('/oauth/callback', async (c) => {
    const result = await completeAuthorization(deps, new URL(c.req.url), getCookie(c, BROWSER_COOKIE));
    return c.redirect(result.redirect, 302);
  });

  return routes;
}
