/**
 * A referral link (`/?ref=CODE`, see referralLink) lands here before the UI: the
 * visit is recorded server-side as a first touch, the visitor keeps a
 * first-party HttpOnly cookie (`nudge_ref`, the visitor id, for the attribution
 * window) and is redirected to the clean URL. No third-party cookie, no script.
 * The signup flow reads the cookie on the server and calls attributeSignup with
 * it. An unknown or disabled code still lands on the home page, without a cookie.
 */
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/database.js';
import type { Logger } from '../../observability/logger.js';
import { PartnerRuleError } from '../partner-errors.js';
import { readPartnerSettings } from '../settings/partner-settings.js';
import { recordTouch } from './referral-codes.js';

export const REFERRAL_COOKIE = 'nudge_ref';
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

export interface ReferralLandingDeps {
  db: Db;
  publicUrl: string;
  logger: Logger;
  now: () => Date;
}

export function referralLandingRoute(deps: ReferralLandingDeps): Hono {
  const app = new Hono();
  app.get('/', async (c, next) => {
    const code = c.req.query('ref');
    if (code === undefined) return next();
    c.header('cache-control', 'no-store');
    if (!CODE.test(code)) return c.redirect('/', 302);
    try {
      const settings = await readPartnerSettings(deps.db);
      const { visitorId } = await recordTouch(deps.db, { code, visitorId: getCookie(c, REFERRAL_COOKIE) ?? null, now: deps.now() });
      setCookie(c, REFERRAL_COOKIE, visitorId, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.publicUrl.startsWith('https:'),
        maxAge: settings.referral.attributionDays * 86_400,
      });
    } catch (err) {
      if (!(err instanceof PartnerRuleError)) deps.logger.warn({ err }, 'a referral visit could not be recorded');
    }
    return c.redirect('/', 302);
  });
  return app;
}
