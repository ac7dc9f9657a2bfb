// Writes fixtures/*.json (Typeform Responses, Webhooks and /me API replies in the documented
// shapes) and tests/webhook.test.json (form_response deliveries signed as Typeform signs them:
// `Typeform-Signature: sha256=<base64 HMAC-SHA256>`). Deterministic. Run: node scripts/generate-fixtures.mjs
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const API = 'https://api.typeform.com';
const FORM = 'lT4Z3j';
const SECRET = 'fixture-signing-secret';
const definition = {
  id: FORM,
  title: 'Join the newsletter',
  fields: [
    { id: 'Auxd6Itc4qgK', title: 'What is your name?', type: 'short_text', ref: 'name', properties: {} },
    { id: 'SMEUb7VJz92Q', title: 'Your e-mail?', type: 'email', ref: 'email', properties: {} },
    { id: 'k6TP9oLGgHjl', title: 'What are you interested in?', type: 'multiple_choice', ref: 'interest', properties: {} },
    { id: 'X4BgU2f1K6tG', title: 'Team size?', type: 'number', ref: 'team_size', properties: {} },
  ],
};
const answers = (n) => [
  { type: 'text', text: ['Ada', 'Grace', 'Alan', 'Linus'][n % 4], field: { id: 'Auxd6Itc4qgK', type: 'short_text', ref: 'name' } },
  { type: 'email', email: `lead${n}@example.com`, field: { id: 'SMEUb7VJz92Q', type: 'email', ref: 'email' } },
  { type: 'choice', choice: { label: ['Newsletter', 'Product updates', 'Events'][n % 3] }, field: { id: 'k6TP9oLGgHjl', type: 'multiple_choice', ref: 'interest' } },
  { type: 'number', number: 5 + n, field: { id: 'X4BgU2f1K6tG', type: 'number', ref: 'team_size' } },
];
const token = (n) => `a3a12ec67a1365927098a60610${String(7000 + n).padStart(6, '0')}`;
const at = (n) => new Date(Date.UTC(2025, 2, 3, 8, 15) - n * 600_000).toISOString().replace('.000Z', 'Z');

const write = (name, exchanges) => writeFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), `${JSON.stringify({ name, exchanges }, null, 1)}\n`);
const rateLimited = { status: 429, headers: { 'Retry-After': '2' }, body: { code: 'RATE_LIMITED', description: 'Too many requests, please wait before retrying.' } };
const expired = { status: 401, body: { code: 'AUTHENTICATION_FAILED', description: 'Authentication credentials not found on the Request Headers' } };

write('me', [{ request: { method: 'GET', url: `${API}/me` }, response: { status: 200, body: { alias: 'Ada L.', email: 'owner@example.com', language: 'en', user_id: '01HQ2Z5C7Y8K3M9N1P4R6T8V0W' } } }]);
write('me-expired', [{ request: { method: 'GET', url: `${API}/me` }, response: expired }]);
write('responses', [{
  request: { method: 'GET', url: `${API}/forms/${FORM}/responses`, query: { page_size: '100', completed: 'true', sort: 'submitted_at,desc' } },
  response: { status: 200, body: { total_items: 3, page_count: 1, items: [0, 1, 2].map((n) => ({
    landing_id: token(n), token: token(n), response_id: token(n), landed_at: at(n + 1), submitted_at: at(n),
    metadata: { user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15', platform: 'other', referer: `https://form.typeform.com/to/${FORM}`, network_id: 'responsdent-net', browser: 'default' },
    hidden: n === 2 ? { utm_source: 'newsletter' } : {}, calculated: { score: 0 }, answers: n === 2 ? null : answers(n),
  })) } },
}]);
write('responses-throttled', [{ request: { method: 'GET', url: `${API}/forms/${FORM}/responses` }, response: rateLimited }]);
write('responses-expired', [{ request: { method: 'GET', url: `${API}/forms/${FORM}/responses` }, response: expired }]);
write('webhooks', [
  { request: { method: 'PUT', url: `${API}/forms/${FORM}/webhooks/nudgecampaign-test-installation`, bodyIncludes: 'hooks.nudgecampaign.test' },
    response: { status: 200, body: { id: '01HQ31ABCDEF0123456789WXYZ', form_id: FORM, tag: 'nudgecampaign-test-installation', url: 'https://hooks.nudgecampaign.test/w/abc123', enabled: true, verify_ssl: true, event_types: { form_response: true }, created_at: '2025-03-01T10:00:00.000000Z', updated_at: '2025-03-01T10:00:00.000000Z' } } },
  { request: { method: 'DELETE', url: `${API}/forms/${FORM}/webhooks/nudgecampaign-test-installation` }, response: { status: 204 } },
]);
write('webhooks-form-missing', [
  { request: { method: 'PUT', url: `${API}/forms/nope00/webhooks/nudgecampaign-test-installation` }, response: { status: 404, body: { code: 'FORM_NOT_FOUND', description: 'Non existing form with uid nope00' } } },
]);

const delivery = { event_id: '01HQ31XYZ0PQRSTUV123456789', event_type: 'form_response', form_response: { form_id: FORM, token: token(0), landed_at: at(1), submitted_at: at(0), hidden: { utm_source: 'instagram' }, calculated: { score: 0 }, definition, answers: answers(0) } };
const raw = JSON.stringify(delivery);
const sign = (body, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`;
const request = (headers, rawBody = raw) => ({ method: 'POST', path: '/webhooks/typeform', headers: { 'content-type': 'application/json', ...headers }, query: {}, body: JSON.parse(rawBody), rawBody });
const settings = { formId: FORM, signingSecret: SECRET };
writeFileSync(new URL('../tests/webhook.test.json', import.meta.url), `${JSON.stringify([
  { name: 'formResponse accepts a signed delivery and maps it to a lead', kind: 'webhook', target: 'formResponse', settings, fixtures: [], input: { request: request({ 'typeform-signature': sign(raw) }) },
    expect: { ok: true, count: 1, output: { verified: true, items: [{ responseId: token(0), formId: FORM, email: 'lead0@example.com', answers: { name: 'Ada', interest: 'Newsletter', team_size: 5 }, hidden: { utm_source: 'instagram' } }] } } },
  { name: 'formResponse rejects a delivery signed with another secret', kind: 'webhook', target: 'formResponse', settings, fixtures: [], input: { request: request({ 'typeform-signature': sign(raw, 'not-our-secret') }) },
    expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'formResponse rejects a tampered body', kind: 'webhook', target: 'formResponse', settings, fixtures: [], input: { request: request({ 'typeform-signature': sign(raw) }, raw.replace('lead0@', 'evil0@')) },
    expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'formResponse rejects an unsigned delivery', kind: 'webhook', target: 'formResponse', settings, fixtures: [], input: { request: request({}) },
    expect: { ok: true, count: 0, output: { verified: false } } },
], null, 1)}\n`);
