/**
 * Source files `nudge init` writes, in the house shape: src/index.ts (definePlugin), src/auth.ts,
 * one action, one polling trigger and one sync, each in its own file. Hooks import auth from
 * auth.ts, never from index.ts, so there is no import cycle.
 */

/** The auth types `nudge init --auth` offers. */
export const SCAFFOLD_AUTH_TYPES = ['oauth2', 'api_key', 'none'] as const;
export type ScaffoldAuth = (typeof SCAFFOLD_AUTH_TYPES)[number];

/** The fake upstream API the scaffold calls; its fixtures are recorded for it. */
export const SCAFFOLD_API = 'https://api.example.com/v1';

function authTemplate(auth: ScaffoldAuth): string {
  const test = `
  /** Called when a user connects: one cheap authenticated request. */
  async test(ctx: PluginContext) {
    const res = await ctx.fetch('${SCAFFOLD_API}/me');
    if (res.status === 401) throw new AuthExpiredError('The credentials were rejected; reconnect the account.');
    if (!res.ok) throw new PluginError('AUTH_TEST_FAILED', \`The API answered \${res.status}.\`);
    const me = (await res.json()) as { email: string };
    return { ok: true as const, account: me.email };
  },`;
  const header = `/**
 * How the plugin authenticates. The host stores the secrets and injects them into ctx.fetch
 * requests to permissions.hosts; plugin code never sees a token.
 */`;
  if (auth === 'none') return `${header}\nimport type { AuthDefinition } from '@nudgecampaign/plugin-sdk/plugin';\n\nexport const auth: AuthDefinition = { type: 'none' };\n`;
  const imports = `import { AuthExpiredError, PluginError } from '@nudgecampaign/plugin-sdk/errors';\nimport type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';`;
  if (auth === 'api_key') {
    return `${header}\n${imports}\n\nexport const auth: AuthDefinition = {
  type: 'api_key',
  fields: { type: 'object', properties: { apiKey: { type: 'string', title: 'API key' } }, required: ['apiKey'] },
  inject: { headers: { authorization: 'Bearer {{apiKey}}' } },${test}
};
`;
  }
  return `${header}\n${imports}\n\nexport const auth: AuthDefinition = {
  type: 'oauth2',
  provider: { authorizationUrl: 'https://auth.example.com/oauth/authorize', tokenUrl: 'https://auth.example.com/oauth/token' },
  scopes: ['contacts.read', 'contacts.write'],
  pkce: true,${test}
};
`;
}

const CONTACT_SCHEMA = `{
  type: 'object',
  properties: { id: { type: 'string' }, email: { type: 'string' }, createdAt: { type: 'string' } },
  required: ['id', 'email', 'createdAt'],
}`;

const ERRORS_HELPER = `
/** Maps an upstream failure to the error type that tells the host what to do. */
export function failure(status: number, retryAfter: string | undefined): Error {
  if (status === 401) return new AuthExpiredError('The credentials expired; the host will refresh them.');
  if (status === 429) return new RateLimitError('The API is rate limiting us.', { retryAfter: Number(retryAfter ?? 30) });
  if (status >= 500) return new RetryableError(\`The API answered \${status}.\`);
  return new PluginError('UPSTREAM_ERROR', \`The API answered \${status}.\`);
}
`;

/** Every source file, keyed by path relative to the plugin folder. */
export function sourceFiles(id: string, name: string, auth: ScaffoldAuth): Record<string, string> {
  return {
    'src/index.ts': `/**
 * The ${name} plugin: the single source of truth that nudge build turns into the manifest.
 */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { createContact } from './actions/create-contact.js';
import { auth } from './auth.js';
import { contacts } from './syncs/contacts.js';
import { newContact } from './triggers/new-contact.js';

export default definePlugin({
  id: '${id}',
  name: '${name}',
  description: 'Creates contacts in ${name}, reacts to new ones and syncs them all.',
  kind: 'api',
  categories: ['crm'],
  version: '0.1.0',
  icon: 'icon.svg',
  auth,
  settings: { type: 'object', properties: { defaultTag: { type: 'string', title: 'Tag for new contacts' } } },
  permissions: { hosts: ['api.example.com'] },
  actions: { createContact },
  triggers: { newContact },
  syncs: { contacts },
});
`,
    'src/auth.ts': authTemplate(auth),
    'src/upstream.ts': `/** Shared helpers for calling the upstream API. */
import { AuthExpiredError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';

export const API = '${SCAFFOLD_API}';

/** The contact model, shared by the action, the trigger and the sync. */
export const contactSchema = ${CONTACT_SCHEMA} as const;
${ERRORS_HELPER}`,
    'src/actions/create-contact.ts': `/** Action: create a contact. \`input\` is typed from the input schema below. */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, contactSchema, failure } from '../upstream.js';

export const createContact = defineAction({
  title: 'Create contact',
  description: 'Creates a contact with an e-mail address.',
  input: {
    type: 'object',
    properties: { email: { type: 'string', format: 'email', title: 'E-mail' }, firstName: { type: 'string', title: 'First name' } },
    required: ['email'],
    additionalProperties: false,
  },
  output: contactSchema,
  sample: { id: 'c_1001', email: 'ada@example.com', createdAt: '2025-01-01T00:00:00Z' },
  async run(ctx, input) {
    const res = await ctx.fetch(\`\${API}/contacts\`, { method: 'POST', json: { email: input.email, first_name: input.firstName } });
    if (!res.ok) throw failure(res.status, res.headers['retry-after']);
    const body = (await res.json()) as { id: string; email: string; created_at: string };
    ctx.log.info('contact created', { id: body.id });
    return { id: body.id, email: body.email, createdAt: body.created_at };
  },
});
`,
    'src/triggers/new-contact.ts': `/** Polling trigger: new contacts. The host drops items whose \`id\` it has already seen. */
import { definePollingTrigger } from '@nudgecampaign/plugin-sdk/plugin';
import { API, contactSchema, failure } from '../upstream.js';

export const newContact = definePollingTrigger({
  type: 'polling',
  title: 'New contact',
  description: 'Fires once for each new contact.',
  output: contactSchema,
  dedupeKey: 'id',
  sample: { id: 'c_1001', email: 'ada@example.com', createdAt: '2025-01-01T00:00:00Z' },
  async poll(ctx) {
    const res = await ctx.fetch(\`\${API}/contacts\`, { query: { sort: '-created_at', limit: 100 } });
    if (!res.ok) throw failure(res.status, res.headers['retry-after']);
    const body = (await res.json()) as { contacts: Array<{ id: string; email: string; created_at: string }> };
    return body.contacts.map((c) => ({ id: c.id, email: c.email, createdAt: c.created_at }));
  },
});
`,
    'src/syncs/contacts.ts': `/** Sync: every contact, page by page; the host calls fetch again with nextCursor while hasMore. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { API, contactSchema, failure } from '../upstream.js';

export const contacts = defineSync({
  title: 'Contacts',
  description: 'All contacts, 100 per page.',
  model: { name: 'Contact', idField: 'id', schema: contactSchema },
  async fetch(ctx, { cursor }) {
    const query: Record<string, string | number> = { limit: 100 };
    if (typeof cursor === 'string') query.cursor = cursor;
    const res = await ctx.fetch(\`\${API}/contacts\`, { query });
    if (!res.ok) throw failure(res.status, res.headers['retry-after']);
    const body = (await res.json()) as { contacts: Array<{ id: string; email: string; created_at: string }>; next_cursor: string | null };
    return {
      records: body.contacts.map((c) => ({ id: c.id, email: c.email, createdAt: c.created_at })),
      nextCursor: body.next_cursor,
      hasMore: body.next_cursor !== null,
    };
  },
});
`,
  };
}
