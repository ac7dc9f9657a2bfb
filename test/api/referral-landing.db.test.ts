/**
 * A referral link records its visit on the server: the first touch is stored,
 * the visitor keeps a first-party HttpOnly cookie for the attribution window,
 * and a later signup is attributed to the earliest touch inside it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralAttributions, referralTouches } from '../../core/src/db/schema/partners.js';
import { insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import { createPartner } from '../../core/src/partners/partner-orgs.js';
import { attributeSignup, createReferralCode } from '../../core/src/partners/referrals/referral-codes.js';
import { startHarness, type Harness } from './graphql-harness.js';

let h: Harness;
let origin: string;
beforeAll(async () => {
  h = await startHarness();
  origin = new URL(h.url).origin;
});
afterAll(async () => {
  await h?.close();
});

async function land(query: string, cookie?: string) {
  const res = await fetch(`${origin}/${query}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const set = res.headers.getSetCookie().find((c) => c.startsWith('nudge_ref='));
  return { status: res.status, location: res.headers.get('location'), set, visitor: set ? set.split(';')[0]!.slice('nudge_ref='.length) : undefined };
}

async function partnerWithCode(slug: string) {
  const owner = await insertUser(h.database.db);
  const partner = await createPartner(h.database.db, { name: slug, slug, kind: 'referrer', ownerId: owner.id, now: new Date() });
  return { partner, code: (await createReferralCode(h.database.db, partner.id, new Date())).code };
}

describe('referral links', () => {
  it('record the first touch server-side, set a first-party cookie for 90 days and redirect to the clean URL', async () => {
    const first = await partnerWithCode('first-touch-agency');
    const second = await partnerWithCode('second-touch-agency');
    const visit = await land(`?ref=${first.code}`);
    expect(visit.status).toBe(302);
    expect(visit.location).toBe('/');
    expect(visit.set).toMatch(/HttpOnly/i);
    expect(visit.set).toMatch(/SameSite=Lax/i);
    expect(visit.set).toContain(`Max-Age=${90 * 86_400}`);
    expect(visit.visitor).toMatch(/^[\w-]{16,64}$/);

    // The same browser later follows another partner's link: same visitor, a second touch.
    const later = await land(`?ref=${second.code.toLowerCase()}`, `nudge_ref=${visit.visitor}`);
    expect(later.visitor).toBe(visit.visitor);
    const touches = await h.database.db.select().from(referralTouches).where(eq(referralTouches.visitorId, visit.visitor!));
    expect(touches.map((t) => t.partnerId).sort()).toEqual([first.partner.id, second.partner.id].sort());

    // The signup goes to the first touch.
    const ws = await insertWorkspace(h.database.db);
    const attribution = await attributeSignup(h.database.db, { workspaceId: ws.id, visitorId: visit.visitor!, attributionDays: 90, now: new Date() });
    expect(attribution.partnerId).toBe(first.partner.id);
    expect(await h.database.db.select().from(referralAttributions).where(eq(referralAttributions.workspaceId, ws.id))).toHaveLength(1);
  });

  it('lands an unknown, disabled or malformed code on the home page without a cookie or a stored touch', async () => {
    const before = (await h.database.db.select().from(referralTouches)).length;
    for (const query of ['?ref=NOSUCHCODE1', '?ref=%3Cscript%3E', `?ref=${'A'.repeat(80)}`]) {
      const visit = await land(query);
      expect(visit).toMatchObject({ status: 302, location: '/', set: undefined });
    }
    expect((await h.database.db.select().from(referralTouches)).length).toBe(before);
  });

  it('leaves the home page alone without ?ref', async () => {
    const res = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(res.status).not.toBe(302);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('nudge_ref='))).toBe(false);
  });
});
