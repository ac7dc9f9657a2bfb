#!/usr/bin/env node
/**
 * Writes fixtures/*.json in the shapes of the BigCommerce REST API: v3 customers as
 * `{ data, meta: { pagination } }`, v2 orders as bare arrays with RFC 2822 dates (a subset of the
 * documented order fields, to keep the fixtures small) and 204 past the last page, errors as
 * `{ status, title, type }` and 429 with X-Rate-Limit-* headers. Deterministic (seeded).
 * Run: node scripts/generate-fixtures.mjs
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const HASH = 'nd3m0x7k2q';
const BASE = `https://api.bigcommerce.com/stores/${HASH}`;
const LIMIT = 250;
const TOTAL = 1020; // four full pages and one of 20: the certification gate needs 1,000 records per sync

let seed = 0xb16c0;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** v2 renders dates as RFC 2822: "Tue, 20 Nov 2012 00:00:00 +0000". */
const rfc2822 = (ms) => new Date(ms).toUTCString().replace('GMT', '+0000');
const T0 = Date.parse('2022-01-01T00:00:00Z');
const T1 = Date.parse('2024-10-31T23:00:00Z');
const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Quinn', 'Riley', 'Rowan'];
const LAST = ['Kim', 'Lopez', 'Brown', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Gupta', 'Haddad', 'Ito', 'Jones', 'Kowalski'];
const STATUSES = [[11, 'Awaiting Fulfillment'], [10, 'Completed'], [10, 'Completed'], [2, 'Shipped'], [5, 'Cancelled'], [4, 'Refunded'], [1, 'Pending']];
const write = (file, value, pretty = true) => fs.writeFileSync(path.join(root, file), `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);

const customers = [];
for (let i = 0; i < TOTAL; i++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const created = between(T0, T1 - 86_400_000 * 20);
  customers.push({
    id: 1 + i,
    authentication: { force_password_reset: false },
    company: rand() < 0.2 ? `${last} & Co` : '',
    customer_group_id: rand() < 0.15 ? 2 : 0,
    email: `${first}.${last}.${i}@example.com`.toLowerCase(),
    first_name: first,
    last_name: last,
    notes: '',
    phone: rand() < 0.5 ? `555-01${String(i).padStart(2, '0').slice(-2)}` : '',
    registration_ip_address: '',
    tax_exempt_category: '',
    date_created: iso(created),
    date_modified: iso(between(created, T1)),
    accepts_product_review_abandoned_cart_emails: rand() < 0.6,
    origin_channel_id: 1,
    channel_ids: null,
  });
}
// v3 lists in the requested order (sort=date_modified:asc).
customers.sort((a, b) => a.date_modified.localeCompare(b.date_modified) || a.id - b.id);

const orders = [];
for (let i = 0; i < TOTAL; i++) {
  const guest = rand() < 0.15;
  const c = customers[(i * 11) % customers.length];
  const created = between(Date.parse(c.date_created), T1);
  const modified = between(created, T1);
  const [statusId, status] = pick(STATUSES);
  const subtotal = between(1500, 25000) / 100;
  const coupon = rand() < 0.2 ? Math.round(subtotal * 10) / 100 : 0;
  const total = subtotal - coupon + 7.5;
  const money = (n) => n.toFixed(4);
  orders.push({
    id: 100 + i,
    customer_id: guest ? 0 : c.id,
    date_created: rfc2822(created),
    date_modified: rfc2822(modified),
    date_shipped: statusId === 2 || statusId === 10 ? rfc2822(created + 2 * 86_400_000) : '',
    status_id: statusId,
    status,
    subtotal_ex_tax: money(subtotal),
    subtotal_inc_tax: money(subtotal),
    shipping_cost_inc_tax: money(7.5),
    total_ex_tax: money(total),
    total_inc_tax: money(total),
    items_total: between(1, 4),
    items_shipped: 0,
    payment_method: 'Credit Card',
    payment_status: statusId === 1 ? 'pending' : statusId === 4 ? 'refunded' : 'captured',
    refunded_amount: money(statusId === 4 ? total : 0),
    currency_code: 'USD',
    discount_amount: money(0),
    coupon_discount: money(coupon),
    channel_id: 1,
    billing_address: { first_name: c.first_name, last_name: c.last_name, company: c.company, city: 'Austin', state: 'Texas', zip: '78701', country: 'United States', country_iso2: 'US', phone: c.phone, email: guest ? `guest.${i}@example.net` : c.email },
    products: { url: `${BASE}/v2/orders/${100 + i}/products`, resource: `/orders/${100 + i}/products` },
    coupons: { url: `${BASE}/v2/orders/${100 + i}/coupons`, resource: `/orders/${100 + i}/coupons` },
  });
}
orders.sort((a, b) => Date.parse(a.date_modified) - Date.parse(b.date_modified) || a.id - b.id);

const pages = (list) => Array.from({ length: Math.ceil(list.length / LIMIT) }, (_, i) => list.slice(i * LIMIT, (i + 1) * LIMIT));
const rateHeaders = (left) => ({ 'Content-Type': 'application/json', 'X-Rate-Limit-Requests-Left': String(left), 'X-Rate-Limit-Requests-Quota': '150', 'X-Rate-Limit-Time-Reset-Ms': '28000', 'X-Rate-Limit-Time-Window-Ms': '30000' });

const customerPages = pages(customers);
const newestCustomer = customers.at(-1).date_modified;
const v3Meta = (n) => ({
  pagination: {
    total: customers.length, count: customerPages[n - 1].length, per_page: LIMIT, current_page: n, total_pages: customerPages.length,
    links: { ...(n > 1 ? { previous: `?limit=${LIMIT}&page=${n - 1}` } : {}), current: `?limit=${LIMIT}&page=${n}`, ...(n < customerPages.length ? { next: `?limit=${LIMIT}&page=${n + 1}` } : {}) },
  },
});
write('fixtures/customers-pages.json', {
  name: 'customers-pages',
  exchanges: [
    // The incremental request first: page 1 of the full list also matches it.
    {
      request: { method: 'GET', url: `${BASE}/v3/customers`, query: { page: '1', 'date_modified:min': newestCustomer } },
      response: { status: 200, headers: rateHeaders(149), body: { data: customers.filter((c) => c.date_modified === newestCustomer), meta: { pagination: { total: 1, count: 1, per_page: LIMIT, current_page: 1, total_pages: 1, links: { current: `?limit=${LIMIT}&page=1` } } } } },
    },
    ...customerPages.map((data, i) => ({ request: { method: 'GET', url: `${BASE}/v3/customers`, query: { limit: String(LIMIT), page: String(i + 1) } }, response: { status: 200, headers: rateHeaders(149 - i), body: { data, meta: v3Meta(i + 1) } } })),
  ],
}, false);

const orderPages = pages(orders);
const newestOrder = new Date(Date.parse(orders.at(-1).date_modified)).toISOString();
write('fixtures/orders-pages.json', {
  name: 'orders-pages',
  exchanges: [
    { request: { method: 'GET', url: `${BASE}/v2/orders`, query: { page: '1', min_date_modified: newestOrder } }, response: { status: 200, headers: rateHeaders(149), body: orders.filter((o) => Date.parse(o.date_modified) === Date.parse(orders.at(-1).date_modified)) } },
    ...orderPages.map((list, i) => ({ request: { method: 'GET', url: `${BASE}/v2/orders`, query: { limit: String(LIMIT), page: String(i + 1) } }, response: { status: 200, headers: rateHeaders(149 - i), body: list } })),
    { request: { method: 'GET', url: `${BASE}/v2/orders`, query: { limit: String(LIMIT), page: String(orderPages.length + 1) } }, response: { status: 204, headers: rateHeaders(140), body: '' } },
  ],
}, false);

const other = (hash) => `https://api.bigcommerce.com/stores/${hash}`;
write('fixtures/store-errors.json', {
  name: 'store-errors',
  exchanges: [
    { request: { method: 'GET', url: `${other('busystore1')}/v3/customers` }, response: { status: 429, headers: { ...rateHeaders(0), 'X-Rate-Limit-Time-Reset-Ms': '4500' }, body: { status: 429, title: 'Too many requests', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' } } },
    { request: { method: 'GET', url: `${other('revoked01')}/v2/orders` }, response: { status: 401, body: [{ status: 401, message: 'You are not authorized to access this resource.' }] } },
    { request: { method: 'GET', url: `${other('revoked01')}/v2/store` }, response: { status: 401, body: [{ status: 401, message: 'You are not authorized to access this resource.' }] } },
    { request: { method: 'GET', url: `${other('noscope01')}/v3/customers` }, response: { status: 403, body: { status: 403, title: 'You don\'t have a required scope to access the endpoint', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes', errors: {} } } },
  ],
});
write('fixtures/store.json', {
  name: 'store',
  exchanges: [{ request: { method: 'GET', url: `${BASE}/v2/store` }, response: { status: 200, body: { id: HASH, account_uuid: '4e1a4c2c-7a5d-4c2f-9f0e-0c9c4b8c2a11', domain: 'shop.nudge-demo.example', secure_url: 'https://shop.nudge-demo.example', name: 'Nudge Demo Store', first_name: 'Ada', last_name: 'Admin', admin_email: 'admin@nudge-demo.example', order_email: 'orders@nudge-demo.example', currency: 'USD', timezone: { name: 'America/Chicago', raw_offset: -21600 }, plan_name: 'Plus', plan_level: 'Plus', status: 'live' } } }],
});
write('scripts/fixture-facts.json', { note: 'Written by generate-fixtures.mjs for the hand-written tests.', newestCustomer, newestOrder, pages: customerPages.length, lastPageSize: TOTAL % LIMIT });
