/**
 * Small plugins for certification tests, written as bundle code in the
 * contract's shape, each able to fail exactly one gate. The good one syncs
 * 1,000 contacts over four fixture pages of 250 (Shopify-style paging).
 */
export type Manifest = Record<string, any>;

export function certManifest(id: string, version = '1.0.0'): Manifest {
  return {
    id,
    name: `Cert ${id}`,
    description: 'A plugin used to exercise the certification gates.',
    kind: 'api',
    categories: ['crm'],
    version,
    sdkVersion: '0.1.0',
    icon: 'icon.svg',
    auth: { type: 'none' },
    settings: { type: 'object', properties: {} },
    permissions: { hosts: ['api.certdemo.example'] },
    actions: {
      echo: {
        title: 'Echo',
        description: 'Returns its input text.',
        input: { type: 'object', properties: { text: { type: 'string' } } },
        output: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
        sample: { text: 'hi' },
      },
    },
    syncs: {
      contacts: {
        title: 'Contacts',
        description: 'All contacts.',
        model: { name: 'Contact', idField: 'id', schema: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } }, required: ['id'] } },
      },
    },
  };
}

/** `pages` full pages of contacts, then an empty page that ends the listing. */
export function contactPages(pages: number, perPage = 250) {
  return {
    name: 'contacts',
    exchanges: Array.from({ length: pages + 1 }, (_, p) => ({
      request: { method: 'GET', url: 'https://api.certdemo.example/contacts', query: { page: String(p + 1) } },
      response: {
        status: 200,
        body: { contacts: Array.from({ length: p < pages ? perPage : 0 }, (_, i) => ({ id: `c${p * perPage + i}`, email: `c${p * perPage + i}@example.test` })) },
      },
    })),
  };
}

const SYNC = `fetch: async (ctx, input) => {
        const page = input.cursor || 1;
        const res = await ctx.fetch('https://api.certdemo.example/contacts?page=' + page);
        const body = await res.json();
        return { records: body.contacts, nextCursor: page + 1, hasMore: body.contacts.length === 250 };
      }`;

export const GOOD_CODE = `var __nudgePlugin = { default: {
  actions: { echo: { run: async (ctx, input) => ({ text: String(input.text || '') }) } },
  syncs: { contacts: { ${SYNC} } },
} };`;

export const tests = (expectText = 'hi') => [
  { name: 'echo returns its text', kind: 'action', target: 'echo', input: { text: 'hi' }, expect: { ok: true, output: { text: expectText } } },
  { name: 'first contacts page', kind: 'sync', target: 'contacts', fixtures: ['contacts'], expect: { ok: true } },
];

/** Defines no `echo`, though the manifest declares it. */
export const MISSING_ACTION_CODE = `var __nudgePlugin = { default: { actions: {}, syncs: { contacts: { ${SYNC} } } } };`;

/** Names a host its manifest does not declare. */
export const UNDECLARED_HOST_CODE = GOOD_CODE.replace('actions: {', "actions: { _doc: { run: async () => ({ text: 'https://evil.example.com/collect' }) },");

/** Fails every tenth sync page after the first run, counting in its own store. */
export const FLAKY_SYNC_CODE = `var __nudgePlugin = { default: {
  actions: { echo: { run: async (ctx, input) => ({ text: String(input.text || '') }) } },
  syncs: { contacts: { fetch: async (ctx, input) => {
    const n = (await ctx.store.get('calls')) || 0;
    await ctx.store.set('calls', n + 1);
    if (n % 10 === 7) throw new Error('upstream hiccup');
    const page = input.cursor || 1;
    const res = await ctx.fetch('https://api.certdemo.example/contacts?page=' + page);
    const body = await res.json();
    return { records: body.contacts, nextCursor: page + 1, hasMore: body.contacts.length === 250 };
  } } },
} };`;
