/**
 * Partner program fixtures for the API tests: per tenant, a partner
 * organisation (owner and member) and an agency (one member) holding an admin
 * grant on the tenant's workspace, plus the partner's private records — a
 * referral code, a deal under review, a pending tier review, an MDF claim and
 * an open support ticket.
 */
import { randomBytes } from 'node:crypto';
import { insertUser } from '../../core/src/db/test-fixtures.js';
import { mdfClaims } from '../../core/src/db/schema/partners-program.js';
import { partnerMembers } from '../../core/src/db/schema/partners.js';
import { createApiToken } from '../../core/src/identity/actor.js';
import { grantAgencyAccess } from '../../core/src/partners/agency/agency-access.js';
import { registerDeal } from '../../core/src/partners/deals/deal-registration.js';
import { createPartner } from '../../core/src/partners/partner-orgs.js';
import { openSupportTicket } from '../../core/src/partners/support/support-tickets.js';
import { createReferralCode } from '../../core/src/partners/referrals/referral-codes.js';
import { SEED_PARTNER_SETTINGS } from '../../core/src/partners/settings/partner-settings.js';
import { requestTierReview } from '../../core/src/partners/tiers/tier-reviews.js';
import type { Harness, Tenant } from './graphql-harness.js';

export interface PartnerTenant {
  partnerId: string;
  agencyId: string;
  dealId: string;
  reviewId: string;
  claimId: string;
  ticketId: string;
  code: string;
  users: Record<'partnerOwner' | 'partnerMember' | 'agency', { id: string; email: string; token: string }>;
  /** Strings only this tenant's partner data contains. */
  secrets: string[];
}

export async function seedPartnerTenant(h: Harness, tenant: Tenant): Promise<PartnerTenant> {
  const db = h.database.db;
  const now = h.clock.now();
  const tag = `${tenant.label.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const marker = `PARTNER_${tenant.label}_SECRET_${randomBytes(4).toString('hex')}`;
  const mk = async (role: string) => {
    const user = await insertUser(db, { email: `${role.toLowerCase()}-${tag}@example.test`, name: `${role} ${tenant.label}` });
    const { token } = await createApiToken(db, user.id, `${role} token`);
    return { id: user.id, email: user.email, token };
  };
  const partnerOwner = await mk('partnerOwner');
  const partnerMember = await mk('partnerMember');
  const agencyUser = await mk('agency');
  const partner = await createPartner(db, { name: `Partner ${marker}`, slug: `partner-${tag}`, kind: 'referrer', ownerId: partnerOwner.id, now });
  await db.insert(partnerMembers).values({ partnerId: partner.id, userId: partnerMember.id, role: 'member' });
  const agency = await createPartner(db, { name: `Agency ${marker}`, slug: `agency-${tag}`, kind: 'agency', ownerId: agencyUser.id, now });
  await grantAgencyAccess(db, { workspaceId: tenant.workspaceId, partnerId: agency.id, role: 'admin', actorUserId: tenant.users.wsAdmin.id, now });
  const code = await createReferralCode(db, partner.id, now);
  const deal = await registerDeal(db, SEED_PARTNER_SETTINGS, { partnerId: partner.id, customerDomain: `${tag}.example`, customerName: `Customer ${marker}`, amountCents: 25_000_00, userId: partnerOwner.id, now });
  const review = await requestTierReview(db, SEED_PARTNER_SETTINGS, { partnerId: agency.id, tier: 'certified', userId: agencyUser.id, now });
  const [claim] = await db
    .insert(mdfClaims)
    .values({ partnerId: partner.id, quarter: '2027-Q1', category: 'events', activity: 'Local events', description: `Meetup ${marker}`, amountCents: 100_00, submittedAt: now, reviewDueAt: now })
    .returning();
  const ticket = await openSupportTicket(db, { partnerId: partner.id, subject: `Help ${marker}`, body: `Question ${marker}`, userId: partnerMember.id, now });
  return {
    partnerId: partner.id,
    agencyId: agency.id,
    dealId: deal.id,
    reviewId: review.id,
    claimId: claim!.id,
    ticketId: ticket.id,
    code: code.code,
    users: { partnerOwner, partnerMember, agency: agencyUser },
    secrets: [marker, partner.id, agency.id, deal.id, review.id, claim!.id, ticket.id, code.code],
  };
}
