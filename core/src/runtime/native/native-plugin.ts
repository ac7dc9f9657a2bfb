/**
 * NudgeCampaign's own actions as a built-in native plugin: it is registered
 * like any plugin (publisher, certified version, manifest), so automations and
 * the marketplace treat it uniformly, but its actions run in the host over the
 * platform's own contacts model instead of in the sandbox — they touch only
 * this workspace's rows and make no network calls.
 */
import { and, eq } from 'drizzle-orm';
import { BUNDLE_FORMAT, digestBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import type { Db } from '../../db/database.js';
import { publishers } from '../../db/schema/identity.js';
import { bundles, pluginVersions, plugins } from '../../db/schema/registry.js';

export const NATIVE_PLUGIN_ID = 'nudgecampaign';
export const NATIVE_PLUGIN_VERSION = '1.0.0';

const email = { type: 'string', format: 'email', title: 'Email' } as const;
const contactOutput = { type: 'object', properties: { contactId: { type: 'string' }, email: { type: 'string' }, created: { type: 'boolean' } }, required: ['contactId', 'email'] } as const;

export const NATIVE_MANIFEST = {
  id: NATIVE_PLUGIN_ID,
  name: 'NudgeCampaign',
  description: "Add and update contacts, tag them, add them to lists and start campaigns in NudgeCampaign's own audience.",
  kind: 'native',
  categories: ['marketing'],
  version: NATIVE_PLUGIN_VERSION,
  sdkVersion: '0.1.0',
  icon: 'icon.svg',
  auth: { type: 'none' },
  settings: { type: 'object', properties: {} },
  permissions: { hosts: [] },
  actions: {
    upsert_contact: {
      title: 'Add or update contact',
      description: 'Creates the contact, or updates the one with this email.',
      input: {
        type: 'object',
        properties: { email, firstName: { type: 'string' }, lastName: { type: 'string' }, phone: { type: 'string' }, attributes: { type: 'object' } },
        required: ['email'],
      },
      output: contactOutput,
      sample: { contactId: '00000000-0000-0000-0000-000000000000', email: 'ann@example.com', created: true },
    },
    add_tag: {
      title: 'Add tag to contact',
      description: 'Tags the contact (created if new).',
      input: { type: 'object', properties: { email, tag: { type: 'string', minLength: 1 } }, required: ['email', 'tag'] },
      output: contactOutput,
      sample: { contactId: '00000000-0000-0000-0000-000000000000', email: 'ann@example.com' },
    },
    add_to_list: {
      title: 'Add contact to list',
      description: 'Adds the contact (created if new) to the list (created if new).',
      input: { type: 'object', properties: { email, list: { type: 'string', minLength: 1 } }, required: ['email', 'list'] },
      output: contactOutput,
      sample: { contactId: '00000000-0000-0000-0000-000000000000', email: 'ann@example.com' },
    },
    start_campaign: {
      title: 'Start campaign for contact',
      description: 'Starts the named campaign for the contact; starting it twice is a no-op.',
      input: { type: 'object', properties: { email, campaign: { type: 'string', minLength: 1 } }, required: ['email', 'campaign'] },
      output: { type: 'object', properties: { contactId: { type: 'string' }, campaignId: { type: 'string' }, started: { type: 'boolean' } }, required: ['contactId', 'campaignId', 'started'] },
      sample: { contactId: '00000000-0000-0000-0000-000000000000', campaignId: '00000000-0000-0000-0000-000000000000', started: true },
    },
  },
  triggers: {},
  syncs: {},
  options: [],
} as const;

/** The native plugin's bundle holds no runnable code: its actions are host functions. */
const NATIVE_CODE = 'var __nudgePlugin = { default: {} };';

/** Registers the native plugin once (idempotent); returns its version id. */
export async function ensureNativePlugin(db: Db): Promise<string> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: pluginVersions.id })
      .from(pluginVersions)
      .where(and(eq(pluginVersions.pluginId, NATIVE_PLUGIN_ID), eq(pluginVersions.version, NATIVE_PLUGIN_VERSION)));
    if (existing) return existing.id;
    await tx.insert(publishers).values({ slug: 'nudgecampaign', name: 'NudgeCampaign', verified: true }).onConflictDoNothing();
    const [publisher] = await tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, 'nudgecampaign'));
    await tx
      .insert(plugins)
      .values({ id: NATIVE_PLUGIN_ID, publisherId: publisher!.id, name: NATIVE_MANIFEST.name, description: NATIVE_MANIFEST.description, kind: 'native', categories: [...NATIVE_MANIFEST.categories] })
      .onConflictDoNothing();
    const content = { format: BUNDLE_FORMAT, manifest: NATIVE_MANIFEST, code: NATIVE_CODE, tests: [], fixtures: [] } as unknown as Parameters<typeof digestBundle>[0];
    const digest = digestBundle(content);
    // Built in, not published: there is no publisher signature to carry.
    const bytes = Buffer.from(JSON.stringify({ ...content, digest, signature: { keyId: 'built-in', algorithm: 'ed25519', value: '' } }));
    await tx.insert(bundles).values({ digest, bytes, size: bytes.length }).onConflictDoNothing();
    const [row] = await tx
      .insert(pluginVersions)
      .values({
        pluginId: NATIVE_PLUGIN_ID,
        version: NATIVE_PLUGIN_VERSION,
        major: 1,
        minor: 0,
        patch: 0,
        state: 'certified',
        trustLevel: 'certified',
        manifest: NATIVE_MANIFEST,
        bundleDigest: digest,
        signature: 'built-in',
        signingKeyId: 'built-in',
        changelog: 'Built into the platform.',
      })
      .returning({ id: pluginVersions.id });
    return row!.id;
  });
}
