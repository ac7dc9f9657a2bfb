import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { contactTags, contacts, tags } from '../../db/schema/contacts.js';
import { triggerSubscriptions } from '../../db/schema/runtime-triggers.js';
import { jobs, runs, triggerSeenKeys } from '../../db/schema/runtime.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../db/test-database.js';
import { createLogger } from '../../observability/logger.js';
import { SandboxSupervisor } from '../../sandbox/sandbox-supervisor.js';
import { JOB_KINDS } from '../job-kinds.js';
import { JobWorker } from '../jobs/job-worker.js';
import { runtimeJobHandlers } from '../connector-runtime.js';
import { ensureNativePlugin, NATIVE_PLUGIN_ID } from '../native/native-plugin.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { insertActiveInstallation, insertRunnablePlugin } from '../testing/plugin-fixtures.js';
import { SHOP_CODE, SHOP_MANIFEST, SHOP_WEBHOOK_SECRET, shopifyHmac, startShopUpstream, type ShopUpstream } from '../testing/shop-plugin-fixture.js';
import { shopifyOverride } from '../testing/shopify-fixture.js';
import { scheduleDueWork } from '../triggers/runtime-schedule.js';
import { inboundWebhookRoutes } from '../webhooks/inbound-webhook-route.js';
import { AUTOREPLAY_SCHEDULE_MS, replayRun } from './automation-runner.js';
import { createAutomation, setAutomationEnabled } from './automation-service.js';

let database: TestDatabase;
let sandbox: SandboxSupervisor;
let upstream: ShopUpstream;
let deps: RuntimeDeps;
let worker: JobWorker;
let shopId: string;
let nativeId: string;
let workspaceId: string;
const clock = new ManualClock('2027-03-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  upstream = await startShopUpstream();
  sandbox = await SandboxSupervisor.start({ workers: 1, db: database.db, egress: { hostOverrides: shopifyOverride(upstream.port) } });
  deps = { db: database.db, sandbox, clock, logger: createLogger('silent'), publicUrl: 'https://nudge.example' };
  worker = new JobWorker({ db: database.db, clock, handlers: runtimeJobHandlers(deps) });
  const shop = await insertRunnablePlugin(database.db, { manifest: SHOP_MANIFEST, code: SHOP_CODE });
  const inst = await insertActiveInstallation(database.db, { ...shop, settings: { webhookSecret: SHOP_WEBHOOK_SECRET } });
  shopId = inst.id;
  workspaceId = inst.workspaceId;
  const nativeVersion = await ensureNativePlugin(database.db);
  expect(await ensureNativePlugin(database.db)).toBe(nativeVersion);
  nativeId = (await insertActiveInstallation(database.db, { pluginId: NATIVE_PLUGIN_ID, versionId: nativeVersion, workspaceId })).id;
});
afterAll(async () => {
  await sandbox?.stop();
  await upstream?.close();
  await database?.destroy();
});

const order = (id: number, email: string, total: string) => ({ id, name: `#${1000 + id}`, email, total_price: total, customer: { email, first_name: email.split('@')[0] }, access_token: 'shpat_secret_value' });
const contactEmails = async () => (await database.db.select({ email: contacts.email }).from(contacts).where(eq(contacts.workspaceId, workspaceId))).map((c) => c.email).sort();

describe(`automations on ${testDatabaseKind()}`, () => {
  it('polls on the plan interval, takes a baseline first, then runs filtered, mapped native actions once per new item', async () => {
    upstream.orders.push(order(1, 'old@example.test', '20.00'), order(2, 'older@example.test', '30.00'));
    await createAutomation(database.db, {
      workspaceId,
      name: 'New orders become contacts',
      trigger: { installationId: shopId, name: 'new_order' },
      action: { installationId: nativeId, name: 'upsert_contact' },
      mapping: { email: '{{customer.email}}', firstName: '{{customer.first_name}}', attributes: { lastOrder: '{{name}}' } },
      filters: [{ field: 'total_price', op: 'gte', value: 10 }],
    }, clock.now());

    expect(await scheduleDueWork(deps)).toEqual({ polls: 1, syncs: 0 });
    await worker.drain();
    expect(await contactEmails()).toEqual([]); // baseline only
    expect(await database.db.select().from(triggerSeenKeys)).toHaveLength(2);

    upstream.orders.push(order(3, 'Ann@Example.test', '50.00'), order(4, 'bob@example.test', '5.00'));
    clock.advance(60_000);
    expect((await scheduleDueWork(deps)).polls).toBe(0); // starter plan: every 15 minutes
    clock.advance(840_000);
    expect((await scheduleDueWork(deps)).polls).toBe(1);
    await worker.drain();
    expect(await contactEmails()).toEqual(['ann@example.test']);
    const [ann] = await database.db.select().from(contacts).where(eq(contacts.email, 'ann@example.test'));
    expect(ann).toMatchObject({ firstName: 'Ann', attributes: { lastOrder: '#1003' } });

    const history = await database.db.select().from(runs).where(eq(runs.kind, 'automation'));
    expect(history.map((r) => [r.status, (r.output as { filtered?: boolean })?.filtered ?? false]).sort()).toEqual([['succeeded', false], ['succeeded', true]]);
    const annRun = history.find((r) => !(r.output as { filtered?: boolean }).filtered)!;
    expect((annRun.steps as Array<{ name: string }>).map((s) => s.name)).toEqual(['trigger', 'filter', 'map', 'action']);
    expect(JSON.stringify(annRun.steps)).not.toContain('shpat_secret_value');
    expect(JSON.stringify(annRun.input)).not.toContain('shpat_secret_value');

    clock.advance(900_000);
    await scheduleDueWork(deps);
    await worker.drain();
    expect(await database.db.select().from(runs).where(eq(runs.kind, 'automation'))).toHaveLength(2); // nothing new
  });

  it('subscribes a webhook trigger when enabled, accepts only verified deliveries once, and unsubscribes when disabled', async () => {
    const automation = await createAutomation(database.db, {
      workspaceId,
      name: 'Buyers get tagged',
      trigger: { installationId: shopId, name: 'order_created' },
      action: { installationId: nativeId, name: 'add_tag' },
      mapping: { email: '{{email}}', tag: 'shopify-buyer' },
    }, clock.now());
    await worker.drain();
    const [sub] = await database.db.select().from(triggerSubscriptions);
    expect(sub).toMatchObject({ installationId: shopId, triggerName: 'order_created', webhookUrl: `https://nudge.example/hooks/${shopId}/order_created`, subscription: { id: 9000 } });
    expect(JSON.parse(upstream.calls.find((c) => c.method === 'POST')!.body)).toMatchObject({ webhook: { address: sub!.webhookUrl } });

    const app = inboundWebhookRoutes(deps, { maxBodyBytes: 4096 });
    const raw = JSON.stringify(order(5, 'cy@example.test', '12.00'));
    const post = (body: string, hmac: string, id = 'delivery-5') =>
      app.request(`/hooks/${shopId}/order_created`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': hmac, 'x-shopify-webhook-id': id } });
    expect((await post(raw, shopifyHmac(raw, 'wrong-secret'))).status).toBe(401);
    expect(await database.db.select().from(jobs).where(eq(jobs.kind, JOB_KINDS.TRIGGER_EVENTS))).toHaveLength(0);
    const ok = await post(raw, shopifyHmac(raw));
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ accepted: true, events: 1 });
    expect((await post(raw, shopifyHmac(raw))).status).toBe(409); // replay
    const big = JSON.stringify({ pad: 'x'.repeat(5000) });
    expect((await post(big, shopifyHmac(big), 'big')).status).toBe(413);
    expect((await app.request(`/hooks/${shopId}/new_order`, { method: 'POST', body: raw })).status).toBe(404);

    await worker.drain();
    const tagged = await database.db
      .select({ email: contacts.email, tag: tags.name })
      .from(contactTags)
      .innerJoin(contacts, eq(contacts.id, contactTags.contactId))
      .innerJoin(tags, eq(tags.id, contactTags.tagId));
    expect(tagged).toEqual([{ email: 'cy@example.test', tag: 'shopify-buyer' }]);

    await setAutomationEnabled(database.db, automation.id, false, clock.advance(1000));
    await worker.drain();
    expect(upstream.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/admin/api/2024-10/webhooks/9000.json']);
    expect(await database.db.select().from(triggerSubscriptions)).toEqual([]);
  });

  it('keeps a failed run with its error, replays it on the autoreplay schedule and by hand', async () => {
    const automation = await createAutomation(database.db, {
      workspaceId,
      name: 'Broken mapping',
      trigger: { installationId: shopId, name: 'order_created' },
      action: { installationId: nativeId, name: 'start_campaign' },
      mapping: { email: '{{no_such_field}}', campaign: 'Welcome' },
    }, clock.now());
    await worker.drain(); // subscribe again
    const raw = JSON.stringify(order(6, 'dee@example.test', '99.00'));
    const app = inboundWebhookRoutes(deps);
    expect((await app.request(`/hooks/${shopId}/order_created`, { method: 'POST', body: raw, headers: { 'x-shopify-hmac-sha256': shopifyHmac(raw), 'x-shopify-webhook-id': 'delivery-6' } })).status).toBe(202);
    await worker.drain();
    const failedRuns = () => database.db.select().from(runs).where(and(eq(runs.automationId, automation.id), eq(runs.status, 'failed')));
    let failed = await failedRuns();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ errorCode: 'INVALID_INPUT', attempt: 1 });
    const actionStep = (failed[0]!.steps as Array<{ name: string; error?: { code: string } }>).at(-1)!;
    expect(actionStep).toMatchObject({ name: 'action', error: { code: 'INVALID_INPUT' } });

    for (let i = 0; i < AUTOREPLAY_SCHEDULE_MS.length; i++) {
      const [next] = await database.db.select().from(jobs).where(and(eq(jobs.kind, JOB_KINDS.AUTOMATION_RUN), eq(jobs.state, 'queued')));
      expect(next!.runAt.getTime() - clock.now().getTime()).toBe(AUTOREPLAY_SCHEDULE_MS[i]);
      clock.advance(AUTOREPLAY_SCHEDULE_MS[i]!);
      await worker.drain();
    }
    failed = await failedRuns();
    expect(failed.map((r) => r.attempt).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await database.db.select().from(jobs).where(and(eq(jobs.kind, JOB_KINDS.AUTOMATION_RUN), eq(jobs.state, 'queued')))).toEqual([]);

    // Fix the mapping, then replay the last failure by hand.
    await database.db.update((await import('../../db/schema/runtime.js')).automations).set({ mapping: { email: '{{email}}', campaign: 'Welcome' } }).where(eq((await import('../../db/schema/runtime.js')).automations.id, automation.id));
    const last = failed.find((r) => r.attempt === 6)!;
    await replayRun(database.db, last.id, clock.now());
    await worker.drain();
    const [replayed] = await database.db.select().from(runs).where(and(eq(runs.replayOf, last.id), eq(runs.status, 'succeeded')));
    expect(replayed).toMatchObject({ attempt: 7, output: { started: true } });
  });
});
