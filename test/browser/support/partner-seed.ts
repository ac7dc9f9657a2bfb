/**
 * Partner program data for the partner portal's browser test, seeded through
 * the real GraphQL API as the people who would do it: the demo developer
 * creates an agency (and is its member), the demo customer grants it access to
 * Acme Store, the platform admin approves its Certified tier, records Acme
 * Store's payments, computes the month's payout statement, scorecard and the
 * quarter's market development fund, and publishes a training module; another partner (created by the customer)
 * holds a protected registration for a customer the test then tries to
 * register again.
 */
export type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A signed-in HTTP session for a demo role (its cookie and CSRF token), outside the browser. */
export async function demoSession(url: string, role: 'CUSTOMER' | 'DEVELOPER' | 'REVIEWER' | 'ADMIN'): Promise<Gql> {
  let cookie = '';
  let csrf = '';
  const post = (body: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}) },
      body,
    });
  const gql: Gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const body = JSON.stringify({ query, variables });
    // A kept-alive connection the server closed as idle, on a loaded machine, fails before the request is read: send it once more on a new one.
    const res = await post(body).catch((err: Error & { cause?: { code?: string } }) => {
      if (err.cause?.code === 'UND_ERR_SOCKET') return post(body);
      throw err;
    });
    const setCookie = res.headers.getSetCookie()[0];
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const answer = (await res.json()) as { data?: T; errors?: unknown };
    if (answer.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(answer.errors)}`);
    return answer.data as T;
  };
  const { demoLogin } = await gql<{ demoLogin: { csrfToken: string } }>('mutation($role: DemoRole!) { demoLogin(role: $role) { csrfToken } }', { role });
  csrf = demoLogin.csrfToken;
  return gql;
}

/** What the seed recorded, so the test can compute the numbers the dashboard must show. */
export interface PartnerSeed {
  partnerId: string;
  partnerName: string;
  /** Acme Store's payments: two before the agency managed it, one after. */
  paymentsCents: number[];
  /** The payment that earns the Certified tier's commission. */
  commissionedPaymentCents: number;
  /** The statement's commission (20 % of that payment at the seed's default settings, read back from the API). */
  commissionCents: number;
  /** The domain another partner holds a protected registration for. */
  takenDomain: string;
  trainingModules: number;
  /** This quarter's market development fund. */
  mdfQuarter: string;
  mdfCents: number;
}

const monthsAgo = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 10, 12)).toISOString();
};

export async function seedPartnerProgram(url: string): Promise<PartnerSeed> {
  const developer = await demoSession(url, 'DEVELOPER');
  const customer = await demoSession(url, 'CUSTOMER');
  const admin = await demoSession(url, 'ADMIN');
  const partnerName = 'Northwind Growth Agency';
  const { createPartner } = await developer<{ createPartner: { id: string } }>('mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }', {
    input: { name: partnerName, slug: 'northwind-growth', kind: 'AGENCY' },
  });
  const partnerId = createPartner.id;

  const { viewer } = await customer<{ viewer: { workspaces: { role: string; workspace: { id: string; name: string } }[] } }>('{ viewer { workspaces { role workspace { id name } } } }');
  const acme = viewer.workspaces.find((w) => w.role === 'ADMIN')!.workspace;
  await customer('mutation($w: ID!, $p: ID!) { grantAgencyAccess(workspaceId: $w, partnerId: $p, role: MEMBER) { id } }', { w: acme.id, p: partnerId });

  const { requestTierReview } = await developer<{ requestTierReview: { id: string } }>('mutation($p: ID!) { requestTierReview(partnerId: $p, tier: CERTIFIED) { id } }', { p: partnerId });
  await admin('mutation($id: ID!) { decideTierReview(reviewId: $id, approve: true, note: "Approved for the browser test.") { state } }', { id: requestTierReview.id });

  // Two payments from before the agency managed Acme Store (revenue, no commission), one after (Certified commission).
  const earlier = [{ id: 'acme-pay-1', cents: 120_000, at: monthsAgo(2) }, { id: 'acme-pay-2', cents: 150_000, at: monthsAgo(1) }];
  const commissioned = { id: 'acme-pay-3', cents: 234_567, at: new Date().toISOString() };
  for (const p of [...earlier, commissioned]) {
    await admin('mutation($input: RevenueEventInput!) { recordRevenueEvent(input: $input) { id } }', {
      input: { externalId: p.id, workspaceId: acme.id, kind: 'PAYMENT', amountCents: p.cents, occurredAt: p.at },
    });
  }
  const period = commissioned.at.slice(0, 7);
  const { computePayoutStatement } = await admin<{ computePayoutStatement: { commissionCents: number; totalCents: number } }>(
    'mutation($p: ID!, $period: String!) { computePayoutStatement(partnerId: $p, period: $period) { commissionCents totalCents } }',
    { p: partnerId, period },
  );
  await admin('mutation($p: ID!, $period: String!) { computeScorecard(partnerId: $p, period: $period) { total } }', { p: partnerId, period });
  const now = new Date();
  const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  const { accrueMdf } = await admin<{ accrueMdf: { amountCents: number } }>('mutation($p: ID!, $q: String!) { accrueMdf(partnerId: $p, quarter: $q) { amountCents } }', { p: partnerId, q: quarter });

  const questions = [
    { prompt: 'Who grants an agency access to a client workspace?', choices: ['The agency', "The client's workspace admin"], answer: 1 },
    { prompt: 'How long does an approved deal registration protect the customer?', choices: ['30 days', '90 days'], answer: 1 },
  ];
  await admin('mutation($input: TrainingModuleInput!) { createTrainingModule(input: $input) { id } }', {
    input: { slug: 'partner-foundations', title: 'Partner foundations', track: 'FOUNDATION', durationMinutes: 90, questions },
  });

  // Another partner already holds a protected registration for this customer.
  const takenDomain = 'bluefin-outfitters.example';
  const { createPartner: rival } = await customer<{ createPartner: { id: string } }>('mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }', {
    input: { name: 'Rival Referrals', slug: 'rival-referrals', kind: 'REFERRER' },
  });
  await customer('mutation($p: ID!, $input: DealInput!) { registerDeal(partnerId: $p, input: $input) { state } }', {
    p: rival.id,
    input: { customerDomain: takenDomain, customerName: 'Bluefin Outfitters', amountCents: 450_000 },
  });

  return {
    partnerId,
    partnerName,
    paymentsCents: [...earlier.map((p) => p.cents), commissioned.cents],
    commissionedPaymentCents: commissioned.cents,
    commissionCents: computePayoutStatement.commissionCents,
    takenDomain,
    trainingModules: 1,
    mdfQuarter: quarter,
    mdfCents: accrueMdf.amountCents,
  };
}
