#!/usr/bin/env node
/**
 * Writes fixtures/*.json (and the signed webhook test) in the shapes of the WooCommerce REST API v3:
 * JSON arrays of at most 100 items limited with `_fields`, X-WP-Total / X-WP-TotalPages and Link
 * headers, WordPress error bodies `{ code, message, data: { status } }`, and webhook deliveries
 * signed with X-WC-Webhook-Signature. Deterministic (seeded): re-running it changes nothing.
 * Run: node scripts/generate-fixtures.mjs
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const STORE = 'https://nudge-demo.wpcomstaging.com';
const BASE = `${STORE}/wp-json/wc/v3`;
const PER_PAGE = 100;
const TOTAL = 1010; // ten full pages and one of 10: the certification gate needs 1,000 records per sync
const WEBHOOK_SECRET = 'wc_test_secret_2f9b7c1d4e6a8b0c'; // a test value for the signed fixtures

let seed = 0xc0ffee;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
/** WooCommerce *_gmt fields: ISO 8601 without a zone. */
const wcTime = (ms) => new Date(ms).toISOString().slice(0, 19);
const T0 = Date.parse('2022-01-01T00:00:00Z');
const T1 = Date.parse('2024-10-31T23:00:00Z');

const FIRST = ['Ada', 'Bruno', 'Carla', 'Dmitri', 'Esme', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Lars', 'Mina', 'Nils', 'Oona', 'Pedro'];
const LAST = ['Lovelace', 'Rossi', 'Mendes', 'Ivanov', 'Clarke', 'Weber', 'Hopper', 'Laurent', 'Sousa', 'Berg', 'Sato', 'Olsen'];
const CITIES = [['Lisbon', 'PT', 'LI'], ['Berlin', 'DE', 'BE'], ['Austin', 'US', 'TX'], ['Toronto', 'CA', 'ON'], ['Lyon', 'FR', 'ARA']];
const PRODUCTS = [[93, 'Woo Single #1', 'woo-single-1', 3], [22, 'Hoodie with Logo', 'woo-hoodie-logo', 45], [31, 'Beanie', 'woo-beanie', 18], [37, 'Belt', 'woo-belt', 55], [15, 'T-Shirt', 'woo-tshirt', 18], [44, 'Sunglasses', 'woo-sunglasses', 90]];

function write(file, value, pretty = true) {
  fs.writeFileSync(path.join(root, file), `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}
function billing(first, last, email, i) {
  const [city, country, state] = pick(CITIES);
  return { first_name: first, last_name: last, company: '', address_1: `${between(1, 400)} Market Street`, address_2: '', city, state, postcode: String(10000 + i), country, email, phone: rand() < 0.6 ? `+1512555${String(1000 + i).slice(-4)}` : '' };
}

const customers = [];
for (let i = 0; i < TOTAL; i++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const email = `${first}.${last}.${i}@example.com`.toLowerCase();
  const created = between(T0, T1 - 86_400_000 * 20);
  customers.push({
    id: 100 + i,
    date_created_gmt: wcTime(created),
    date_modified_gmt: wcTime(between(created, T1)),
    email,
    first_name: first,
    last_name: last,
    role: 'customer',
    username: email.split('@')[0],
    billing: billing(first, last, email, i),
    is_paying_customer: rand() < 0.7,
  });
}
function lineItem(i, n) {
  const [id, name, sku, price] = PRODUCTS[(i + n * 3) % PRODUCTS.length];
  const quantity = between(1, 3);
  return { id: 5000 + i * 4 + n, name, product_id: id, variation_id: 0, quantity, tax_class: '', subtotal: (price * quantity).toFixed(2), subtotal_tax: '0.00', total: (price * quantity).toFixed(2), total_tax: '0.00', taxes: [], meta_data: [], sku, price };
}
const orders = [];
for (let i = 0; i < TOTAL; i++) {
  const guest = rand() < 0.2;
  const c = customers[(i * 7) % customers.length];
  const created = between(Date.parse(`${c.date_created_gmt}Z`), T1);
  const items = Array.from({ length: rand() < 0.7 ? 1 : 2 }, (_, n) => lineItem(i, n));
  const subtotal = items.reduce((s, li) => s + Number(li.total), 0);
  const coupon = rand() < 0.2;
  const discount = coupon ? Math.round(subtotal * 10) / 100 : 0;
  const status = pick(['completed', 'completed', 'processing', 'on-hold', 'cancelled', 'refunded', 'pending']);
  orders.push({
    id: 2000 + i,
    number: String(2000 + i),
    status,
    currency: 'USD',
    date_created_gmt: wcTime(created),
    date_modified_gmt: wcTime(between(created, T1)),
    date_paid_gmt: ['completed', 'processing', 'refunded'].includes(status) ? wcTime(created + 60_000) : null,
    discount_total: discount.toFixed(2),
    total: (subtotal - discount + 5).toFixed(2),
    customer_id: guest ? 0 : c.id,
    billing: { ...c.billing, email: guest ? `guest.${i}@example.net` : c.email },
    line_items: items,
    coupon_lines: coupon ? [{ id: 9000 + i, code: 'welcome10', discount: discount.toFixed(2), discount_tax: '0.00', meta_data: [] }] : [],
  });
}

function paged(resource, records, extraFirst) {
  const pages = [];
  for (let s = 0; s < records.length; s += PER_PAGE) pages.push(records.slice(s, s + PER_PAGE));
  const headers = (n) => {
    const links = [];
    if (n > 1) links.push(`<${BASE}/${resource}?page=${n - 1}>; rel="prev"`);
    if (n < pages.length) links.push(`<${BASE}/${resource}?page=${n + 1}>; rel="next"`);
    return { 'Content-Type': 'application/json; charset=UTF-8', 'X-WP-Total': String(records.length), 'X-WP-TotalPages': String(pages.length), Link: links.join(', ') };
  };
  return [
    ...(extraFirst ?? []),
    ...pages.map((items, idx) => ({ request: { method: 'GET', url: `${BASE}/${resource}`, query: { per_page: String(PER_PAGE), page: String(idx + 1) } }, response: { status: 200, headers: headers(idx + 1), body: items } })),
  ];
}
const newestOrder = orders.reduce((m, o) => (o.date_modified_gmt > m.date_modified_gmt ? o : m));
const watermark = `${newestOrder.date_modified_gmt}Z`;
write('fixtures/customers-pages.json', { name: 'customers-pages', exchanges: paged('customers', customers) }, false);
write(
  'fixtures/orders-pages.json',
  {
    name: 'orders-pages',
    exchanges: paged('orders', orders, [
      // The incremental request (modified_after = the newest date_modified_gmt of the full run) comes first: page 1 of the full list also matches it.
      {
        request: { method: 'GET', url: `${BASE}/orders`, query: { per_page: String(PER_PAGE), page: '1', modified_after: watermark, dates_are_gmt: 'true' } },
        response: { status: 200, headers: { 'Content-Type': 'application/json; charset=UTF-8', 'X-WP-Total': '1', 'X-WP-TotalPages': '1' }, body: [newestOrder] },
      },
    ]),
  },
  false,
);

const wpError = (status, code, message) => ({ status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body: { code, message, data: { status } } });
const storeApi = (store) => `https://${store}.wpcomstaging.com/wp-json/wc/v3`;
write('fixtures/store-errors.json', {
  name: 'store-errors',
  exchanges: [
    { request: { method: 'GET', url: `${storeApi('busy-store')}/customers` }, response: { status: 429, headers: { 'Retry-After': '20', 'Content-Type': 'text/html' }, body: '<html><body><h1>429 Too Many Requests</h1></body></html>' } },
    { request: { method: 'GET', url: `${storeApi('revoked-keys')}/orders` }, response: wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.') },
    { request: { method: 'GET', url: `${storeApi('no-woo')}/orders` }, response: wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.') },
    { request: { method: 'POST', url: `${storeApi('busy-store')}/coupons` }, response: { status: 429, headers: { 'Retry-After': '20' }, body: '' } },
  ],
});

write('fixtures/auth.json', {
  name: 'auth',
  exchanges: [{ request: { method: 'GET', url: `${BASE}/orders`, query: { per_page: '1' } }, response: { status: 200, headers: { 'X-WP-Total': String(TOTAL), 'X-WP-TotalPages': String(TOTAL) }, body: [{ id: 3009 }] } }],
});

const coupon = (code, email) => ({
  id: 720, code, amount: '15.00', status: 'publish', date_created: '2024-10-31T10:00:00', date_created_gmt: '2024-10-31T14:00:00', date_modified: '2024-10-31T10:00:00', date_modified_gmt: '2024-10-31T14:00:00',
  discount_type: 'percent', description: 'Win-back offer', date_expires: '2024-11-30T00:00:00', date_expires_gmt: '2024-11-30T00:00:00', usage_count: 0, individual_use: true,
  product_ids: [], excluded_product_ids: [], usage_limit: 1, usage_limit_per_user: 1, limit_usage_to_x_items: null, free_shipping: false, product_categories: [], excluded_product_categories: [],
  exclude_sale_items: false, minimum_amount: '0.00', maximum_amount: '0.00', email_restrictions: [email], used_by: [], meta_data: [],
  _links: { self: [{ href: `${BASE}/coupons/720` }], collection: [{ href: `${BASE}/coupons` }] },
});
write('fixtures/coupons.json', {
  name: 'coupons',
  exchanges: [
    { request: { method: 'POST', url: `${BASE}/coupons`, bodyIncludes: '"code":"comeback-ada-15"' }, response: { status: 201, body: coupon('comeback-ada-15', 'ada@example.com') } },
    { request: { method: 'POST', url: `${BASE}/coupons`, bodyIncludes: '"code":"welcome10"' }, response: wpError(400, 'woocommerce_rest_coupon_code_already_exists', 'The coupon code already exists') },
  ],
});

const hook = { id: 142, name: 'NudgeCampaign: new order', status: 'active', topic: 'order.created', resource: 'order', event: 'created', hooks: ['woocommerce_new_order'], delivery_url: 'https://hooks.nudgecampaign.dev/w/inst_42/orderCreated', date_created: '2024-10-31T10:00:00', date_created_gmt: '2024-10-31T14:00:00', date_modified: '2024-10-31T10:00:00', date_modified_gmt: '2024-10-31T14:00:00', _links: { self: [{ href: `${BASE}/webhooks/142` }], collection: [{ href: `${BASE}/webhooks` }] } };
write('fixtures/webhooks.json', {
  name: 'webhooks',
  exchanges: [
    { request: { method: 'POST', url: `${BASE}/webhooks`, bodyIncludes: '"topic":"order.created"' }, response: { status: 201, body: hook } },
    { request: { method: 'DELETE', url: `${BASE}/webhooks/142`, query: { force: 'true' } }, response: { status: 200, body: hook } },
  ],
});

const order = { ...orders.find((o) => o.status === 'processing' && o.customer_id), parent_id: 0, created_via: 'checkout', payment_method: 'stripe', payment_method_title: 'Credit card', customer_note: 'Bitte klingeln ✓' };
const rawBody = JSON.stringify(order);
const sign = (body, secret = WEBHOOK_SECRET) => crypto.createHmac('sha256', secret).update(body, 'utf8').digest('base64');
const delivery = (signature, body = rawBody) => ({
  method: 'POST',
  path: '/webhooks/woocommerce/orderCreated',
  headers: {
    'content-type': 'application/json',
    'user-agent': 'WooCommerce/9.3.3 Hookshot (WordPress/6.6.2)',
    'x-wc-webhook-source': `${STORE}/`,
    'x-wc-webhook-topic': 'order.created',
    'x-wc-webhook-resource': 'order',
    'x-wc-webhook-event': 'created',
    'x-wc-webhook-id': '142',
    'x-wc-webhook-delivery-id': '3f1c8a0e8a1b4c2e9a440d8f1e3b5c21',
    ...(signature ? { 'x-wc-webhook-signature': signature } : {}),
  },
  query: {},
  body: JSON.parse(body),
  rawBody: body,
});
const settings = { storeUrl: STORE, webhookSecret: WEBHOOK_SECRET };
const connection = { provider: 'woocommerce', account: 'nudge-demo.wpcomstaging.com' };
const tampered = JSON.stringify({ ...order, total: '0.01' });
write('tests/order-created-webhook.test.json', [
  { name: 'orderCreated accepts a delivery signed with the webhook secret', kind: 'webhook', target: 'orderCreated', input: { request: delivery(sign(rawBody)) }, settings, connection, fixtures: [], expect: { ok: true, count: 1, output: { verified: true, items: [{ id: String(order.id), status: 'processing', total: Number(order.total), deliveryId: '3f1c8a0e8a1b4c2e9a440d8f1e3b5c21' }] } } },
  { name: 'orderCreated refuses a delivery whose body was changed after signing', kind: 'webhook', target: 'orderCreated', input: { request: delivery(sign(rawBody), tampered) }, settings, connection, fixtures: [], expect: { ok: true, count: 0, output: { verified: false } } },
  { name: 'orderCreated refuses an unsigned order delivery', kind: 'webhook', target: 'orderCreated', input: { request: delivery(undefined) }, settings, connection, fixtures: [], expect: { ok: true, count: 0, output: { verified: false } } },
  {
    name: "orderCreated accepts WooCommerce's unsigned activation ping and emits nothing for it",
    kind: 'webhook', target: 'orderCreated',
    input: { request: { method: 'POST', path: '/webhooks/woocommerce/orderCreated', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-wc-webhook-source': `${STORE}/`, 'x-wc-webhook-id': '142' }, query: {}, body: null, rawBody: 'webhook_id=142' } },
    settings, connection, fixtures: [], expect: { ok: true, count: 0, output: { verified: true } },
  },
]);

write('scripts/fixture-facts.json', { note: 'Written by generate-fixtures.mjs for the hand-written tests.', ordersWatermark: watermark, total: TOTAL, lastPage: Math.ceil(TOTAL / PER_PAGE) });
