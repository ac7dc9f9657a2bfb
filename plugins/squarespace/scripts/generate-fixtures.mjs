#!/usr/bin/env node
/**
 * Writes fixtures/*.json in the shapes of the Squarespace Commerce APIs 1.0: `{ profiles | result,
 * pagination: { hasNextPage, nextPageCursor, nextPageUrl } }` pages of 50, money as
 * `{ value, currency }`, errors as `{ type, subtype, message, details, contextId }`.
 * Deterministic (seeded): re-running it changes nothing. Run: node scripts/generate-fixtures.mjs
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const API = 'https://api.squarespace.com/1.0';
const PAGE = 50;
const TOTAL = 1010; // twenty full pages and one of 10: the certification gate needs 1,000 records per sync

let seed = 0x5a5a5;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const iso = (ms) => new Date(ms).toISOString();
const oid = (kind, i) => crypto.createHash('sha1').update(`${kind}-${i}`).digest('hex').slice(0, 24);
const T0 = Date.parse('2022-01-01T00:00:00Z');
const T1 = Date.parse('2024-10-31T23:00:00Z');
const FIRST = ['Alba', 'Ben', 'Cleo', 'Dario', 'Edie', 'Femi', 'Gia', 'Hal', 'Iris', 'Jude', 'Kit', 'Lena', 'Milo', 'Nora'];
const LAST = ['Moreau', 'Ng', 'Ortiz', 'Price', 'Quist', 'Reyes', 'Stone', 'Turner', 'Ueda', 'Vance', 'Wolfe', 'Young'];
const CITIES = [['New York', 'US', 'NY'], ['Dublin', 'IE', 'D'], ['Portland', 'US', 'OR'], ['Melbourne', 'AU', 'VIC']];
const PRODUCTS = [['Ceramic Mug', 28], ['Linen Tote', 35], ['Art Print A3', 45], ['Candle No. 4', 32], ['Gift Card', 50]];
const write = (file, value, pretty = true) => fs.writeFileSync(path.join(root, file), `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
const usd = (n) => ({ value: n.toFixed(2), currency: 'USD' });

const profiles = [];
for (let i = 0; i < TOTAL; i++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const customer = rand() < 0.7;
  const orders = customer ? between(1, 9) : 0;
  const [city, countryCode, state] = pick(CITIES);
  const created = between(T0, T1);
  profiles.push({
    id: oid('profile', i),
    firstName: first,
    lastName: last,
    email: `${first}.${last}.${i}@example.com`.toLowerCase(),
    hasAccount: rand() < 0.4,
    isCustomer: customer,
    createdOn: iso(created),
    address: customer ? { firstName: first, lastName: last, address1: `${between(1, 300)} Main St`, address2: null, city, state, countryCode, postalCode: String(10000 + i), phone: rand() < 0.5 ? `+1 555 01${String(i).slice(-2).padStart(2, '0')}` : null } : null,
    acceptsMarketing: rand() < 0.65,
    transactionsSummary: customer
      ? { firstOrderSubmittedOn: iso(created), lastOrderSubmittedOn: iso(between(created, T1)), orderCount: orders, totalOrderAmount: usd(orders * between(2000, 9000) / 100), totalRefundAmount: usd(0) }
      : null,
  });
}
const orders = [];
for (let i = 0; i < TOTAL; i++) {
  const p = profiles[(i * 3) % profiles.length];
  const created = between(T0, T1);
  const items = Array.from({ length: rand() < 0.75 ? 1 : 2 }, (_, n) => {
    const [name, price] = PRODUCTS[(i + n) % PRODUCTS.length];
    return { id: oid('li', i * 2 + n), variantId: oid('variant', (i + n) % 5), sku: `SQ${String((i + n) % 5).padStart(4, '0')}`, productId: oid('product', (i + n) % 5), productName: name, quantity: between(1, 2), unitPricePaid: usd(price), variantOptions: [], customizations: null, imageUrl: `https://images.squarespace-cdn.com/content/v1/demo/p${(i + n) % 5}.jpg`, lineItemType: name === 'Gift Card' ? 'GIFT_CARD' : 'PHYSICAL' };
  });
  const subtotal = items.reduce((s, li) => s + Number(li.unitPricePaid.value) * li.quantity, 0);
  const promo = rand() < 0.2;
  const discount = promo ? Math.round(subtotal * 15) / 100 : 0;
  const status = pick(['FULFILLED', 'FULFILLED', 'PENDING', 'CANCELED']);
  orders.push({
    id: oid('order', i),
    orderNumber: String(1001 + i),
    createdOn: iso(created),
    modifiedOn: iso(between(created, T1)),
    channel: 'web',
    testmode: false,
    customerEmail: p.email,
    billingAddress: { firstName: p.firstName, lastName: p.lastName, address1: '12 Main St', address2: null, city: 'New York', state: 'NY', countryCode: 'US', postalCode: '10001', phone: null },
    fulfillmentStatus: status,
    lineItems: items,
    discountLines: promo ? [{ description: '15% off', name: 'Welcome', amount: usd(discount), promoCode: 'WELCOME15' }] : [],
    subtotal: usd(subtotal),
    shippingTotal: usd(6),
    discountTotal: usd(discount),
    taxTotal: usd(0),
    refundedTotal: usd(0),
    grandTotal: usd(subtotal - discount + 6),
    channelName: 'Squarespace',
    fulfilledOn: status === 'FULFILLED' ? iso(created + 86_400_000) : null,
    priceTaxInterpretation: 'EXCLUSIVE',
  });
}

function paged(resource, key, records, incremental) {
  const pages = Array.from({ length: Math.ceil(records.length / PAGE) }, (_, i) => records.slice(i * PAGE, (i + 1) * PAGE));
  const cursors = pages.map((_, i) => crypto.createHash('sha256').update(`${resource}-cursor-${i}`).digest('base64url').slice(0, 32));
  const pagination = (i) => (i < pages.length - 1 ? { hasNextPage: true, nextPageCursor: cursors[i], nextPageUrl: `${API}/${resource}?cursor=${cursors[i]}` } : { hasNextPage: false, nextPageCursor: null, nextPageUrl: null });
  const headers = { 'Content-Type': 'application/json;charset=utf-8' };
  return {
    cursors,
    exchanges: [
      // Cursor pages first: the first-page exchange (no query) matches any request to the path.
      ...pages.slice(1).map((items, n) => ({ request: { method: 'GET', url: `${API}/${resource}`, query: { cursor: cursors[n] } }, response: { status: 200, headers, body: { [key]: items, pagination: pagination(n + 1) } } })),
      ...(incremental ? [{ request: { method: 'GET', url: `${API}/${resource}`, query: { modifiedAfter: incremental.since } }, response: { status: 200, headers, body: { [key]: incremental.items, pagination: pagination(pages.length - 1) } } }] : []),
      { request: { method: 'GET', url: `${API}/${resource}` }, response: { status: 200, headers, body: { [key]: pages[0], pagination: pagination(0) } } },
    ],
  };
}
const newestOrder = orders.reduce((m, o) => (o.modifiedOn > m.modifiedOn ? o : m));
const p = paged('profiles', 'profiles', profiles);
const o = paged('commerce/orders', 'result', orders, { since: newestOrder.modifiedOn, items: [newestOrder] });
write('fixtures/profiles-pages.json', { name: 'profiles-pages', exchanges: p.exchanges }, false);
write('fixtures/orders-pages.json', { name: 'orders-pages', exchanges: o.exchanges }, false);

const err = (status, type, message) => ({ status, headers: { 'Content-Type': 'application/json;charset=utf-8' }, body: { type, subtype: null, message, details: null, contextId: 'IEBOLXSADLLHAMZMZNXY' } });
write('fixtures/api-errors.json', {
  name: 'api-errors',
  exchanges: [
    { request: { method: 'GET', url: `${API}/profiles`, query: { cursor: 'throttled' } }, response: { ...err(429, 'RATE_LIMITED', 'Too many requests'), headers: { 'Content-Type': 'application/json;charset=utf-8', 'Retry-After': '60' } } },
    { request: { method: 'GET', url: `${API}/commerce/orders`, query: { cursor: 'revoked' } }, response: err(401, 'AUTHORIZATION_ERROR', 'Unauthorized') },
    { request: { method: 'GET', url: `${API}/commerce/orders`, query: { cursor: 'forbidden' } }, response: err(403, 'AUTHORIZATION_ERROR', 'API key does not have the required permission for this resource') },
  ],
});
write('fixtures/website.json', {
  name: 'website',
  exchanges: [{ request: { method: 'GET', url: `${API}/authorization/website` }, response: { status: 200, body: { id: '5d8b7a1e2c4f3b0012a1b2c3', url: 'https://nudge-demo.squarespace.com', siteTitle: 'Nudge Demo Goods', language: 'en-US', timeZone: 'America/New_York', measurementStandard: 'IMPERIAL', currency: 'USD' } } }],
});
write('scripts/fixture-facts.json', { note: 'Written by generate-fixtures.mjs for the hand-written tests.', profileCursors: p.cursors, orderCursors: o.cursors, newestOrder: newestOrder.modifiedOn, lastPageSize: TOTAL % PAGE });
