import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { workspaces } from '../../db/schema/identity.js';
import { notifications } from '../../db/schema/notifications.js';
import { jobs, webhookDeliveries, webhookEndpoints } from '../../db/schema/runtime.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../db/test-database.js';
import { ValidationError } from '../../errors.js';
import { createLogger } from '../../observability/logger.js';
import { EgressGuard } from '../../sandbox/egress-guard.js';
import { TokenVault } from '../../vault/token-vault.js';
import { JobWorker } from '../jobs/job-worker.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { relayNotifications } from './notification-relay.js';
import { emitEvent } from './outbound-events.js';
import { webhookDeliveryJobHandler } from './webhook-delivery.js';
import { createWebhookEndpoint } from './webhook-endpoints.js';

let database: TestDatabase;
let receiver: http.Server;
let port: number;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let answer = 200;
let retryAfter: string | undefined;
const clock = new ManualClock(new Date());
const vault = new TokenVault([{ id: 'k1', key: randomBytes(32) }]);
// The explicit test allowance: this hostname, and only it, reaches the loopback receiver.
const testAllowance = () => ({ hostOverrides: { 'hooks.customer.example': { address: '127.0.0.1', port, protocol: 'http' as const } } });

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer, retryAfter ? { 'retry-after': retryAfter } : {}).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  receiver?.close();
  await database?.destroy();
});

async function workspace() {
  const [ws] = await database.db.insert(workspaces).values({ slug: `ws-${randomBytes(4).toString('hex')}`, name: 'W' }).returning();
  return ws!.id;
}

describe(`outbound webhooks on ${testDatabaseKind()}`, () => {
  it('refuses endpoint URLs the SSRF guard refuses: plain http, loopback, and hosts resolving to private ranges', async () => {
    const workspaceId = await workspace();
    const stubbed = new EgressGuard({ resolver: async (host) => (host === 'internal.customer.example' ? [{ address: '10.1.2.3', family: 4 }] : [{ address: '93.184.216.34', family: 4 }]) });
    const create = (url: string, guard = stubbed) => createWebhookEndpoint(database.db, { vault, guard }, { workspaceId, url, now: clock.now() });
    await expect(create('http://hooks.public.example/x')).rejects.toMatchObject({ details: { reason: 'SCHEME_NOT_ALLOWED' } });
    await expect(create('https://127.0.0.1/x')).rejects.toMatchObject({ details: { reason: 'ADDRESS_NOT_ALLOWED' } });
    await expect(create('https://[::ffff:169.254.169.254]/x')).rejects.toMatchObject({ details: { reason: 'ADDRESS_NOT_ALLOWED' } });
    await expect(create('https://internal.customer.example/x')).rejects.toBeInstanceOf(ValidationError);
    await expect(create('https://user:pw@hooks.public.example/x')).rejects.toMatchObject({ details: { reason: 'URL_CREDENTIALS' } });
    // The stubbed resolver answers a public address: accepted, and nothing was sent anywhere.
    const ok = await create('https://hooks.public.example/x');
    expect(ok.secret).toMatch(/^whsec_/);
    expect(ok.endpoint.secret).not.toContain(ok.secret.slice(6));
  });

  it('signs deliveries per Standard Webhooks, retries with the receiver’s Retry-After, and disables the endpoint on 410', async () => {
    const workspaceId = await workspace();
    const guard = new EgressGuard({ ...testAllowance(), allowInsecureHosts: ['hooks.customer.example'] });
    const { endpoint, secret } = await createWebhookEndpoint(database.db, { vault, guard }, { workspaceId, url: 'http://hooks.customer.example/nudge', events: ['sync.completed', 'run.failed'], now: clock.now() });
    const deps: RuntimeDeps = { db: database.db, sandbox: undefined, clock, logger: createLogger('silent'), publicUrl: 'http://127.0.0.1', vault, outboundEgress: guard };
    const worker = new JobWorker({ db: database.db, clock, handlers: [webhookDeliveryJobHandler(deps)] });

    clock.advance(1000);
    expect(await emitEvent(database.db, { workspaceId, type: 'version.deprecated', data: {}, now: clock.now() })).toBe(0); // not subscribed
    expect(await emitEvent(database.db, { workspaceId, type: 'sync.completed', id: 'evt_1', data: { records: 1000 }, now: clock.now() })).toBe(1);
    expect(await emitEvent(database.db, { workspaceId, type: 'sync.completed', id: 'evt_1', data: { records: 1000 }, now: clock.now() })).toBe(0); // same event id

    answer = 503;
    retryAfter = '120';
    await worker.drain();
    const [job] = await database.db.select().from(jobs).where(eq(jobs.kind, 'webhook.deliver'));
    expect(job!.runAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(120_000);
    expect((await database.db.select().from(webhookDeliveries))[0]).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });

    answer = 204;
    retryAfter = undefined;
    clock.set(job!.runAt);
    await worker.drain();
    const last = received.at(-1)!;
    const verified = new Webhook(secret).verify(last.body, { 'webhook-id': String(last.headers['webhook-id']), 'webhook-timestamp': String(last.headers['webhook-timestamp']), 'webhook-signature': String(last.headers['webhook-signature']) });
    expect(verified).toMatchObject({ type: 'sync.completed', data: { records: 1000 } });
    expect(last.headers['webhook-id']).toBe('evt_1');
    expect(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(last.body, last.headers as Record<string, string>)).toThrow();
    expect((await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, 'evt_1')))[0]).toMatchObject({ status: 'delivered', attempts: 2 });

    answer = 410;
    await emitEvent(database.db, { workspaceId, type: 'run.failed', id: 'evt_2', data: {}, now: clock.now() });
    await worker.drain();
    expect((await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]).toMatchObject({ enabled: false });
    expect((await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, 'evt_2')))[0]).toMatchObject({ status: 'abandoned' });
    expect(await emitEvent(database.db, { workspaceId, type: 'run.failed', data: {}, now: clock.now() })).toBe(0);
  });

  it('relays needs_reauth and deprecation notifications as events, once each', async () => {
    const workspaceId = await workspace();
    const guard = new EgressGuard({ ...testAllowance(), allowInsecureHosts: ['hooks.customer.example'] });
    await createWebhookEndpoint(database.db, { vault, guard }, { workspaceId, url: 'http://hooks.customer.example/all', now: clock.now() });
    clock.advance(1000);
    await database.db.insert(notifications).values([
      { workspaceId, kind: 'installation.needs_reauth', title: 'Reconnect shopify', body: 'b', createdAt: clock.now() },
      { workspaceId, kind: 'version.sunset_reminder', title: 'other', body: 'b', createdAt: clock.now() },
    ]);
    expect(await relayNotifications({ db: database.db, clock })).toBe(1);
    expect(await relayNotifications({ db: database.db, clock })).toBe(0);
  });
});
