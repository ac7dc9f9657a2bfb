import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionsBundle, digestOf } from '@nudgecampaign/plugin-sdk/runtime/test-bundles';
import { createTestDatabase, type TestDatabase } from '@nudgecampaign/core/db/test-database';
import { workspaces, publishers } from '@nudgecampaign/core/db/schema/identity';
import { bundles, plugins, pluginVersions } from '@nudgecampaign/core/db/schema/registry';
import { installations } from '@nudgecampaign/core/db/schema/installations';
import { SandboxSupervisor, type SandboxInvocation } from '@nudgecampaign/core/sandbox/sandbox-supervisor';

const code = actionsBundle({
  put: `async (ctx, input) => { await ctx.store.set('secret', input.value); return 'stored'; }`,
  peek: `async (ctx, input) => ({ mine: (await ctx.store.get('secret')) ?? null, viaKey: (await ctx.store.get(input.key)) ?? null })`,
  wipe: `async (ctx) => { await ctx.store.delete('secret'); return 'wiped'; }`,
  hog: `async (ctx) => { await ctx.store.set('big', 'x'.repeat(300 * 1024)); return 'stored'; }`,
});
const manifest = { id: 'storer', permissions: { hosts: [] } };

let database: TestDatabase;
let supervisor: SandboxSupervisor;
let instA: string;
let instB: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [ws] = await db.insert(workspaces).values({ slug: 'ws', name: 'WS' }).returning();
  const [pub] = await db.insert(publishers).values({ slug: 'pub', name: 'Pub' }).returning();
  await db.insert(plugins).values({ id: 'storer', publisherId: pub!.id, name: 'Storer', kind: 'api' });
  await db.insert(bundles).values({ digest: digestOf(code), bytes: Buffer.from(code), size: code.length });
  const [ver] = await db
    .insert(pluginVersions)
    .values({ pluginId: 'storer', version: '1.0.0', major: 1, minor: 0, patch: 0, manifest, bundleDigest: digestOf(code), signature: 'x', signingKeyId: 'k', changelog: '' })
    .returning();
  const rows = await db
    .insert(installations)
    .values([
      { workspaceId: ws!.id, pluginId: 'storer', pinnedMajor: 1, versionId: ver!.id },
      { workspaceId: ws!.id, pluginId: 'storer', pinnedMajor: 1, versionId: ver!.id },
    ])
    .returning();
  instA = rows[0]!.id;
  instB = rows[1]!.id;
  supervisor = await SandboxSupervisor.start({ workers: 2, db });
});
afterAll(async () => {
  await supervisor?.stop();
  await database?.destroy();
});

const call = (installationId: string, name: string, input: unknown = {}): SandboxInvocation => ({
  version: { digest: digestOf(code), code, manifest },
  installation: { id: installationId, workspaceId: 'ws', settings: {} },
  kind: 'action',
  name,
  input,
});

it("an installation cannot read, overwrite or delete another installation's store", async () => {
  expect(await supervisor.invoke(call(instA, 'put', { value: 'A-secret' }))).toMatchObject({ ok: true });
  // B probes the same key, and keys that try to address A's row, concurrently with A's own reads.
  const [probe, probe2, mine] = await Promise.all([
    supervisor.invoke(call(instB, 'peek', { key: `${instA}:secret` })),
    supervisor.invoke(call(instB, 'peek', { key: `../${instA}/secret` })),
    supervisor.invoke(call(instA, 'peek', { key: 'secret' })),
  ]);
  expect(probe).toMatchObject({ ok: true, output: { mine: null, viaKey: null } });
  expect(probe2).toMatchObject({ ok: true, output: { mine: null, viaKey: null } });
  expect(mine).toMatchObject({ ok: true, output: { mine: 'A-secret', viaKey: 'A-secret' } });
  await supervisor.invoke(call(instB, 'put', { value: 'B-value' }));
  await supervisor.invoke(call(instB, 'wipe'));
  expect(await supervisor.invoke(call(instA, 'peek', { key: 'secret' }))).toMatchObject({ ok: true, output: { mine: 'A-secret' } });
});

it('store values over the size cap are refused', async () => {
  const res = await supervisor.invoke(call(instA, 'hog'));
  expect(res).toMatchObject({ ok: false, error: { type: 'PluginError', code: 'UNHANDLED' } });
  expect((res as { error: { message: string } }).error.message).toMatch(/limited to/);
  expect(await supervisor.invoke(call(instA, 'peek', { key: 'big' }))).toMatchObject({ ok: true, output: { viaKey: null } });
});
