// Writes fixtures/*.json (Calendly API v2 replies: users/me, webhook_subscriptions) and
// tests/webhook.test.json (invitee.created deliveries signed as Calendly signs them:
// `Calendly-Webhook-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">`). Deterministic.
// Signed tests use a timestamp in 2100 so they stay inside the replay window; one uses 2020 to
// prove replays are refused. Run: node scripts/generate-fixtures.mjs
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const API = 'https://api.calendly.com';
const KEY = 'fixture-signing-key';
const USER = `${API}/users/AAAAAAAAAAAAAAAA`;
const ORG = `${API}/organizations/BBBBBBBBBBBBBBBB`;
const HOOK = 'https://hooks.nudgecampaign.test/w/cal123';
const write = (name, exchanges) => writeFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), `${JSON.stringify({ name, exchanges }, null, 1)}\n`);
const me = { resource: { avatar_url: null, created_at: '2023-01-02T03:04:05.678123Z', current_organization: ORG, email: 'owner@example.com', locale: 'en', name: 'Demo Owner', resource_type: 'User', scheduling_url: 'https://calendly.com/demo-owner', slug: 'demo-owner', timezone: 'Europe/London', updated_at: '2024-08-01T10:00:00.000000Z', uri: USER } };
const expired = { status: 401, body: { title: 'Unauthenticated', message: 'The access token is invalid' } };
const subscription = { resource: { callback_url: HOOK, created_at: '2025-03-01T10:00:00.000000Z', creator: USER, events: ['invitee.created'], organization: ORG, retry_started_at: null, scope: 'user', state: 'active', updated_at: '2025-03-01T10:00:00.000000Z', uri: `${API}/webhook_subscriptions/CCCCCCCCCCCCCCCC`, user: USER } };

write('users-me', [{ request: { method: 'GET', url: `${API}/users/me` }, response: { status: 200, body: me } }]);
write('users-me-expired', [{ request: { method: 'GET', url: `${API}/users/me` }, response: expired }]);
write('webhook-subscriptions', [
  { request: { method: 'POST', url: `${API}/webhook_subscriptions`, bodyIncludes: HOOK }, response: { status: 201, body: subscription } },
  { request: { method: 'DELETE', url: `${API}/webhook_subscriptions/CCCCCCCCCCCCCCCC` }, response: { status: 204 } },
]);
write('webhook-subscriptions-conflict', [
  { request: { method: 'POST', url: `${API}/webhook_subscriptions` }, response: { status: 409, body: { title: 'Already Exists', message: 'Hook with this url already exists' } } },
]);
write('webhook-subscriptions-throttled', [
  { request: { method: 'POST', url: `${API}/webhook_subscriptions` }, response: { status: 429, headers: { 'Retry-After': '30', 'X-RateLimit-Limit': '120', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' }, body: { title: 'Too Many Requests', message: 'You have exceeded the rate limit. Please try again later.' } } },
]);

const EVENT = `${API}/scheduled_events/GBGBDCAADAEDCRZ2`;
const delivery = {
  created_at: '2025-03-03T08:15:00.000000Z',
  created_by: USER,
  event: 'invitee.created',
  payload: {
    cancel_url: 'https://calendly.com/cancellations/AAAAAAAAAAAAAAAA',
    created_at: '2025-03-03T08:15:00.000000Z',
    email: 'ada@example.com',
    event: EVENT,
    first_name: 'Ada',
    last_name: 'Lovelace',
    name: 'Ada Lovelace',
    new_invitee: null,
    no_show: null,
    old_invitee: null,
    payment: null,
    questions_and_answers: [{ answer: 'Pricing for 20 seats', position: 0, question: 'What would you like to discuss?' }],
    reconfirmation: null,
    reschedule_url: 'https://calendly.com/reschedulings/AAAAAAAAAAAAAAAA',
    rescheduled: false,
    routing_form_submission: null,
    scheduled_event: {
      created_at: '2025-03-03T08:15:00.000000Z',
      end_time: '2025-03-10T10:30:00.000000Z',
      event_guests: [],
      event_memberships: [{ user: USER, user_email: 'owner@example.com', user_name: 'Demo Owner' }],
      event_type: `${API}/event_types/GBGBDCAADAEDCRZ2`,
      invitees_counter: { active: 1, limit: 1, total: 1 },
      location: { join_url: 'https://calendly.zoom.us/j/123456789', status: 'pushed', type: 'zoom' },
      name: '30 Minute Meeting',
      start_time: '2025-03-10T10:00:00.000000Z',
      status: 'active',
      updated_at: '2025-03-03T08:15:00.000000Z',
      uri: EVENT,
    },
    status: 'active',
    text_reminder_number: null,
    timezone: 'Europe/London',
    tracking: { c_campaign: null, salesforce_uuid: null, utm_campaign: 'spring', utm_content: null, utm_medium: 'email', utm_source: 'nudgecampaign', utm_term: null },
    updated_at: '2025-03-03T08:15:00.000000Z',
    uri: `${EVENT}/invitees/AAAAAAAAAAAAAAAA`,
  },
};
const raw = JSON.stringify(delivery);
const sign = (t, body = raw, key = KEY) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
const FUTURE = 4102444800; // 2100-01-01
const request = (headers, rawBody = raw) => ({ method: 'POST', path: '/webhooks/calendly', headers: { 'content-type': 'application/json', ...headers }, query: {}, body: JSON.parse(rawBody), rawBody });
const settings = { signingKey: KEY };
writeFileSync(new URL('../tests/webhook.test.json', import.meta.url), `${JSON.stringify([
  { name: 'inviteeCreated accepts a signed delivery and maps the booking', kind: 'webhook', target: 'inviteeCreated', settings, fixtures: [], input: { request: request({ 'calendly-webhook-signature': sign(FUTURE) }) },
    expect: { ok: true, count: 1, output: { verified: true, items: [{ email: 'ada@example.com', name: 'Ada Lovelace', eventName: '30 Minute Meeting', startTime: '2025-03-10T10:00:00.000000Z', joinUrl: 'https://calendly.zoom.us/j/123456789', answers: [{ answer: 'Pricing for 20 seats' }], utm: { utm_source: 'nudgecampaign' } }] } } },
  { name: 'inviteeCreated rejects a replayed delivery (old timestamp)', kind: 'webhook', target: 'inviteeCreated', settings, fixtures: [], input: { request: request({ 'calendly-webhook-signature': sign(1577836800) }) },
    expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'inviteeCreated rejects a delivery signed with another key', kind: 'webhook', target: 'inviteeCreated', settings, fixtures: [], input: { request: request({ 'calendly-webhook-signature': sign(FUTURE, raw, 'other-key') }) },
    expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'inviteeCreated rejects a tampered body', kind: 'webhook', target: 'inviteeCreated', settings, fixtures: [], input: { request: request({ 'calendly-webhook-signature': sign(FUTURE) }, raw.replace('ada@example.com', 'eve@example.com')) },
    expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'inviteeCreated rejects an unsigned delivery', kind: 'webhook', target: 'inviteeCreated', settings, fixtures: [], input: { request: request({}) },
    expect: { ok: true, count: 0, output: { verified: false } } },
], null, 1)}\n`);
