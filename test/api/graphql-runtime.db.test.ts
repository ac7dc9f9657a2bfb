/**
 * The connector runtime through GraphQL, over real HTTP: a workspace admin
 * creates an automation (a Shopify-like polling trigger → NudgeCampaign's
 * native upsert_contact), the runtime runs it end to end (trigger events →
 * filters → mapping → native action), the run and its steps are read back,
 * a failed run is replayed by hand; syncs show their status and "sync now"
 * queues one run; outbound webhook endpoints are created (secret once),
 * listed and disabled; platform admins list and requeue dead letters.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { contacts } from '../../core/src/db/schema/contacts.js';
import { jobs } from '../../core/src/db/schema/runtime.js';
import { testDatabaseKind } from '../../core/src/db/test-database.js';
import { runtimeJobHandlers } from '../../core/src/runtime/connector-runtime.js';
import { JobWorker } from '../../core/src/runtime/jobs/job-worker.js';
import { ensureNativePlugin, NATIVE_PLUGIN_ID } from '../../core/src/runtime/native/native-plugin.js';
import type { RuntimeDeps } from '../../core/src/runtime/runtime-deps.js';
import { insertActiveInstallation, insertRunnablePlugin } from '../../core/src/runtime/testing/plugin-fixtures.js';
import { SHOP_CODE, SHOP_MANIFEST } from '../../core/src/runtime/testing/shop-plugin-fixture.js';
import { fanOutEvents } from '../../core/src/runtime/triggers/trigger-events.js';
import { platformUser, seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';

let h: Harness;
let a: Tenant;
let adminToken: string;
let shopInstallationId: string;
let nativeInstallationId: string;
let worker: JobWorker;

beforeAll(async () => {
  h = await startHarness();
  a = await seedTenant(h, 'A');
  adminToken = (await platformUser(h, 'admin')).token;
  const shop = await insertRunnablePlugin(h.database.db, {
    manifest: { ...SHOP_MANIFEST, id: `shop-${randomBytes(3).toString('hex')}`, syncs: { orders: { title: 'Orders', description: 'Every order.', model: 'order' } } },
    code: SHOP_CODE,
  });
  shopInstallationId = (await insertActiveInstallation(h.database.db, { ...shop, workspaceId: a.workspaceId })).id;
  const nativeVersion = await ensureNativePlugin(h.database.db);
  nativeInstallationId = (await insertActiveInstallation(h.database.db, { pluginId: NATIVE_PLUGIN_ID, versionId: nativeVersion, workspaceId: a.workspaceId })).id;
  const deps: RuntimeDeps = { db: h.database.db, sandbox: undefined, clock: h.clock, logger: h.services.logger, publicUrl: 'https://nudge.example' };
  worker = new JobWorker({ db: h.database.db, clock: h.clock, handlers: runtimeJobHandlers(deps) });
});
afterAll(() => h?.close());

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => r.body.errors?.[0]?.extensions?.code;

const RUN_FIELDS = 'id kind name status attempt automationId replayOf steps errorCode errorMessage input output';

describe(`runtime over GraphQL on ${testDatabaseKind()}`, () => {
  let automationId: string;
  let failedRunId: string;

  it('creates an automation (workspace admins only) and lists it with its installations', async () => {
    const create = `mutation($input: CreateAutomationInput!) { createAutomation(input: $input) { id name enabled autoReplay triggerName actionName mapping filters triggerInstallation { id } actionInstallation { id } } }`;
    const input = {
      workspaceId: a.workspaceId,
      name: 'Orders become contacts',
      trigger: { installationId: shopInstallationId, name: 'new_order' },
      action: { installationId: nativeInstallationId, name: 'upsert_contact' },
      mapping: { email: '{{customer.email}}', firstName: '{{customer.first_name}}' },
      filters: [{ field: 'total_price', op: 'gte', value: 10 }],
    };
    expect(codeOf(await h.gql(create, { token: a.users.wsMember.token, variables: { input } }))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(create, { token: a.users.wsAdmin.token, variables: { input: { ...input, action: { ...input.action, name: 'nope' } } } }))).toBe('VALIDATION_FAILED');
    const r = await h.gql<{ createAutomation: { id: string } & Record<string, unknown> }>(create, { token: a.users.wsAdmin.token, variables: { input } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.createAutomation).toMatchObject({
      name: 'Orders become contacts',
      enabled: true,
      autoReplay: true,
      triggerName: 'new_order',
      actionName: 'upsert_contact',
      triggerInstallation: { id: shopInstallationId },
      actionInstallation: { id: nativeInstallationId },
      filters: input.filters,
    });
    automationId = r.body.data!.createAutomation.id;
    const list = await h.gql<{ workspace: { automations: { edges: Array<{ node: { id: string } }> } } }>(`query($id: ID!) { workspace(id: $id) { automations(first: 10) { edges { node { id } } } } }`, {
      token: a.users.wsMember.token,
      variables: { id: a.workspaceId },
    });
    expect(list.body.data!.workspace.automations.edges.map((e) => e.node.id)).toEqual([automationId]);
    expect(codeOf(await h.gql(`{ workspace(id: "${a.workspaceId}") { automations(first: 101) { edges { cursor } } } }`, { token: a.users.wsMember.token }))).toBe('PAGE_SIZE_EXCEEDED');
  });

  it('runs trigger → filter → mapping → native action end to end; the runs and their steps are readable', async () => {
    const order = (id: number, email: string, total: string) => ({ id, total_price: total, customer: { email, first_name: 'Ann' }, access_token: 'shpat_secret_value' });
    await fanOutEvents(h.database.db, {
      installationId: shopInstallationId,
      triggerName: 'new_order',
      events: [
        { key: 'o1', item: order(1, 'ann@example.test', '50.00') },
        { key: 'o2', item: order(2, 'not-an-email', '60.00') },
      ],
      now: h.clock.now(),
    });
    await worker.drain();
    const contactRows = await h.database.db.select().from(contacts).where(eq(contacts.workspaceId, a.workspaceId));
    expect(contactRows.map((c) => c.email)).toEqual(['ann@example.test']);

    const r = await h.gql<{ automation: { runs: { edges: Array<{ node: Record<string, any> }> } } }>(`query($id: ID!) { automation(id: $id) { runs(first: 10) { edges { node { ${RUN_FIELDS} } } } } }`, {
      token: a.users.wsMember.token,
      variables: { id: automationId },
    });
    expect(r.body.errors).toBeUndefined();
    const history = r.body.data!.automation.runs.edges.map((e) => e.node);
    expect(history.map((run) => run.status).sort()).toEqual(['failed', 'succeeded'].map((s) => s.toUpperCase()));
    const ok = history.find((run) => run.status === 'SUCCEEDED')!;
    expect(ok.steps.map((s: { name: string }) => s.name)).toEqual(['trigger', 'filter', 'map', 'action']);
    expect(ok).toMatchObject({ kind: 'automation', automationId, replayOf: null, attempt: 1 });
    expect(JSON.stringify(r.body)).not.toContain('shpat_secret_value');
    const failed = history.find((run) => run.status === 'FAILED')!;
    expect(failed.errorCode).toBe('INVALID_INPUT');
    expect(failed.steps.at(-1)).toMatchObject({ name: 'action', error: { code: 'INVALID_INPUT' } });
    failedRunId = failed.id;
  });

  it('replays a failed run by hand (workspace admins only): a new run points at the one it replays', async () => {
    const replay = `mutation($id: ID!) { replayRun(runId: $id) { jobId replayOf } }`;
    expect(codeOf(await h.gql(replay, { token: a.users.wsMember.token, variables: { id: failedRunId } }))).toBe('FORBIDDEN');
    const r = await h.gql<{ replayRun: { jobId: string; replayOf: string } }>(replay, { token: a.users.wsAdmin.token, variables: { id: failedRunId } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.replayRun.replayOf).toBe(failedRunId);
    await worker.drain();
    const runs = await h.gql<{ automation: { runs: { edges: Array<{ node: Record<string, any> }> } } }>(`{ automation(id: "${automationId}") { runs { edges { node { ${RUN_FIELDS} } } } } }`, { token: a.users.wsAdmin.token });
    const replayed = runs.body.data!.automation.runs.edges.map((e) => e.node).find((run) => run.replayOf === failedRunId)!;
    expect(replayed).toMatchObject({ attempt: 2, status: 'FAILED', errorCode: 'INVALID_INPUT', automationId });
    const single = await h.gql<{ run: Record<string, any> }>(`query($id: ID!) { run(id: $id) { id steps replayOf } }`, { token: a.users.wsMember.token, variables: { id: replayed.id } });
    expect(single.body.data!.run).toMatchObject({ id: replayed.id, replayOf: failedRunId });
    const [entry] = await h.database.db.select().from(auditLog).where(eq(auditLog.action, 'run.replayed'));
    expect(entry).toMatchObject({ targetId: failedRunId, actorUserId: a.users.wsAdmin.id });
  });

  it('disables and deletes the automation; its runs stay readable', async () => {
    const off = await h.gql<{ setAutomationEnabled: { enabled: boolean } }>(`mutation { setAutomationEnabled(id: "${automationId}", enabled: false) { enabled } }`, { token: a.users.wsAdmin.token });
    expect(off.body.data!.setAutomationEnabled.enabled).toBe(false);
    expect(codeOf(await h.gql(`mutation { deleteAutomation(id: "${automationId}") }`, { token: a.users.wsMember.token }))).toBe('FORBIDDEN');
    expect((await h.gql(`mutation { deleteAutomation(id: "${automationId}") }`, { token: a.users.wsAdmin.token })).body.data).toEqual({ deleteAutomation: true });
    expect((await h.gql(`{ automation(id: "${automationId}") { id } }`, { token: a.users.wsAdmin.token })).body.data).toEqual({ automation: null });
    expect((await h.gql<{ run: { id: string } }>(`{ run(id: "${failedRunId}") { id } }`, { token: a.users.wsAdmin.token })).body.data!.run.id).toBe(failedRunId);
  });

  it('shows sync status and queues "sync now" once per minute; schedules need at least a minute', async () => {
    const status = await h.gql<{ installation: { syncs: Array<Record<string, unknown>> } }>(`{ installation(id: "${shopInstallationId}") { syncs { name status recordsSynced progress intervalSeconds } } }`, { token: a.users.wsMember.token });
    expect(status.body.data!.installation.syncs).toEqual([{ name: 'orders', status: 'IDLE', recordsSynced: 0, progress: null, intervalSeconds: null }]);
    const now = `mutation { requestSync(installationId: "${shopInstallationId}", syncName: "orders") { jobId queued sync { name status } } }`;
    expect(codeOf(await h.gql(now, { token: a.users.wsMember.token }))).toBe('FORBIDDEN');
    const first = await h.gql<{ requestSync: { jobId: string; queued: boolean } }>(now, { token: a.users.wsAdmin.token });
    expect(first.body.data!.requestSync).toMatchObject({ queued: true, sync: { name: 'orders', status: 'IDLE' } });
    const second = await h.gql<{ requestSync: { jobId: string; queued: boolean } }>(now, { token: a.users.wsAdmin.token });
    // The same minute: no second run piles up (unless the minute just turned).
    if (second.body.data!.requestSync.jobId === first.body.data!.requestSync.jobId) expect(second.body.data!.requestSync.queued).toBe(false);
    const [job] = await h.database.db.select().from(jobs).where(eq(jobs.id, Number(first.body.data!.requestSync.jobId)));
    expect(job).toMatchObject({ kind: 'sync.run', payload: { installationId: shopInstallationId, syncName: 'orders' } });
    expect(codeOf(await h.gql(`mutation { requestSync(installationId: "${shopInstallationId}", syncName: "nope") { jobId } }`, { token: a.users.wsAdmin.token }))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(`mutation { configureSync(installationId: "${shopInstallationId}", syncName: "orders", intervalSeconds: 30) { name } }`, { token: a.users.wsAdmin.token }))).toBe('VALIDATION_FAILED');
    const configured = await h.gql<{ configureSync: Record<string, unknown> }>(`mutation { configureSync(installationId: "${shopInstallationId}", syncName: "orders", intervalSeconds: 900, detectDeletions: true) { name intervalSeconds detectDeletions } }`, { token: a.users.wsAdmin.token });
    expect(configured.body.data!.configureSync).toEqual({ name: 'orders', intervalSeconds: 900, detectDeletions: true });
  });

  it('creates an outbound webhook endpoint (secret shown once, SSRF-guarded), lists it without the secret and disables it', async () => {
    const create = `mutation($url: String!) { createWebhookEndpoint(workspaceId: "${a.workspaceId}", url: $url, events: ["run.failed"]) { secret endpoint { id url events enabled } } }`;
    expect(codeOf(await h.gql(create, { token: a.users.wsMember.token, variables: { url: 'https://93.184.216.34/hook' } }))).toBe('FORBIDDEN');
    const refused = await h.gql(create, { token: a.users.wsAdmin.token, variables: { url: 'https://127.0.0.1/hook' } });
    expect(codeOf(refused)).toBe('VALIDATION_FAILED');
    const r = await h.gql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; enabled: boolean; events: string[] } } }>(create, { token: a.users.wsAdmin.token, variables: { url: 'https://93.184.216.34/hook' } });
    expect(r.body.errors).toBeUndefined();
    const { secret, endpoint } = r.body.data!.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ enabled: true, events: ['run.failed'] });
    const list = await h.gql(`{ workspace(id: "${a.workspaceId}") { webhookEndpoints { edges { node { id url enabled } } } } }`, { token: a.users.wsMember.token });
    expect(list.text).toContain(endpoint.id);
    expect(list.text).not.toContain(secret);
    const off = await h.gql<{ disableWebhookEndpoint: { enabled: boolean; disabledReason: string } }>(`mutation { disableWebhookEndpoint(id: "${endpoint.id}") { enabled disabledReason } }`, { token: a.users.wsAdmin.token });
    expect(off.body.data!.disableWebhookEndpoint.enabled).toBe(false);
  });

  it('lets platform admins list and requeue dead letters, audited; nobody else', async () => {
    const [dead] = await h.database.db.insert(jobs).values({ kind: 'sync.run', payload: { installationId: shopInstallationId, syncName: 'orders' }, state: 'dead', attempts: 10, lastError: 'UPSTREAM_DOWN: gave up', finishedAt: h.clock.now() }).returning();
    const list = `{ deadLetters(first: 100) { edges { node { id kind state attempts lastError } } } }`;
    expect(codeOf(await h.gql(list, { token: a.users.wsAdmin.token }))).toBe('FORBIDDEN');
    const r = await h.gql<{ deadLetters: { edges: Array<{ node: { id: string } }> } }>(list, { token: adminToken });
    expect(r.body.data!.deadLetters.edges.map((e) => e.node)).toContainEqual({ id: String(dead!.id), kind: 'sync.run', state: 'dead', attempts: 10, lastError: 'UPSTREAM_DOWN: gave up' });
    const requeue = `mutation { requeueDeadLetter(id: "${dead!.id}") { id state attempts } }`;
    expect(codeOf(await h.gql(requeue, { token: a.users.wsAdmin.token }))).toBe('FORBIDDEN');
    expect((await h.gql(requeue, { token: adminToken })).body.data).toEqual({ requeueDeadLetter: { id: String(dead!.id), state: 'queued', attempts: 0 } });
    expect(codeOf(await h.gql(requeue, { token: adminToken }))).toBe('NOT_FOUND');
    const [entry] = await h.database.db.select().from(auditLog).where(eq(auditLog.action, 'job.requeued'));
    expect(entry).toMatchObject({ targetType: 'job', targetId: String(dead!.id) });
  });
});
