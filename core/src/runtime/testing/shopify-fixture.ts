/**
 * Test and benchmark support: a loopback HTTP server that answers like
 * Shopify's REST Admin API for customers — `limit` up to 250, cursor paging
 * through `page_info` in a `Link: <…>; rel="next"` header, `since_id` for
 * incremental reads — over N generated customers, with optional faults (a
 * seeded share of 429 with Retry-After, or 500). Plus a plugin bundle whose
 * sync pages through it and transforms each customer in the sandbox.
 * @see https://shopify.dev/docs/api/usage/pagination-rest
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SHOPIFY_HOST = 'acme.myshopify.com';
export const PAGE_SIZE = 250;

export interface Customer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  updated_at: string;
}

export interface ShopifyFixtureOptions {
  total: number;
  /** Share of requests answered with a fault (0..1). */
  faultRate?: number;
  /** Seed of the fault sequence, so a run is reproducible. */
  seed?: number;
  /** Retry-After seconds sent with 429s. */
  retryAfterSeconds?: number;
  /** Delay before each answer. */
  delayMs?: number;
}

export interface ShopifyFixture {
  port: number;
  /** Query strings of every request, in order (faults included). */
  requests: string[];
  faults: { 429: number; 500: number };
  /** Customers the next reads return (a customer's current version). */
  customer(id: number): Customer | undefined;
  setTotal(total: number): void;
  update(id: number, patch: Partial<Customer>): void;
  remove(id: number): void;
  /** Ids the fixture currently holds, ascending. */
  ids(): number[];
  setFaultRate(rate: number): void;
  close(): Promise<void>;
}

function generated(id: number): Customer {
  return { id, email: `Customer${id}@Example.test`, first_name: `First${id}`, last_name: `Last${id}`, updated_at: '2027-01-01T00:00:00Z' };
}

/** mulberry32: a tiny seeded PRNG, so fault positions repeat run to run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startShopifyFixture(options: ShopifyFixtureOptions): Promise<ShopifyFixture> {
  let total = options.total;
  let faultRate = options.faultRate ?? 0;
  const random = prng(options.seed ?? 42);
  const patched = new Map<number, Customer>();
  const removed = new Set<number>();
  const requests: string[] = [];
  const faults = { 429: 0, 500: 0 };
  const customer = (id: number) => (id < 1 || id > total || removed.has(id) ? undefined : (patched.get(id) ?? generated(id)));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    requests.push(url.search);
    const answer = () => {
      if (url.pathname !== '/admin/api/2024-10/customers.json') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":"Not Found"}');
        return;
      }
      if (faultRate > 0 && random() < faultRate) {
        const status = random() < 0.5 ? 429 : 500;
        faults[status] += 1;
        res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': String(options.retryAfterSeconds ?? 1) } : {}) });
        res.end(status === 429 ? '{"errors":"Exceeded 2 calls per second for api client."}' : '{"errors":"Internal Server Error"}');
        return;
      }
      const limit = Math.min(PAGE_SIZE, Number(url.searchParams.get('limit') ?? 50));
      const pageInfo = url.searchParams.get('page_info');
      const after = pageInfo ? Number(JSON.parse(Buffer.from(pageInfo, 'base64url').toString()).after) : Number(url.searchParams.get('since_id') ?? 0);
      const page: Customer[] = [];
      let id = after + 1;
      for (; id <= total && page.length < limit; id++) {
        const c = customer(id);
        if (c) page.push(c);
      }
      // Shopify sends rel="next" only when another page exists.
      let more = false;
      for (let next = id; next <= total; next++) {
        if (customer(next)) {
          more = true;
          break;
        }
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (more && page.length > 0) {
        const token = Buffer.from(JSON.stringify({ after: page.at(-1)!.id })).toString('base64url');
        headers.link = `<https://${SHOPIFY_HOST}/admin/api/2024-10/customers.json?limit=${limit}&page_info=${token}>; rel="next"`;
      }
      res.writeHead(200, headers).end(JSON.stringify({ customers: page }));
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    faults,
    customer,
    setTotal: (n) => void (total = n),
    update: (id, patch) => void patched.set(id, { ...(customer(id) ?? generated(id)), ...patch }),
    remove: (id) => void removed.add(id),
    ids: () => Array.from({ length: total }, (_, i) => i + 1).filter((id) => !removed.has(id)),
    setFaultRate: (rate) => void (faultRate = rate),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Host override that points the real hostname at the fixture (the sandbox egress map). */
export function shopifyOverride(port: number) {
  return { [SHOPIFY_HOST]: { address: '127.0.0.1', port, protocol: 'http' as const } };
}

export const SHOPIFY_MANIFEST = {
  id: 'shopify-fixture',
  name: 'Shopify (fixture)',
  description: 'Customers from a Shopify-style fixture server.',
  kind: 'api',
  categories: ['ecommerce'],
  version: '1.0.0',
  sdkVersion: '0.1.0',
  icon: 'icon.svg',
  auth: { type: 'none' },
  settings: { type: 'object', properties: {} },
  permissions: { hosts: ['*.myshopify.com'] },
  actions: {},
  triggers: {},
  syncs: {
    customers: {
      title: 'Customers',
      description: 'Every customer, then new ones by since_id.',
      model: {
        name: 'Customer',
        idField: 'id',
        schema: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, updatedAt: { type: 'string' } }, required: ['id', 'email'] },
      },
    },
  },
};

/**
 * The plugin: pages with page_info, remembers the highest id as the next
 * since_id, throws RateLimitError (with the Retry-After) on 429 and
 * RetryableError on 5xx, and transforms each customer (lower-cased email,
 * full name) inside the sandbox.
 */
export const SHOPIFY_SYNC_CODE = `var __nudgePlugin = { default: {
  syncs: { customers: { fetch: async (ctx, input) => {
    const c = input.cursor || {};
    const base = 'https://${SHOPIFY_HOST}/admin/api/2024-10/customers.json?limit=250&';
    const res = await ctx.fetch(base + (c.pageInfo ? 'page_info=' + encodeURIComponent(c.pageInfo) : 'since_id=' + (c.sinceId || 0)));
    if (res.status === 429) throw { nudgeError: true, name: 'RateLimitError', code: 'RATE_LIMITED', message: 'Shopify rate limit', retryAfter: Number(res.headers['retry-after'] || 1) };
    if (res.status >= 500) throw { nudgeError: true, name: 'RetryableError', code: 'RETRYABLE', message: 'Shopify answered ' + res.status };
    if (res.status !== 200) throw { nudgeError: true, name: 'PluginError', code: 'UPSTREAM_' + res.status, message: 'Shopify answered ' + res.status };
    const body = await res.json();
    const customers = body.customers;
    let sinceId = c.sinceId || 0;
    for (const x of customers) if (x.id > sinceId) sinceId = x.id;
    const link = res.headers['link'] || '';
    const m = /<[^>]*[?&]page_info=([^&>]+)[^>]*>;\\s*rel="next"/.exec(link);
    const records = customers.map((x) => ({ id: String(x.id), email: x.email.toLowerCase(), name: x.first_name + ' ' + x.last_name, updatedAt: x.updated_at }));
    return { records, nextCursor: m ? { pageInfo: decodeURIComponent(m[1]), sinceId } : { sinceId }, hasMore: Boolean(m) };
  } } },
} };`;

/** The record the plugin stores for a fixture customer. */
export function expectedRecord(c: Customer) {
  return { id: String(c.id), email: c.email.toLowerCase(), name: `${c.first_name} ${c.last_name}`, updatedAt: c.updated_at };
}
