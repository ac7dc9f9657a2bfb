// Writes fixtures/*.json (Segment HTTP Tracking API replies: 200 { success: true }, 400/401/429)
// and tests/webhook.test.json (calls as the Segment Webhooks destination sends them, signed
// `X-Signature: <hex HMAC-SHA1 of the body>` with the shared secret). Run: node scripts/generate-fixtures.mjs
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const API = 'https://api.segment.io/v1';
const write = (name, exchanges) => writeFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), `${JSON.stringify({ name, exchanges }, null, 1)}\n`);
const ok = { status: 200, body: { success: true } };
write('batch', [{ request: { method: 'POST', url: `${API}/batch` }, response: ok }]);
write('batch-unauthorized', [{ request: { method: 'POST', url: `${API}/batch` }, response: { status: 401, body: 'Invalid write key' } }]);
write('track', [
  { request: { method: 'POST', url: `${API}/track`, bodyIncludes: 'Email Opened' }, response: ok },
  { request: { method: 'POST', url: `${API}/track`, bodyIncludes: 'Busy Event' }, response: { status: 429, headers: { 'Retry-After': '5' }, body: 'Too Many Requests' } },
]);
write('identify', [
  { request: { method: 'POST', url: `${API}/identify`, bodyIncludes: 'ada@example.com' }, response: ok },
  { request: { method: 'POST', url: `${API}/identify`, bodyIncludes: 'revoked@example.com' }, response: { status: 401, body: 'Invalid write key' } },
]);

const SECRET = 'fixture-shared-secret';
const track = { anonymousId: '507f191e810c19729de860ea', context: { ip: '203.0.113.7', library: { name: 'analytics.js', version: '2.11.1' }, page: { path: '/pricing', title: 'Pricing' }, userAgent: 'Mozilla/5.0' }, event: 'Order Completed', integrations: {}, messageId: 'ajs-next-69e2d4f5', originalTimestamp: '2025-03-03T08:14:59.980Z', properties: { order_id: '50314b8e9bcf000000000000', revenue: 42.5, currency: 'USD' }, receivedAt: '2025-03-03T08:15:00.210Z', sentAt: '2025-03-03T08:15:00.000Z', timestamp: '2025-03-03T08:15:00.190Z', type: 'track', userId: 'u_42', version: 2 };
const identify = { anonymousId: '507f191e810c19729de860ea', context: { library: { name: 'analytics.js', version: '2.11.1' } }, messageId: 'ajs-next-1a2b3c4d', traits: { email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' }, timestamp: '2025-03-03T08:16:00.000Z', type: 'identify', userId: 'u_42', version: 2 };
const page = { ...track, type: 'page', messageId: 'ajs-next-page', name: 'Pricing', event: undefined };
const sign = (raw, secret = SECRET) => createHmac('sha1', secret).update(raw).digest('hex');
const request = (payload, signature) => {
  const raw = JSON.stringify(payload);
  return { method: 'POST', path: '/webhooks/segment', headers: { 'content-type': 'application/json', 'user-agent': 'Segment.io/1.0', ...(signature === null ? {} : { 'x-signature': signature ?? sign(raw) }) }, query: {}, body: JSON.parse(raw), rawBody: raw };
};
const settings = { sharedSecret: SECRET };
writeFileSync(new URL('../tests/webhook.test.json', import.meta.url), `${JSON.stringify([
  { name: 'segmentEvent ingests a signed track call', kind: 'webhook', target: 'segmentEvent', settings, fixtures: [], input: { request: request(track) },
    expect: { ok: true, count: 1, output: { verified: true, items: [{ type: 'track', event: 'Order Completed', userId: 'u_42', properties: { revenue: 42.5 } }] } } },
  { name: 'segmentEvent ingests a signed identify call', kind: 'webhook', target: 'segmentEvent', settings, fixtures: [], input: { request: request(identify) },
    expect: { ok: true, count: 1, output: { verified: true, items: [{ type: 'identify', event: null, traits: { email: 'ada@example.com' } }] } } },
  { name: 'segmentEvent ignores other call types', kind: 'webhook', target: 'segmentEvent', settings, fixtures: [], input: { request: request(page) },
    expect: { ok: true, count: 0, output: { verified: true } } },
  { name: 'segmentEvent refuses a call signed with another secret', kind: 'webhook', target: 'segmentEvent', settings, fixtures: [], input: { request: request(track, sign(JSON.stringify(track), 'other')) },
    expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'segmentEvent refuses an unsigned call', kind: 'webhook', target: 'segmentEvent', settings, fixtures: [], input: { request: request(track, null) },
    expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'segmentEvent refuses every call until a shared secret is set', kind: 'webhook', target: 'segmentEvent', settings: {}, fixtures: [], input: { request: request(track) },
    expect: { ok: true, count: 0, output: { verified: false } } },
], null, 1)}\n`);
