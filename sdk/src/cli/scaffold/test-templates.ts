/**
 * Fixtures and declarative test cases `nudge init` writes (contract §5): recorded responses of the
 * scaffold's fake API, and one case per action, trigger and sync (plus auth) that pass offline.
 */
import { SCAFFOLD_API, type ScaffoldAuth } from './source-templates.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const contact = (n: number, day: string) => ({ id: `c_${n}`, email: `user${n}@example.com`, created_at: `2025-01-${day}T09:00:00Z` });

/** Pages of the contacts sync's recorded API: certification's performance gate syncs at least 1,000 records. */
const SCAFFOLD_SYNC = { pageSize: 100, pages: 11, total: 1050 } as const;

function contactPages() {
  const { pageSize, pages, total } = SCAFFOLD_SYNC;
  const exchanges = [];
  for (let page = 1; page <= pages; page++) {
    const first = (page - 1) * pageSize + 1;
    const last = Math.min(page * pageSize, total);
    const contacts = [];
    for (let n = first; n <= last; n++) contacts.push(contact(n, String(1 + (n % 28)).padStart(2, '0')));
    exchanges.push({
      request: { method: 'GET', url: `${SCAFFOLD_API}/contacts`, query: page === 1 ? { limit: '100' } : { limit: '100', cursor: `p${page}` } },
      response: { status: 200, body: { contacts, next_cursor: page < pages ? `p${page + 1}` : null } },
    });
  }
  // Cursor pages first: a request with a cursor also matches the first page's query subset.
  return { name: 'contacts-pages', exchanges: [...exchanges.slice(1), exchanges[0]] };
}

/** Every fixture and test file, keyed by path relative to the plugin folder. */
export function testFiles(auth: ScaffoldAuth): Record<string, string> {
  const files: Record<string, string> = {
    'fixtures/contacts-create.json': json({
      name: 'contacts-create',
      exchanges: [
        {
          request: { method: 'POST', url: `${SCAFFOLD_API}/contacts`, bodyIncludes: 'ada@example.com' },
          response: { status: 201, body: { id: 'c_1001', email: 'ada@example.com', created_at: '2025-01-01T00:00:00Z' } },
        },
        {
          request: { method: 'POST', url: `${SCAFFOLD_API}/contacts`, bodyIncludes: 'busy@example.com' },
          response: { status: 429, headers: { 'Retry-After': '12' }, body: { error: 'rate_limited' } },
        },
      ],
    }),
    'fixtures/contacts-recent.json': json({
      name: 'contacts-recent',
      exchanges: [
        {
          request: { method: 'GET', url: `${SCAFFOLD_API}/contacts`, query: { sort: '-created_at', limit: '100' } },
          response: { status: 200, body: { contacts: [contact(3, '03'), contact(2, '02')], next_cursor: null } },
        },
      ],
    }),
    'fixtures/contacts-pages.json': json(contactPages()),
    'tests/create-contact.test.json': json([
      {
        name: 'createContact creates a contact',
        kind: 'action',
        target: 'createContact',
        input: { email: 'ada@example.com', firstName: 'Ada' },
        fixtures: ['contacts-create'],
        expect: { ok: true, output: { id: 'c_1001', email: 'ada@example.com' } },
      },
      {
        name: 'createContact reports rate limiting',
        kind: 'action',
        target: 'createContact',
        input: { email: 'busy@example.com' },
        fixtures: ['contacts-create'],
        expect: { ok: false, errorCode: 'RATE_LIMITED' },
      },
    ]),
    'tests/new-contact.test.json': json({
      name: 'newContact returns the newest contacts',
      kind: 'trigger',
      target: 'newContact',
      input: { state: null },
      fixtures: ['contacts-recent'],
      expect: { ok: true, count: 2, output: [{ id: 'c_3' }, { id: 'c_2' }] },
    }),
    'tests/contacts.test.json': json([
      {
        name: 'contacts sync reads the first page',
        kind: 'sync',
        target: 'contacts',
        input: { cursor: null },
        fixtures: ['contacts-pages'],
        expect: { ok: true, count: 100, output: { nextCursor: 'p2', hasMore: true } },
      },
      {
        name: 'contacts sync reads the last page',
        kind: 'sync',
        target: 'contacts',
        input: { cursor: 'p11' },
        fixtures: ['contacts-pages'],
        expect: { ok: true, count: 50, output: { records: [{ id: 'c_1001' }], hasMore: false } },
      },
    ]),
  };
  if (auth !== 'none') {
    files['fixtures/me.json'] = json({
      name: 'me',
      exchanges: [{ request: { method: 'GET', url: `${SCAFFOLD_API}/me` }, response: { status: 200, body: { email: 'owner@example.com' } } }],
    });
    files['tests/auth.test.json'] = json({
      name: 'auth test accepts valid credentials',
      kind: 'auth_test',
      target: 'auth',
      fixtures: ['me'],
      expect: { ok: true, output: { ok: true, account: 'owner@example.com' } },
    });
  }
  return files;
}
