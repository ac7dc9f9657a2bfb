/**
 * The tenant-isolation matrix: every query and mutation in the served schema
 * (read from the schema, so a new field cannot escape) × every role of tenant A
 * and the platform roles × tenant B's ids. An operation must either refuse
 * (UNAUTHENTICATED / FORBIDDEN / NOT_FOUND / INSUFFICIENT_SCOPE, or null) or be
 * one the table allows for that role — and no response may carry any of B's
 * private data. B's state is checked unchanged at the end.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, publisherKeys, publisherMembers } from '../../core/src/db/schema/identity.js';
import { installations } from '../../core/src/db/schema/installations.js';
import { notifications } from '../../core/src/db/schema/notifications.js';
import { automations, jobs, webhookEndpoints } from '../../core/src/db/schema/runtime.js';
import { JOB_KINDS } from '../../core/src/runtime/job-kinds.js';
import { pluginVersions } from '../../core/src/db/schema/registry.js';
import { mdfClaims } from '../../core/src/db/schema/partners-program.js';
import { partnerSupportTickets } from '../../core/src/db/schema/partners-support.js';
import { dealRegistrations, partnerClientGrants, partnerMembers, partnerTierReviews, referralCodes } from '../../core/src/db/schema/partners.js';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from '../../core/src/graphql/graphql-js.js';
import { readSchemaSdl } from '../../core/src/graphql/schema.js';
import { platformUser, seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';
import { seedPartnerTenant, type PartnerTenant } from './partners-fixtures.js';

type Role = 'anonymous' | 'wsMember' | 'wsAdmin' | 'pubDeveloper' | 'pubOwner' | 'partnerMember' | 'partnerOwner' | 'agency' | 'reviewer' | 'admin';
const ROLES: Role[] = ['anonymous', 'wsMember', 'wsAdmin', 'pubDeveloper', 'pubOwner', 'partnerMember', 'partnerOwner', 'agency', 'reviewer', 'admin'];
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INSUFFICIENT_SCOPE']);

/**
 * How each operation relates to another tenant's ids:
 * - public: anyone may call it; the response still must not carry B's private data;
 * - self: acts on the caller's own things; B's ids must not be affected or revealed;
 * - tenant: must be refused for every role except those listed.
 */
type Rule = { kind: 'public' } | { kind: 'self' } | { kind: 'tenant'; allowed?: Role[] };
const RULES: Record<string, Rule> = {
  'Query.viewer': { kind: 'self' },
  'Query.marketplace': { kind: 'public' },
  'Query.listing': { kind: 'public' },
  'Query.categories': { kind: 'public' },
  'Query.workspace': { kind: 'tenant' },
  'Query.installation': { kind: 'tenant' },
  'Query.migrationPlan': { kind: 'tenant' },
  'Query.run': { kind: 'tenant' },
  'Query.publisher': { kind: 'tenant' },
  'Query.pluginVersion': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.reviewQueue': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.deprecationPolicy': { kind: 'self' },
  'Query.auditLog': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.login': { kind: 'self' },
  'Mutation.demoLogin': { kind: 'self' },
  'Mutation.logout': { kind: 'self' },
  'Mutation.createApiToken': { kind: 'self' },
  'Mutation.revokeApiToken': { kind: 'tenant' },
  'Mutation.installPlugin': { kind: 'tenant' },
  'Mutation.configureInstallation': { kind: 'tenant' },
  'Mutation.startOAuth': { kind: 'tenant' },
  'Mutation.connectWithApiKey': { kind: 'tenant' },
  'Mutation.connectWithBasicAuth': { kind: 'tenant' },
  'Mutation.testConnection': { kind: 'tenant' },
  'Mutation.enableInstallation': { kind: 'tenant' },
  'Mutation.disableInstallation': { kind: 'tenant' },
  'Mutation.uninstallInstallation': { kind: 'tenant' },
  'Mutation.migrateInstallation': { kind: 'tenant' },
  'Mutation.rollbackInstallation': { kind: 'tenant' },
  'Mutation.markNotificationsRead': { kind: 'self' },
  'Mutation.reviewPlugin': { kind: 'self' },
  'Mutation.createPublisher': { kind: 'self' },
  'Mutation.addPublisherMember': { kind: 'tenant' },
  'Mutation.removePublisherMember': { kind: 'tenant' },
  'Mutation.registerPublisherKey': { kind: 'tenant' },
  'Mutation.revokePublisherKey': { kind: 'tenant' },
  'Mutation.publishVersion': { kind: 'tenant' },
  'Mutation.submitVersion': { kind: 'tenant' },
  'Mutation.bulkMigrate': { kind: 'tenant' },
  'Mutation.deprecateVersion': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.certifyVersion': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Mutation.rejectVersion': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Mutation.retireVersion': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.setDeprecationPolicy': { kind: 'tenant', allowed: ['admin'] },
  // Connector runtime: automations, runs, syncs, outbound webhooks (workspace admins), dead letters (platform admins).
  'Query.automation': { kind: 'tenant' },
  'Query.deadLetters': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.createAutomation': { kind: 'tenant' },
  'Mutation.setAutomationEnabled': { kind: 'tenant' },
  'Mutation.deleteAutomation': { kind: 'tenant' },
  'Mutation.replayRun': { kind: 'tenant' },
  'Mutation.testAutomation': { kind: 'tenant' },
  'Mutation.configureSync': { kind: 'tenant' },
  'Mutation.requestSync': { kind: 'tenant' },
  'Mutation.createWebhookEndpoint': { kind: 'tenant' },
  'Mutation.disableWebhookEndpoint': { kind: 'tenant' },
  'Mutation.requeueDeadLetter': { kind: 'tenant', allowed: ['admin'] },
  // Usage, SLOs and ROI: the internal team reads every scope; only platform admins edit settings.
  'Query.usage': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.versionSlo': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.successMetrics': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.integrationRoi': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.adoptionByType': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.platformUptime': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.roiRates': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Mutation.setSuccessTargets': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.setRoiInputs': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.setRoiRates': { kind: 'tenant', allowed: ['admin'] },
  // Partner program: partners act for their own organisation, agencies in the workspaces that granted them,
  // the internal team reads every partner and the program, and only platform admins decide and compute.
  'Query.partner': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.myPartners': { kind: 'self' },
  'Query.partners': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.partnerProgramSettings': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.tierReviewQueue': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.dealReviewQueue': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.mdfClaimQueue': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.recruitmentPipeline': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.partnerKpis': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Query.partnerValue': { kind: 'public' },
  'Query.trainingModules': { kind: 'self' },
  'Query.workspaceAgencyGrants': { kind: 'tenant' },
  'Mutation.createPartner': { kind: 'self' },
  'Mutation.addPartnerMember': { kind: 'tenant' },
  'Mutation.linkPartnerPublisher': { kind: 'tenant' },
  'Mutation.grantAgencyAccess': { kind: 'tenant' },
  'Mutation.revokeAgencyAccess': { kind: 'tenant' },
  'Mutation.requestTierReview': { kind: 'tenant' },
  'Mutation.decideTierReview': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.createReferralCode': { kind: 'tenant' },
  'Mutation.recordReferralVisit': { kind: 'public' },
  'Mutation.attributeSignup': { kind: 'tenant' },
  'Mutation.recordRevenueEvent': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.computePayoutStatement': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.addCommissionAdjustment': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.registerDeal': { kind: 'tenant' },
  'Mutation.decideDeal': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.setResellerTerms': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.setPartnerNps': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.computeScorecard': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.accrueMdf': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.submitMdfClaim': { kind: 'tenant' },
  'Mutation.decideMdfClaim': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.completeMdfClaim': { kind: 'tenant' },
  'Mutation.reimburseMdfClaim': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.addProspect': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.advanceProspect': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.markProspectLost': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.createTrainingModule': { kind: 'tenant', allowed: ['admin'] },
  'Mutation.submitAssessment': { kind: 'tenant' },
  'Mutation.setPartnerProgramSettings': { kind: 'tenant', allowed: ['admin'] },
  // Support tickets: partner members open and close their own; the internal team answers and closes any.
  'Mutation.openPartnerSupportTicket': { kind: 'tenant' },
  'Mutation.answerPartnerSupportTicket': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
  'Mutation.closePartnerSupportTicket': { kind: 'tenant', allowed: ['reviewer', 'admin'] },
};

const schema = buildSchema(readSchemaSdl());
const operations = (['Query', 'Mutation'] as const).flatMap((root) =>
  Object.values((root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((field) => ({ root, field, key: `${root}.${field.name}` })),
);

let h: Harness;
let b: Tenant;
let bp: PartnerTenant;
const tokens: Partial<Record<Role, string>> = {};
let bTokenId: string;
let bPublicKeyPem: string;
let bAutomationId: string;
let bEndpointId: string;

beforeAll(async () => {
  h = await startHarness({ graphql: { limits: { maxDepth: 50, maxIntrospectionDepth: 50, maxCost: 1e12 } } });
  const a = await seedTenant(h, 'A');
  b = await seedTenant(h, 'B');
  for (const role of ['wsMember', 'wsAdmin', 'pubDeveloper', 'pubOwner'] as const) tokens[role] = a.users[role].token;
  const ap = await seedPartnerTenant(h, a);
  bp = await seedPartnerTenant(h, b);
  for (const role of ['partnerMember', 'partnerOwner', 'agency'] as const) tokens[role] = ap.users[role].token;
  b.secrets.push(...bp.secrets);
  tokens.reviewer = (await platformUser(h, 'reviewer')).token;
  tokens.admin = (await platformUser(h, 'admin')).token;
  const [t] = await h.database.db.select().from(apiTokens).where(eq(apiTokens.userId, b.users.wsAdmin.id));
  bTokenId = t!.id;
  const [k] = await h.database.db.select().from(publisherKeys).where(eq(publisherKeys.publisherId, b.publisher.id));
  bPublicKeyPem = k!.publicKey;
  // B's automation and outbound webhook endpoint, whose names and ids must not leak either.
  const [automation] = await h.database.db
    .insert(automations)
    .values({ workspaceId: b.workspaceId, name: `zap ${b.secrets[0]}`, triggerInstallationId: b.installationId, triggerName: 'newContact', actionInstallationId: b.installationId, actionName: 'createContact' })
    .returning();
  const [endpoint] = await h.database.db
    .insert(webhookEndpoints)
    .values({ workspaceId: b.workspaceId, url: `https://hooks.example.test/${b.secrets[0]}`, secret: 'ciphertext', keyId: 'k1' })
    .returning();
  bAutomationId = automation!.id;
  bEndpointId = endpoint!.id;
  b.secrets.push(bAutomationId, bEndpointId);
});
afterAll(() => h?.close());

/** B's id for an argument, by operation and argument name. */
function idFor(op: string, arg: string): unknown {
  const byOp: Record<string, string> = {
    'Query.listing': b.pluginId,
    'Query.workspace': b.workspaceId,
    'Query.installation': b.installationId,
    'Query.run': b.runId,
    'Query.publisher': b.publisher.id,
    'Query.pluginVersion': b.draftVersionId,
    'Mutation.revokeApiToken': bTokenId,
    'Mutation.submitVersion': b.draftVersionId,
    'Query.automation': bAutomationId,
    'Mutation.setAutomationEnabled': bAutomationId,
    'Mutation.deleteAutomation': bAutomationId,
    'Mutation.testAutomation': bAutomationId,
    'Mutation.disableWebhookEndpoint': bEndpointId,
    'Query.partner': bp.partnerId,
    'Mutation.decideDeal': bp.dealId,
    'Mutation.decideMdfClaim': bp.claimId,
    'Mutation.completeMdfClaim': bp.claimId,
    'Mutation.reimburseMdfClaim': bp.claimId,
    'Mutation.answerPartnerSupportTicket': bp.ticketId,
    'Mutation.closePartnerSupportTicket': bp.ticketId,
  };
  if (arg === 'id') return byOp[op] ?? b.installationId;
  if (arg === 'versionId') return byOp[op] ?? b.versionId;
  const byArg: Record<string, unknown> = {
    workspaceId: b.workspaceId,
    installationId: b.installationId,
    runId: b.runId,
    publisherId: b.publisher.id,
    pluginId: b.pluginId,
    targetVersionId: b.versionId,
    userId: b.users.pubDeveloper.id,
    keyId: b.publisher.keyId,
    ids: [b.notificationId],
    email: b.users.wsAdmin.email,
    publicKey: bPublicKeyPem,
    rating: 5,
    canaryPercent: 100,
    fromMajor: 1,
    minNoticeDays: 1,
    supportedMajors: 1,
    reminderDays: [1],
    sunsetAt: '2099-01-01T00:00:00Z',
    values: { apiKey: 'k' },
    settings: { marker: 'overwritten' },
    slug: `pub-matrix-${Math.random().toString(36).slice(2, 8)}`,
    partnerId: bp.partnerId,
    reviewId: bp.reviewId,
  };
  return byArg[arg];
}

function valueFor(op: string, name: string, type: GraphQLInputType): unknown {
  const known = idFor(op, name);
  if (known !== undefined) return known;
  const inner = getNullableType(type);
  if (isListType(inner)) return [valueFor(op, name, inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) || idFor(op, f.name) !== undefined).map((f) => [f.name, valueFor(op, f.name, f.type)]));
  }
  switch (inner.toString()) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2099-01-01T00:00:00Z';
    case 'JSON':
      return {};
    default:
      return `matrix-${name}`;
  }
}

/** Every scalar field reachable within `depth` levels (fields with required arguments skipped). */
function selection(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const parts: string[] = ['__typename'];
  for (const f of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(f.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(f.name);
    else if (depth > 1) {
      const sub = selection(named, depth - 1);
      if (sub) parts.push(`${f.name} { ${sub} }`);
    }
  }
  return parts.join(' ');
}

async function call(op: (typeof operations)[number], role: Role) {
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  let upload = false;
  for (const arg of op.field.args) {
    if (!isNonNullType(arg.type) && idFor(op.key, arg.name) === undefined) continue;
    defs.push(`$${arg.name}: ${arg.type.toString()}`);
    args.push(`${arg.name}: $${arg.name}`);
    if (getNamedType(arg.type).name === 'Upload') {
      upload = true;
      variables[arg.name] = null;
    } else variables[arg.name] = valueFor(op.key, arg.name, arg.type);
  }
  const returned = getNamedType(op.field.type);
  const sel = selection(returned, 3);
  const query = `${op.root === 'Query' ? 'query' : 'mutation'}${defs.length ? `(${defs.join(', ')})` : ''} { ${op.field.name}${args.length ? `(${args.join(', ')})` : ''}${sel ? ` { ${sel} }` : ''} }`;
  const headers: Record<string, string> = {};
  const token = role === 'anonymous' ? undefined : tokens[role];
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  if (upload) {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query, variables }));
    form.set('map', JSON.stringify({ 0: ['variables.bundle'] }));
    const bundle = b.publisher.bundle({ ...(await import('../support/registry-fixtures.js')).baseManifest({ id: b.pluginId, version: '9.0.0' }) });
    form.set('0', new Blob([JSON.stringify(bundle)], { type: 'application/json' }), 'bundle.nudge.json');
    res = await fetch(h.url, { method: 'POST', headers: { ...headers, 'graphql-require-preflight': '1' }, body: form });
  } else {
    res = await fetch(h.url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  }
  const text = await res.text();
  return { query, text, body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } };
}

describe('authorization matrix: operation × role × tenant B ids', () => {
  it('every operation in the schema has a rule (a new field cannot escape the matrix)', () => {
    expect(operations.map((o) => o.key).filter((k) => !RULES[k])).toEqual([]);
    expect(Object.keys(RULES).filter((k) => !operations.some((o) => o.key === k))).toEqual([]);
  });

  it('no role of tenant A, and no platform role beyond its rights, reads or changes tenant B', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const rule = RULES[op.key]!;
      for (const role of ROLES) {
        const { query, text, body } = await call(op, role);
        const allowed = rule.kind !== 'tenant' || (rule.allowed ?? []).includes(role);
        if (!allowed) {
          const code = body.errors?.[0]?.extensions?.code;
          const value = body.data?.[op.field.name];
          const refused = (code !== undefined && REFUSALS.has(code)) || (!body.errors && value === null);
          if (!refused) failures.push(`${op.key} as ${role} was not refused: ${text.slice(0, 300)}\n  ${query}`);
        }
        if (!(rule.kind === 'tenant' && allowed)) {
          for (const secret of b.secrets) if (text.includes(secret)) failures.push(`${op.key} as ${role} leaked ${secret}: ${text.slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("tenant B's installation, notification, tokens, publisher members, versions and partner records are unchanged", async () => {
    const db = h.database.db;
    const [inst] = await db.select().from(installations).where(eq(installations.id, b.installationId));
    expect(inst!.state).toBe('active');
    expect((inst!.settings as { marker: string }).marker).toBe(b.secrets[0]);
    const [note] = await db.select().from(notifications).where(eq(notifications.id, b.notificationId));
    expect(note!.readAt).toBeNull();
    expect(await db.select().from(apiTokens).where(and(eq(apiTokens.userId, b.users.wsAdmin.id), isNull(apiTokens.revokedAt)))).toHaveLength(1);
    expect(await db.select().from(publisherMembers).where(eq(publisherMembers.publisherId, b.publisher.id))).toHaveLength(2);
    const versions = await db.select().from(pluginVersions).where(eq(pluginVersions.pluginId, b.pluginId));
    // The one change the matrix allows: a platform admin may deprecate any version (with a policy-compliant sunset).
    expect(versions.map((v) => `${v.version}:${v.state}`).sort()).toEqual(['1.0.0:deprecated', '1.1.0:rejected']);
    expect(versions.find((v) => v.version === '1.0.0')!.sunsetAt!.toISOString()).toBe('2099-01-01T00:00:00.000Z');
    const [key] = await db.select().from(publisherKeys).where(eq(publisherKeys.publisherId, b.publisher.id));
    expect(key!.revokedAt).toBeNull();
    const [automation] = await db.select().from(automations).where(eq(automations.id, bAutomationId));
    expect(automation!.enabled).toBe(true);
    // Nobody outside B queued a run of B's automation (replayRun, testAutomation).
    const queued = await db.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.kind, JOB_KINDS.AUTOMATION_RUN));
    expect(queued.filter((j) => (j.payload as { automationId?: string }).automationId === bAutomationId)).toEqual([]);
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, bEndpointId));
    expect(endpoint!.enabled).toBe(true);
    // B's partner: members and referral codes untouched; its deal, tier review, MDF claim and support ticket changed only by the admin's decisions (the matrix answers "no").
    expect(await db.select().from(partnerMembers).where(eq(partnerMembers.partnerId, bp.partnerId))).toHaveLength(2);
    expect(await db.select().from(referralCodes).where(eq(referralCodes.partnerId, bp.partnerId))).toHaveLength(1);
    const [deal] = await db.select().from(dealRegistrations).where(eq(dealRegistrations.id, bp.dealId));
    expect(deal!.state).toBe('rejected');
    const [review] = await db.select().from(partnerTierReviews).where(eq(partnerTierReviews.id, bp.reviewId));
    expect(review!.state).toBe('rejected');
    const [claim] = await db.select().from(mdfClaims).where(eq(mdfClaims.id, bp.claimId));
    expect(claim!.state).toBe('rejected');
    // B's support ticket: answered and closed only by the internal team, and no ticket opened for B by anyone outside it.
    const tickets = await db.select().from(partnerSupportTickets).where(eq(partnerSupportTickets.partnerId, bp.partnerId));
    expect(tickets.map((t) => t.id)).toEqual([bp.ticketId]);
    expect(tickets[0]!.status).toBe('closed');
    expect(tickets[0]!.answer).toBe('matrix-answer');
    const [grant] = await db.select().from(partnerClientGrants).where(and(eq(partnerClientGrants.partnerId, bp.agencyId), isNull(partnerClientGrants.revokedAt)));
    expect(grant!.workspaceId).toBe(b.workspaceId);
  });
});
