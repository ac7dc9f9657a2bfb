/**
 * GET /auth/sso           whether single sign-on is on, and the button's label (the login page asks)
 * GET /auth/sso/start     redirects to the identity provider (?returnTo=/path)
 * GET /auth/sso/callback  finishes the login: a session cookie and a redirect back into the app, or
 *                         a redirect to /login?sso_error=<code> the login page explains
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { audit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import type { Logger } from '../../observability/logger.js';
import { openSession } from '../sessions.js';
import { SsoError } from './sso-errors.js';
import { SSO_COOKIE, SSO_COOKIE_TTL_S, type SsoLogin } from './sso-login.js';

export interface SsoRouteDeps {
  sso: SsoLogin | undefined;
  db: Db;
  publicUrl: string;
  logger: Logger;
  now: () => Date;
}

export function ssoRoutes(deps: SsoRouteDeps): Hono {
  const app = new Hono();
  const secure = deps.publicUrl.startsWith('https:');
  const failed = (code: string) => `/login?sso_error=${encodeURIComponent(code)}`;

  app.get('/auth/sso', (c) => c.json(deps.sso ? { enabled: true, label: deps.sso.label, startUrl: '/auth/sso/start' } : { enabled: false }, 200, { 'cache-control': 'no-store' }));

  app.get('/auth/sso/start', async (c) => {
    if (!deps.sso) return c.redirect(failed('sso_unavailable'), 302);
    try {
      const { url, cookie } = await deps.sso.start(c.req.query('returnTo'));
      setCookie(c, SSO_COOKIE, cookie, { path: '/auth/sso', httpOnly: true, sameSite: 'Lax', secure, maxAge: SSO_COOKIE_TTL_S });
      c.header('cache-control', 'no-store');
      return c.redirect(url.toString(), 302);
    } catch (err) {
      deps.logger.warn({ err }, 'single sign-on could not start');
      return c.redirect(failed(err instanceof SsoError ? err.ssoCode : 'sso_unavailable'), 302);
    }
  });

  app.get('/auth/sso/callback', async (c) => {
    const sealed = getCookie(c, SSO_COOKIE);
    // One attempt per cookie: it is cleared whatever happens next.
    deleteCookie(c, SSO_COOKIE, { path: '/auth/sso', secure });
    c.header('cache-control', 'no-store');
    if (!deps.sso) return c.redirect(failed('sso_unavailable'), 302);
    try {
      const identity = await deps.sso.finish(new URL(c.req.url), sealed);
      const now = deps.now();
      if (identity.created) await audit(deps.db, { actorUserId: identity.userId, action: 'user.provisioned', targetType: 'user', targetId: identity.userId, at: now, data: { via: 'sso' } });
      const session = await openSession(deps.db, identity.userId, { now, secure, data: { via: 'sso', subject: identity.subject } });
      c.header('set-cookie', session.cookie, { append: true });
      return c.redirect(identity.returnTo, 302);
    } catch (err) {
      const code = err instanceof SsoError ? err.ssoCode : 'sso_unavailable';
      deps.logger.warn({ code, err: err instanceof SsoError ? err.message : err }, 'single sign-on failed');
      return c.redirect(failed(code), 302);
    }
  });
  return app;
}
