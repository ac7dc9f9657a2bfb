/**
 * Partner support tickets over real HTTP GraphQL (both databases): a partner
 * member opens a ticket, the internal team answers it, the partner closes it;
 * refusals (another partner's member, a partner answering, a closed ticket,
 * an over-long subject); the dashboard's counts; every change audited.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { partnerMembers } from '../../core/src/db/schema/partners.js';
import { insertUser } from '../../core/src/db/test-fixtures.js';
import { createApiToken } from '../../core/src/identity/actor.js';
import { createPartner } from '../../core/src/partners/partner-orgs.js';
import { ManualClock, platformUser, startHarness, type Harness } from './graphql-harness.js';

let h: Harness;
let reviewer: string;
let member: { id: string; token: string };
let outsider: { id: string; token: string };
let partnerId: string;

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => r.body.errors?.[0]?.extensions?.code;
const reasonOf = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => r.body.errors?.[0]?.extensions?.reason;

async function user() {
  const u = await insertUser(h.database.db);
  return { id: u.id, token: (await createApiToken(h.database.db, u.id, 't')).token };
}

const OPEN = 'mutation($p: ID!, $s: String!, $b: String!) { openPartnerSupportTicket(partnerId: $p, subject: $s, body: $b) { id status subject answer } }';
const ANSWER = 'mutation($id: ID!, $a: String!) { answerPartnerSupportTicket(id: $id, answer: $a) { id status answer } }';
const CLOSE = 'mutation($id: ID!) { closePartnerSupportTicket(id: $id) { id status closedAt } }';
const LIST = 'query($p: ID!, $s: SupportTicketStatus) { partner(id: $p) { supportTickets(status: $s) { id subject status answer } dashboard { openSupportTickets supportTicketsTotal } } }';

beforeAll(async () => {
  const clock = new ManualClock('2027-03-01T09:00:00Z');
  h = await startHarness({ clock });
  reviewer = (await platformUser(h, 'reviewer')).token;
  const owner = await user();
  member = await user();
  outsider = await user();
  const now = clock.now();
  partnerId = (await createPartner(h.database.db, { name: 'Helpful Co', slug: 'helpful-co', kind: 'technology', ownerId: owner.id, now })).id;
  await h.database.db.insert(partnerMembers).values({ partnerId, userId: member.id, role: 'member' });
  await createPartner(h.database.db, { name: 'Other Co', slug: 'other-co', kind: 'agency', ownerId: outsider.id, now });
});
afterAll(() => h?.close());

describe('partner support tickets', () => {
  let ticketId: string;

  it('a member opens a ticket, the internal team answers, the member closes it; each change is audited and counted', async () => {
    const empty = await h.gql<{ partner: { dashboard: { openSupportTickets: number; supportTicketsTotal: number } } }>(LIST, { token: member.token, variables: { p: partnerId } });
    expect(empty.body.data!.partner.dashboard).toEqual({ openSupportTickets: 0, supportTicketsTotal: 0 });

    const opened = await h.gql<{ openPartnerSupportTicket: { id: string; status: string; subject: string; answer: string | null } }>(OPEN, { token: member.token, variables: { p: partnerId, s: '  Payout missing  ', b: 'March payout did not arrive.' } });
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data!.openPartnerSupportTicket).toMatchObject({ status: 'OPEN', subject: 'Payout missing', answer: null });
    ticketId = opened.body.data!.openPartnerSupportTicket.id;
    await h.gql(OPEN, { token: member.token, variables: { p: partnerId, s: 'Second question', b: 'Another one.' } });

    const counted = await h.gql<{ partner: { dashboard: unknown } }>(LIST, { token: member.token, variables: { p: partnerId } });
    expect(counted.body.data!.partner.dashboard).toEqual({ openSupportTickets: 2, supportTicketsTotal: 2 });

    const answered = await h.gql(ANSWER, { token: reviewer, variables: { id: ticketId, a: 'Sent today.' } });
    expect(answered.body.data).toEqual({ answerPartnerSupportTicket: { id: ticketId, status: 'ANSWERED', answer: 'Sent today.' } });
    const onlyAnswered = await h.gql<{ partner: { supportTickets: unknown[]; dashboard: unknown } }>(LIST, { token: member.token, variables: { p: partnerId, s: 'ANSWERED' } });
    expect(onlyAnswered.body.data!.partner.supportTickets).toEqual([{ id: ticketId, subject: 'Payout missing', status: 'ANSWERED', answer: 'Sent today.' }]);
    expect(onlyAnswered.body.data!.partner.dashboard).toEqual({ openSupportTickets: 1, supportTicketsTotal: 2 });

    const closed = await h.gql<{ closePartnerSupportTicket: { status: string; closedAt: string } }>(CLOSE, { token: member.token, variables: { id: ticketId } });
    expect(closed.body.data!.closePartnerSupportTicket).toEqual({ id: ticketId, status: 'CLOSED', closedAt: '2027-03-01T09:00:00.000Z' });
    const after = await h.gql<{ partner: { dashboard: unknown } }>(LIST, { token: member.token, variables: { p: partnerId } });
    expect(after.body.data!.partner.dashboard).toEqual({ openSupportTickets: 1, supportTicketsTotal: 2 });

    const audited = await h.database.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'partner_support_ticket'), eq(auditLog.targetId, ticketId)));
    expect(audited.map((a) => a.action).sort()).toEqual(['partner.support.answer', 'partner.support.close', 'partner.support.open']);
    expect(audited.find((a) => a.action === 'partner.support.close')!.actorUserId).toBe(member.id);
  });

  it('closing twice, or answering a closed ticket, is a conflict with a stable reason', async () => {
    const again = await h.gql(CLOSE, { token: member.token, variables: { id: ticketId } });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(reasonOf(again)).toBe('SUPPORT_TICKET_CLOSED');
    const late = await h.gql(ANSWER, { token: reviewer, variables: { id: ticketId, a: 'Too late' } });
    expect(reasonOf(late)).toBe('SUPPORT_TICKET_CLOSED');
  });

  it("another partner's member can neither read, open, nor close this partner's tickets; a partner member cannot answer", async () => {
    const read = await h.gql(LIST, { token: outsider.token, variables: { p: partnerId } });
    expect(read.body.data).toEqual({ partner: null });
    expect(codeOf(read)).toBe('NOT_FOUND');
    const open = await h.gql(OPEN, { token: outsider.token, variables: { p: partnerId, s: 'Sneaky', b: 'x' } });
    expect(codeOf(open)).toBe('NOT_FOUND');
    const [other] = (await h.gql<{ partner: { supportTickets: Array<{ id: string; status: string }> } }>(LIST, { token: member.token, variables: { p: partnerId, s: 'OPEN' } })).body.data!.partner.supportTickets;
    expect(codeOf(await h.gql(CLOSE, { token: outsider.token, variables: { id: other!.id } }))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(ANSWER, { token: member.token, variables: { id: other!.id, a: 'Self-answer' } }))).toBe('FORBIDDEN');
    const still = await h.gql<{ partner: { dashboard: unknown } }>(LIST, { token: member.token, variables: { p: partnerId } });
    expect(still.body.data!.partner.dashboard).toEqual({ openSupportTickets: 1, supportTicketsTotal: 2 });
  });

  it('refuses an over-long subject or body and an empty subject', async () => {
    const long = await h.gql(OPEN, { token: member.token, variables: { p: partnerId, s: 'x'.repeat(201), b: 'Body' } });
    expect(codeOf(long)).toBe('VALIDATION_FAILED');
    expect(reasonOf(long)).toBe('SUPPORT_TICKET_TOO_LONG');
    const longBody = await h.gql(OPEN, { token: member.token, variables: { p: partnerId, s: 'Fine', b: 'y'.repeat(5001) } });
    expect(reasonOf(longBody)).toBe('SUPPORT_TICKET_TOO_LONG');
    expect(codeOf(await h.gql(OPEN, { token: member.token, variables: { p: partnerId, s: '   ', b: 'Body' } }))).toBe('VALIDATION_FAILED');
    const exact = await h.gql(OPEN, { token: member.token, variables: { p: partnerId, s: 'z'.repeat(200), b: 'Body' } });
    expect(exact.body.errors).toBeUndefined();
  });
});
