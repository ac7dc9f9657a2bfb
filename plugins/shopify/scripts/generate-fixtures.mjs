#!/usr/bin/env node
/**
 * Writes fixtures/*.json (and the signed webhook test) in the shapes of the Shopify Admin REST API
 * 2024-10: `{ customers | orders | products: [...] }` bodies of at most 250 items, the Link header's
 * `page_info` cursors, X-Shopify-Shop-Api-Call-Limit, 429 with Retry-After, and webhook deliveries
 * signed with X-Shopify-Hmac-Sha256. Deterministic (seeded), so re-running it changes nothing.
 * Run: node scripts/generate-fixtures.mjs
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SHOP = 'nudge-demo.myshopify.com';
const BASE = `https://${SHOP}/admin/api/2024-10`;
const PAGE = 250;
const TOTAL = 1020; // four full pages and a last page of 20: the certification gate needs 1,000 records per sync
/** The signing secret of the webhook test fixtures (a test value, not a real app's secret). */
const WEBHOOK_SECRET = 'shpss_test_7f3c2a9e1b4d4c0f8a6e5d3c2b1a0f9e';

let seed = 0x5eed1;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

/** Shopify renders times in the shop's zone: 2024-10-21T09:12:44-04:00. */
function shopTime(ms) {
  return new Date(ms - 4 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '-04:00');
}
const T0 = Date.parse('2022-01-01T00:00:00Z');
const T1 = Date.parse('2024-10-31T23:00:00Z');

const FIRST = ['Ada', 'Bob', 'Chloe', 'Dev', 'Elena', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jon', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq'];
const LAST = ['Lovelace', 'Norman', 'Nguyen', 'Patel', 'Garcia', 'Okafor', 'Smith', 'Tanaka', 'Petrov', 'Snow', 'Adeyemi', 'Walsh', 'Cohen', 'Silva', 'Berg'];
const TAGS = ['vip', 'newsletter', 'wholesale', 'returning', 'instagram', 'black-friday-2023', 'loyalty'];
const CONSENT = ['subscribed', 'subscribed', 'not_subscribed', 'unsubscribed', 'pending'];
const PRODUCT_TYPES = ['Shirts', 'Hoodies', 'Mugs', 'Posters', 'Socks', 'Caps', 'Notebooks'];
const ADJ = ['Classic', 'Organic', 'Vintage', 'Limited', 'Everyday', 'Premium', 'Recycled', 'Heavyweight'];
const COLORS = ['Black', 'White', 'Forest', 'Sand', 'Navy', 'Rust'];
const SOURCES = [null, null, '/?utm_source=nudgecampaign&utm_medium=email&utm_campaign=autumn-sale', '/products/x?utm_source=google&utm_medium=cpc', '/collections/all?utm_source=nudgecampaign&utm_medium=email&utm_campaign=winback'];

const pageInfoOf = (lastId) => Buffer.from(JSON.stringify({ last_id: lastId, last_value: String(lastId), direction: 'next' })).toString('base64url');
const callLimit = (n) => ({ 'X-Shopify-Shop-Api-Call-Limit': `${n}/40`, 'Content-Type': 'application/json; charset=utf-8' });

function write(file, value, pretty = true) {
  fs.writeFileSync(path.join(root, file), `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}

// ---- records ---------------------------------------------------------------------------------
const customers = [];
for (let i = 0; i < TOTAL; i++) {
  const created = between(T0, T1 - 86_400_000 * 30);
  const first = pick(FIRST);
  const last = pick(LAST);
  const orders = rand() < 0.3 ? 0 : between(1, 12);
  customers.push({
    id: 6_001_000_000_000 + i * 7919,
    email: `${first}.${last}${i}@example.com`.toLowerCase(),
    created_at: shopTime(created),
    updated_at: shopTime(between(created, T1)),
    first_name: first,
    last_name: last,
    orders_count: orders,
    state: pick(['enabled', 'enabled', 'disabled', 'invited']),
    total_spent: orders ? (orders * between(1500, 12000) / 100).toFixed(2) : '0.00',
    last_order_id: orders ? 5_100_000_000_000 + i : null,
    verified_email: rand() < 0.9,
    tags: [...new Set(Array.from({ length: between(0, 2) }, () => pick(TAGS)))].join(', '),
    currency: 'USD',
    phone: rand() < 0.4 ? `+1613555${String(1000 + i).slice(-4)}` : null,
    email_marketing_consent: { state: pick(CONSENT), opt_in_level: 'single_opt_in', consent_updated_at: shopTime(created) },
  });
}
const products = [];
for (let i = 0; i < TOTAL; i++) {
  const created = between(T0, T1 - 86_400_000 * 10);
  const type = pick(PRODUCT_TYPES);
  const title = `${pick(ADJ)} ${type.replace(/s$/, '')} ${i}`;
  const id = 8_100_000_000_000 + i * 104729;
  const base = between(900, 6900);
  products.push({
    id,
    title,
    handle: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    created_at: shopTime(created),
    updated_at: shopTime(between(created, T1)),
    published_at: rand() < 0.9 ? shopTime(created) : null,
    vendor: 'Nudge Demo Supply',
    product_type: type,
    tags: [...new Set(Array.from({ length: between(1, 3) }, () => pick(['bestseller', 'new', 'gift', 'sale', 'eco', 'summer', 'winter'])))].join(', '),
    status: rand() < 0.92 ? 'active' : pick(['draft', 'archived']),
    variants: Array.from({ length: rand() < 0.75 ? 1 : 2 }, (_, v) => ({
      id: 44_000_000_000_000 + i * 10 + v,
      product_id: id,
      title: pick(COLORS),
      price: ((base + v * 200) / 100).toFixed(2),
      sku: `ND-${i}-${v}`,
      compare_at_price: rand() < 0.2 ? ((base + 1500) / 100).toFixed(2) : null,
      inventory_quantity: between(0, 140),
    })),
    image: { id: 3_000_000_000 + i, src: `https://cdn.shopify.com/s/files/1/0555/4321/files/nd-${i}.jpg?v=1700000000` },
  });
}
function lineItem(i, n) {
  const p = products[(i * 31 + n * 17) % products.length];
  const v = p.variants[0];
  return { id: 13_000_000_000_000 + i * 10 + n, product_id: p.id, variant_id: v.id, title: p.title, variant_title: v.title, sku: v.sku, quantity: between(1, 3), price: v.price };
}
const orders = [];
for (let i = 0; i < TOTAL; i++) {
  const c = customers[(i * 13) % customers.length];
  const created = between(Date.parse(c.created_at), T1);
  const items = Array.from({ length: rand() < 0.7 ? 1 : 2 }, (_, n) => lineItem(i, n));
  const subtotal = items.reduce((s, li) => s + Number(li.price) * li.quantity, 0);
  const discount = rand() < 0.25 ? Math.round(subtotal * 10) / 100 : 0;
  const shipping = 5.9;
  const financial = pick(['paid', 'paid', 'paid', 'refunded', 'partially_refunded', 'pending']);
  orders.push({
    id: 5_100_000_000_000 + i,
    name: `#${1001 + i}`,
    order_number: 1001 + i,
    email: c.email,
    created_at: shopTime(created),
    updated_at: shopTime(between(created, T1)),
    processed_at: shopTime(created),
    cancelled_at: financial === 'refunded' && rand() < 0.5 ? shopTime(created + 86_400_000) : null,
    currency: 'USD',
    financial_status: financial,
    fulfillment_status: pick([null, 'fulfilled', 'fulfilled', 'partial']),
    subtotal_price: (subtotal - discount).toFixed(2),
    total_discounts: discount.toFixed(2),
    total_price: (subtotal - discount + shipping).toFixed(2),
    discount_codes: discount ? [{ code: 'WELCOME10', amount: discount.toFixed(2), type: 'percentage' }] : [],
    landing_site: pick(SOURCES),
    referring_site: rand() < 0.3 ? 'https://www.google.com/' : null,
    source_name: 'web',
    customer: { id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name },
    line_items: items,
  });
}

// ---- paged fixtures -------------------------------------------------------------------------
function fieldsOf(list) {
  return list;
}
function paged(resource, key, records, firstQuery) {
  const newest = records.reduce((m, r) => (Date.parse(r.updated_at) > Date.parse(m.updated_at) ? r : m));
  const pages = [];
  for (let start = 0; start < records.length; start += PAGE) pages.push(records.slice(start, start + PAGE));
  const tokens = pages.map((p) => pageInfoOf(p.at(-1).id));
  const link = (i) => {
    const parts = [];
    if (i > 0) parts.push(`<${BASE}/${resource}.json?limit=${PAGE}&page_info=${Buffer.from(JSON.stringify({ first_id: pages[i][0].id, direction: 'prev' })).toString('base64url')}>; rel="previous"`);
    if (i < pages.length - 1) parts.push(`<${BASE}/${resource}.json?limit=${PAGE}&page_info=${tokens[i]}>; rel="next"`);
    return parts.join(', ');
  };
  const exchange = (i, query) => ({
    request: { method: 'GET', url: `${BASE}/${resource}.json`, query },
    response: { status: 200, headers: { ...callLimit(i + 1), ...(link(i) ? { Link: link(i) } : {}) }, body: { [key]: fieldsOf(pages[i]) } },
  });
  return {
    newest: newest.updated_at,
    fixture: {
      name: `${resource}-pages`,
      // Cursor pages first: the first-page exchange matches any request with limit=250.
      exchanges: [
        ...pages.slice(1).map((_, n) => exchange(n + 1, { limit: String(PAGE), page_info: tokens[n] })),
        {
          request: { method: 'GET', url: `${BASE}/${resource}.json`, query: { limit: String(PAGE), ...firstQuery, updated_at_min: newest.updated_at } },
          response: { status: 200, headers: callLimit(1), body: { [key]: records.filter((r) => r.updated_at === newest.updated_at) } },
        },
        exchange(0, { limit: String(PAGE), ...firstQuery }),
      ],
    },
  };
}

const syncs = {
  customers: paged('customers', 'customers', customers, {}),
  orders: paged('orders', 'orders', orders, { status: 'any' }),
  products: paged('products', 'products', products, {}),
};
for (const [name, { fixture }] of Object.entries(syncs)) write(`fixtures/${name}-pages.json`, fixture, false);

write('fixtures/sync-errors.json', {
  name: 'sync-errors',
  exchanges: [
    { request: { method: 'GET', url: `${BASE}/customers.json`, query: { page_info: 'throttled-page' } }, response: { status: 429, headers: { 'Retry-After': '2.0', 'X-Shopify-Shop-Api-Call-Limit': '40/40' }, body: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' } } },
    { request: { method: 'GET', url: `${BASE}/orders.json`, query: { page_info: 'revoked-token' } }, response: { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } } },
    { request: { method: 'GET', url: `${BASE}/products.json`, query: { page_info: 'server-error' } }, response: { status: 503, body: { errors: 'Unavailable Shop' } } },
  ],
});

// ---- auth test ------------------------------------------------------------------------------
write('fixtures/shop.json', {
  name: 'shop',
  exchanges: [
    {
      request: { method: 'GET', url: `${BASE}/shop.json` },
      response: { status: 200, headers: callLimit(1), body: { shop: { id: 55357292, name: 'Nudge Demo', email: 'owner@nudge-demo.example.com', domain: 'shop.nudge-demo.example.com', myshopify_domain: SHOP, plan_name: 'basic', currency: 'USD', iana_timezone: 'America/New_York', country_code: 'CA', created_at: '2021-06-01T10:00:00-04:00' } } },
    },
    { request: { method: 'GET', url: 'https://uninstalled-shop.myshopify.com/admin/api/2024-10/shop.json' }, response: { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } } },
  ],
});

// ---- abandoned checkouts ----------------------------------------------------------------------
function checkout(i, overrides) {
  const c = customers[i];
  const items = [lineItem(i, 0)];
  const token = crypto.createHash('md5').update(`checkout-${i}`).digest('hex');
  return {
    id: 35_000_000_000 + i,
    token,
    cart_token: crypto.createHash('md5').update(`cart-${i}`).digest('hex'),
    email: c.email,
    gateway: null,
    buyer_accepts_marketing: true,
    created_at: '2024-10-31T08:10:00-04:00',
    updated_at: `2024-10-31T08:${String(20 + i).padStart(2, '0')}:00-04:00`,
    landing_site: '/collections/all',
    note: null,
    referring_site: '',
    currency: 'USD',
    presentment_currency: 'USD',
    completed_at: null,
    closed_at: null,
    name: `#${35_000 + i}`,
    source_name: 'web',
    subtotal_price: (Number(items[0].price) * items[0].quantity).toFixed(2),
    total_price: (Number(items[0].price) * items[0].quantity + 5.9).toFixed(2),
    total_discounts: '0.00',
    total_tax: '0.00',
    abandoned_checkout_url: `https://${SHOP}/55357292/checkouts/ac/${token}/recover?key=${crypto.createHash('md5').update(`key-${i}`).digest('hex')}`,
    line_items: items.map((li) => ({ ...li, key: String(li.variant_id), fulfillment_service: 'manual', requires_shipping: true, taxable: true, grams: 200, vendor: 'Nudge Demo Supply' })),
    customer: { id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name, state: c.state, currency: 'USD' },
    ...overrides,
  };
}
write('fixtures/checkouts-open.json', {
  name: 'checkouts-open',
  exchanges: [
    {
      request: { method: 'GET', url: `${BASE}/checkouts.json`, query: { status: 'open', limit: '250' } },
      response: { status: 200, headers: callLimit(1), body: { checkouts: [checkout(1, {}), checkout(2, {}), checkout(3, { email: null, customer: null }), checkout(4, { completed_at: '2024-10-31T08:40:00-04:00' })] } },
    },
    { request: { method: 'GET', url: 'https://busy-shop.myshopify.com/admin/api/2024-10/checkouts.json' }, response: { status: 429, headers: { 'Retry-After': '4.0' }, body: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' } } },
  ],
});

// ---- webhooks -------------------------------------------------------------------------------
write('fixtures/webhooks.json', {
  name: 'webhooks',
  exchanges: [
    {
      request: { method: 'POST', url: `${BASE}/webhooks.json`, bodyIncludes: '"topic":"orders/paid"' },
      response: { status: 201, headers: callLimit(1), body: { webhook: { id: 1047897672, address: 'https://hooks.nudgecampaign.dev/w/inst_123/orderPaid', topic: 'orders/paid', created_at: '2024-10-31T10:00:00-04:00', updated_at: '2024-10-31T10:00:00-04:00', format: 'json', fields: [], metafield_namespaces: [], api_version: '2024-10', private_metafield_namespaces: [] } } },
    },
    { request: { method: 'DELETE', url: `${BASE}/webhooks/1047897672.json` }, response: { status: 200, headers: callLimit(2), body: {} } },
    { request: { method: 'POST', url: 'https://read-only-shop.myshopify.com/admin/api/2024-10/webhooks.json' }, response: { status: 403, body: { errors: 'This action requires merchant approval for read_orders scope.' } } },
  ],
});

const paidOrder = { ...orders.find((o) => o.financial_status === 'paid' && o.landing_site && o.landing_site.includes('utm_campaign')), admin_graphql_api_id: 'gid://shopify/Order/5100000000000', note: 'Gift wrap, bitte ✓' };
const rawBody = JSON.stringify(paidOrder);
const signature = crypto.createHmac('sha256', WEBHOOK_SECRET).update(rawBody, 'utf8').digest('base64');
const delivery = (hmac) => ({
  method: 'POST',
  path: '/webhooks/shopify/orderPaid',
  headers: {
    'content-type': 'application/json',
    'x-shopify-topic': 'orders/paid',
    'x-shopify-hmac-sha256': hmac,
    'x-shopify-shop-domain': SHOP,
    'x-shopify-api-version': '2024-10',
    'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-triggered-at': '2024-10-31T14:02:31.000000000Z',
    'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
  },
  query: {},
  body: paidOrder,
  rawBody,
});
const tampered = JSON.stringify({ ...paidOrder, total_price: '0.01' });
write('tests/order-paid-webhook.test.json', [
  {
    name: 'orderPaid accepts a delivery signed with the webhook secret and emits its revenue and campaign',
    kind: 'webhook',
    target: 'orderPaid',
    input: { request: delivery(signature) },
    settings: { webhookSecret: WEBHOOK_SECRET },
    connection: { provider: 'shopify', shop: SHOP },
    fixtures: [],
    expect: { ok: true, count: 1, output: { verified: true, items: [{ orderId: String(paidOrder.id), orderName: paidOrder.name, revenue: Number(paidOrder.total_price), currency: 'USD', utmSource: 'nudgecampaign', eventId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043' }] } },
  },
  {
    name: 'orderPaid refuses a delivery whose body was changed after signing',
    kind: 'webhook',
    target: 'orderPaid',
    input: { request: { ...delivery(signature), body: JSON.parse(tampered), rawBody: tampered } },
    settings: { webhookSecret: WEBHOOK_SECRET },
    connection: { provider: 'shopify', shop: SHOP },
    fixtures: [],
    expect: { ok: true, count: 0, output: { verified: false } },
  },
  {
    name: 'orderPaid refuses a delivery signed with another secret',
    kind: 'webhook',
    target: 'orderPaid',
    input: { request: delivery(crypto.createHmac('sha256', 'some-other-app-secret').update(rawBody, 'utf8').digest('base64')) },
    settings: { webhookSecret: WEBHOOK_SECRET },
    connection: { provider: 'shopify', shop: SHOP },
    fixtures: [],
    expect: { ok: true, count: 0, output: { verified: false } },
  },
  {
    name: 'orderPaid refuses every delivery while no webhook secret is configured',
    kind: 'webhook',
    target: 'orderPaid',
    input: { request: delivery(signature) },
    settings: {},
    connection: { provider: 'shopify', shop: SHOP },
    fixtures: [],
    expect: { ok: true, count: 0, output: { verified: false } },
  },
]);

write('scripts/fixture-facts.json', {
  note: 'Written by generate-fixtures.mjs for the hand-written tests: the newest updated_at per sync (the incremental watermark after a full run) and the page cursors.',
  newest: Object.fromEntries(Object.entries(syncs).map(([k, v]) => [k, v.newest])),
  secondPage: Object.fromEntries(Object.entries(syncs).map(([k, v]) => [k, v.fixture.exchanges[0].request.query.page_info])),
  lastPage: Object.fromEntries(Object.entries(syncs).map(([k, v]) => [k, v.fixture.exchanges[3].request.query.page_info])),
});
