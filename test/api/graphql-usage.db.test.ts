/**
 * Usage, SLOs and ROI through GraphQL, over real HTTP, from numbers ingested
 * with ingestUsage: customers read their workspace and installation series,
 * publishers their plugin's metrics and version SLOs, the internal team ROI,
 * adoption and uptime; only platform admins edit targets, manual ROI inputs
 * and rates (audited).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { testDatabaseKind } from '../../core/src/db/test-database.js';
import { ingestUsage, type UsageEvent } from '../../core/src/usage/usage-ingest.js';
import { platformUser, seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';

let h: Harness;
let a: Tenant;
let b: Tenant;
let reviewer: string;
let admin: string;
const NOW = Date.now();
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

beforeAll(async () => {
  h = await startHarness();
  a = await seedTenant(h, 'A');
  b = await seedTenant(h, 'B');
  reviewer = (await platformUser(h, 'reviewer')).token;
  admin = (await platformUser(h, 'admin')).token;
  const scope = { workspaceId: a.workspaceId, installationId: a.installationId, pluginId: a.pluginId, versionId: a.versionId, publisherId: a.publisher.id };
  const event = (overrides: Partial<UsageEvent>): UsageEvent => ({ id: randomUUID(), type: 'invocation', occurredAt: at(5), ...scope, ...overrides }) as UsageEvent;
  const events: UsageEvent[] = [
    ...Array.from({ length: 19 }, (_, i) => event({ durationMs: 10 + i, outcome: 'ok', occurredAt: at(5 + i) })),
    event({ durationMs: 500, outcome: 'Timeout' }),
    ...Array.from({ length: 19 }, () => event({ type: 'records_synced', quantity: 100, outcome: 'ok' })),
    event({ type: 'records_synced', quantity: 0, outcome: 'SYNC_CURSOR_STUCK' }),
    event({ type: 'upstream_api_call', quantity: 2_500 }),
    event({ type: 'signup_attributed' }),
    event({ type: 'signup_attributed' }),
    event({ type: 'revenue_attributed', valueCents: 12_345_67 }),
    ...[true, true, true, false].map((ok) => ({ id: randomUUID(), type: 'health_probe', occurredAt: at(10), outcome: ok ? 'ok' : 'down' }) as UsageEvent),
  ];
  expect((await ingestUsage(h.database.db, events)).accepted).toBe(events.length);
});
afterAll(() => h?.close());

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => r.body.errors?.[0]?.extensions?.code;
type Totals = Array<{ metric: string; count: number; sumDurationMs: number; valueCents: number }>;

describe(`usage over GraphQL on ${testDatabaseKind()}`, () => {
  it('customers read their workspace and installation usage by day and by hour, with totals', async () => {
    const r = await h.gql<{ workspace: { usage: { bucket: string; totals: Totals; series: { edges: Array<{ node: { metric: string; count: number } }> } } } }>(
      `query($id: ID!) { workspace(id: $id) { usage(bucket: DAY) { bucket totals { metric count sumDurationMs valueCents } series(first: 100) { edges { node { bucketStart metric count } } } } } }`,
      { token: a.users.wsMember.token, variables: { id: a.workspaceId } },
    );
    expect(r.body.errors).toBeUndefined();
    const totals = Object.fromEntries(r.body.data!.workspace.usage.totals.map((t) => [t.metric, t]));
    expect(totals.invocation).toMatchObject({ count: 20, sumDurationMs: 19 * 10 + (18 * 19) / 2 + 500 });
    expect(totals['invocation:error']).toMatchObject({ count: 1 });
    expect(totals.upstream_api_call).toMatchObject({ count: 2_500 });
    expect(totals.revenue_attributed).toMatchObject({ valueCents: 12_345_67 });
    const hourly = await h.gql<{ installation: { usage: { totals: Totals; series: { edges: Array<{ node: { metric: string; count: number } }>; pageInfo: { hasNextPage: boolean } } } } }>(
      `query($id: ID!) { installation(id: $id) { usage(bucket: HOUR) { totals { metric count } series(first: 2) { edges { node { metric count } } pageInfo { hasNextPage } } } } }`,
      { token: a.users.wsMember.token, variables: { id: a.installationId } },
    );
    expect(hourly.body.data!.installation.usage.totals.find((t) => t.metric === 'invocation')!.count).toBe(20);
    expect(hourly.body.data!.installation.usage.series.edges).toHaveLength(2);
    expect(hourly.body.data!.installation.usage.series.pageInfo.hasNextPage).toBe(true);
    // Page size and window limits hold.
    expect(codeOf(await h.gql(`{ installation(id: "${a.installationId}") { usage { series(first: 500) { edges { cursor } } } } }`, { token: a.users.wsMember.token }))).toBe('PAGE_SIZE_EXCEEDED');
    expect(codeOf(await h.gql(`{ installation(id: "${a.installationId}") { usage(bucket: HOUR, from: "2020-01-01T00:00:00Z") { bucket } } }`, { token: a.users.wsMember.token }))).toBe('VALIDATION_FAILED');
  });

  it('scopes usage: another tenant\'s ids are NOT_FOUND, the platform scope is the internal team\'s', async () => {
    const q = `query($d: UsageDimension!, $id: ID!) { usage(dimension: $d, id: $id) { totals { metric count } } }`;
    expect(codeOf(await h.gql(q, { token: b.users.wsAdmin.token, variables: { d: 'WORKSPACE', id: a.workspaceId } }))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(q, { token: b.users.pubOwner.token, variables: { d: 'PLUGIN', id: a.pluginId } }))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(q, { token: a.users.wsAdmin.token, variables: { d: 'PLUGIN', id: a.pluginId } }))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(q, { token: a.users.pubOwner.token, variables: { d: 'PLATFORM', id: 'all' } }))).toBe('FORBIDDEN');
    const pub = await h.gql<{ usage: { totals: Totals } }>(q, { token: a.users.pubDeveloper.token, variables: { d: 'VERSION', id: a.versionId } });
    expect(pub.body.data!.usage.totals.find((t) => t.metric === 'invocation')!.count).toBe(20);
    const platform = await h.gql<{ usage: { totals: Totals } }>(q, { token: reviewer, variables: { d: 'PLATFORM', id: 'all' } });
    expect(platform.body.data!.usage.totals.find((t) => t.metric === 'health_probe')!.count).toBe(4);
  });

  it('publishers read SLOs per version and success metrics of their plugins', async () => {
    const slo = await h.gql<{ versionSlo: Record<string, any> }>(
      `query($v: ID!) { versionSlo(versionId: $v) { invocations p95LatencyMs errorRate syncRuns syncReliability errorBudgetBurn meets { p95Latency errorRate syncReliability } installs activeInstalls } }`,
      { token: a.users.pubDeveloper.token, variables: { v: a.versionId } },
    );
    expect(slo.body.errors).toBeUndefined();
    const s = slo.body.data!.versionSlo;
    expect(s).toMatchObject({ invocations: 20, syncRuns: 20, installs: 1, activeInstalls: 1, meets: { p95Latency: true, errorRate: false, syncReliability: true } });
    expect(s.errorRate).toBeCloseTo(0.05, 10);
    expect(s.syncReliability).toBeCloseTo(0.95, 10);
    expect(s.errorBudgetBurn).toBeCloseTo(50, 6);
    expect(s.p95LatencyMs).toBeCloseTo(28 + 0.05 * (500 - 28), 6); // percentile_cont over 10…28 and 500
    expect(codeOf(await h.gql(`{ versionSlo(versionId: "${a.versionId}") { invocations } }`, { token: b.users.pubOwner.token }))).toBe('NOT_FOUND');

    const m = await h.gql<{ successMetrics: Record<string, any> }>(
      `query($p: ID!) { successMetrics(pluginId: $p) { installs activeUsers gmvInfluencedCents customersAcquired targets { installs activeUsers gmvInfluencedCents customersAcquired } progress { installs customersAcquired } } }`,
      { token: a.users.pubOwner.token, variables: { p: a.pluginId } },
    );
    expect(m.body.data!.successMetrics).toMatchObject({
      installs: 1,
      activeUsers: 1,
      gmvInfluencedCents: 12_345_67,
      customersAcquired: 2,
      targets: { installs: 1000, activeUsers: 600, gmvInfluencedCents: 10_000_000_00, customersAcquired: 400 },
      progress: { installs: 0.001, customersAcquired: 0.005 },
    });
    expect(codeOf(await h.gql(`{ successMetrics(pluginId: "${a.pluginId}") { installs } }`, { token: a.users.wsAdmin.token }))).toBe('NOT_FOUND');
  });

  it('the internal team reads ROI, adoption and uptime; only platform admins edit targets, ROI inputs and rates (audited)', async () => {
    const setInputs = `mutation($p: ID!) { setRoiInputs(pluginId: $p, input: { developmentHours: 10, monthlyMaintenanceHours: 1, supportTickets: 4, churnReduction: 0, featureUpsells: 1 }) { roi paybackMonths costs { total infrastructure } revenue { total newCustomers } inputs { apiCalls attributedSignups developmentHours } } }`;
    for (const token of [a.users.pubOwner.token, a.users.wsAdmin.token, reviewer]) expect(codeOf(await h.gql(setInputs, { token, variables: { p: a.pluginId } }))).toBe('FORBIDDEN');
    const roi = await h.gql<{ setRoiInputs: Record<string, any> }>(setInputs, { token: admin, variables: { p: a.pluginId } });
    expect(roi.body.errors).toBeUndefined();
    // Hand-worked: costs 10 h × $150 + 1 h × 12 × $150 + 4 × $50 + 2,500 × $0.0001 = $3,500.25; revenue 2 × $1,896 + 1 × $1,200 = $4,992.
    expect(roi.body.data!.setRoiInputs).toMatchObject({ costs: { total: 350_025, infrastructure: 25 }, revenue: { total: 499_200, newCustomers: 379_200 }, inputs: { apiCalls: 2_500, attributedSignups: 2, developmentHours: 10 } });
    expect(roi.body.data!.setRoiInputs.roi).toBeCloseTo((499_200 - 350_025) / 350_025, 10);
    expect(roi.body.data!.setRoiInputs.paybackMonths).toBeCloseTo(350_025 / (499_200 / 12), 10);
    const read = await h.gql<{ integrationRoi: { costs: { total: number } } }>(`{ integrationRoi(pluginId: "${a.pluginId}") { costs { total } } }`, { token: reviewer });
    expect(read.body.data!.integrationRoi.costs.total).toBe(350_025);
    expect(codeOf(await h.gql(`{ integrationRoi(pluginId: "${a.pluginId}") { roi } }`, { token: a.users.pubOwner.token }))).toBe('FORBIDDEN');

    const setTargets = `mutation($p: ID!) { setSuccessTargets(pluginId: $p, input: { installs: 2, activeUsers: 1, gmvInfluencedCents: 100, customersAcquired: 4 }) { targets { installs } progress { installs customersAcquired } } }`;
    for (const token of [a.users.pubOwner.token, a.users.wsAdmin.token, reviewer]) expect(codeOf(await h.gql(setTargets, { token, variables: { p: a.pluginId } }))).toBe('FORBIDDEN');
    expect((await h.gql(setTargets, { token: admin, variables: { p: a.pluginId } })).body.data).toEqual({ setSuccessTargets: { targets: { installs: 2 }, progress: { installs: 0.5, customersAcquired: 0.5 } } });
    expect(codeOf(await h.gql(setTargets, { token: admin, variables: { p: 'no-such-plugin' } }))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(`mutation { setSuccessTargets(pluginId: "${a.pluginId}", input: { installs: -1, activeUsers: 1, gmvInfluencedCents: 1, customersAcquired: 1 }) { pluginId } }`, { token: admin }))).toBe('VALIDATION_FAILED');

    const setRates = `mutation { setRoiRates(input: { hourlyRateCents: 15000, supportTicketCents: 5000, apiCallMicroDollars: 1, ltvCents: 200000, churnReductionCents: 5000000, featureUpsellCents: 120000 }) { ltvCents } }`;
    expect(codeOf(await h.gql(setRates, { token: reviewer }))).toBe('FORBIDDEN');
    expect((await h.gql(setRates, { token: admin })).body.data).toEqual({ setRoiRates: { ltvCents: 200_000 } });
    expect((await h.gql(`{ roiRates { ltvCents hourlyRateCents } }`, { token: reviewer })).body.data).toEqual({ roiRates: { ltvCents: 200_000, hourlyRateCents: 15_000 } });
    const actions = (await h.database.db.select().from(auditLog)).map((e) => e.action).filter((x) => x.startsWith('usage.'));
    expect(actions.sort()).toEqual(['usage.roi_inputs_set', 'usage.roi_rates_set', 'usage.targets_set']);
    const [targetsEntry] = await h.database.db.select().from(auditLog).where(eq(auditLog.action, 'usage.targets_set'));
    expect(targetsEntry).toMatchObject({ targetType: 'platform_setting', targetId: a.pluginId });

    const adoption = await h.gql<{ adoptionByType: Array<{ kind: string; installs: number; expectedShare: number }> }>(`{ adoptionByType { kind installs share expectedShare } }`, { token: reviewer });
    expect(adoption.body.data!.adoptionByType.map((x) => [x.kind, x.expectedShare])).toEqual([['NATIVE', 0.4], ['API', 0.25], ['CONNECTOR', 0.35]]);
    expect(codeOf(await h.gql(`{ adoptionByType { kind } }`, { token: a.users.wsAdmin.token }))).toBe('FORBIDDEN');
    const uptime = await h.gql<{ platformUptime: { probes: number; uptime: number; meets: boolean } }>(`{ platformUptime { probes uptime errorBudgetBurn meets } }`, { token: admin });
    expect(uptime.body.data!.platformUptime).toMatchObject({ probes: 4, uptime: 0.75, meets: false });
  });
});
