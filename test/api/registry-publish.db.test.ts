/**
 * Publishing: signature and digest checks against the publisher's registered
 * keys, immutability, the changelog requirement, and the compatibility check
 * that refuses a breaking change without a major bump.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ManualClock } from '../../core/src/clock.js';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { bundles, pluginVersions } from '../../core/src/db/schema/registry.js';
import { insertUser } from '../../core/src/db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { publishVersion } from '../../core/src/registry/publish-version.js';
import type { RegistryDeps } from '../../core/src/registry/registry-deps.js';
import { assertTransition } from '../../core/src/registry/version-states.js';
import { baseManifest, createPublisher, type TestPublisher } from '../support/registry-fixtures.js';

let database: TestDatabase;
let deps: RegistryDeps;
let pub: TestPublisher;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: new ManualClock(), logger: createLogger('silent') };
  pub = await createPublisher(database.db);
});
afterAll(async () => database?.destroy());

const publish = (bundle: unknown, changelog = 'First release.', actorUserId = pub.ownerId) => publishVersion(deps, { bundle, changelog, actorUserId });

describe(`publish on ${testDatabaseKind()}`, () => {
  it('accepts a signed bundle, stores it by digest and audits it', async () => {
    const bundle = pub.bundle(baseManifest({ version: '1.0.0' }));
    const result = await publish(bundle);
    expect(result).toMatchObject({ pluginId: 'acme-crm', version: '1.0.0', digest: bundle.digest, compatibility: null });
    const [stored] = await database.db.select().from(bundles).where(eq(bundles.digest, bundle.digest));
    expect(JSON.parse(stored!.bytes.toString('utf8')).digest).toBe(bundle.digest);
    const [row] = await database.db.select().from(pluginVersions).where(eq(pluginVersions.id, result.versionId));
    expect(row).toMatchObject({ state: 'draft', trustLevel: 'community', changelog: 'First release.', major: 1 });
    expect((await database.db.select().from(auditLog)).some((a) => a.action === 'version.published' && a.targetId === result.versionId)).toBe(true);
  });

  it.each([
    ['a tampered bundle', (b: any) => ({ ...b, code: b.code + ';1' }), 'DIGEST_MISMATCH'],
    ['a forged signature', (b: any) => ({ ...b, signature: { ...b.signature, value: Buffer.alloc(64, 1).toString('base64') } }), 'SIGNATURE_INVALID'],
    ['an unregistered key', (b: any) => ({ ...b, signature: { ...b.signature, keyId: 'nobody' } }), 'UNKNOWN_KEY'],
    ['something that is not a bundle', () => ({ hello: 'world' }), 'BUNDLE_MALFORMED'],
  ])('refuses %s', async (_name, mutate, reason) => {
    const bundle = mutate(pub.bundle(baseManifest({ version: '1.0.1' })));
    await expect(publish(bundle)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { reason } });
  });

  it('refuses an existing version, a missing changelog and a non-member', async () => {
    await expect(publish(pub.bundle(baseManifest({ version: '1.0.0' })))).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'VERSION_EXISTS' } });
    await expect(publish(pub.bundle(baseManifest({ version: '1.0.2' })), '  ')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'changelog' } });
    const stranger = await insertUser(database.db);
    await expect(publish(pub.bundle(baseManifest({ version: '1.0.2' })), 'x y z', stranger.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an invalid manifest with the path of each problem', async () => {
    const manifest = baseManifest({ version: '1.0.3', kind: 'spaceship' });
    await expect(publish(pub.bundle(manifest))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { problems: [expect.objectContaining({ path: '/kind' })] } });
  });

  it('refuses a breaking change in a minor release, naming each break', async () => {
    const manifest = baseManifest({ version: '1.1.0' });
    delete manifest.actions.createContact;
    manifest.permissions.hosts.push('api.other.example.com');
    const error = await publish(pub.bundle(manifest)).catch((e) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'BREAKING_CHANGE' } });
    expect(error.details.breaking.map((b: { kind: string; path: string }) => `${b.kind} ${b.path}`)).toEqual(['removed_action /actions/createContact', 'new_hosts /permissions/hosts']);
    expect(error.message).toMatch(/without a major version bump/);
  });

  it('accepts the same change as a new major, flagging re-consent', async () => {
    const manifest = baseManifest({ version: '2.0.0' });
    delete manifest.actions.createContact;
    manifest.auth.scopes.push('deals.read');
    const result = await publish(pub.bundle(manifest), 'Removes createContact; reads deals.');
    expect(result.requiresReconsent).toBe(true);
    expect(result.compatibility).toMatchObject({ comparedWith: '1.0.0', reconsent: { addedScopes: ['deals.read'], addedHosts: [] } });
  });

  it('accepts a compatible minor release', async () => {
    const manifest = baseManifest({ version: '1.1.0' });
    manifest.actions.createContact.input.properties.phone = { type: 'string' };
    const result = await publish(pub.bundle(manifest), 'Adds an optional phone field.');
    expect(result.compatibility).toMatchObject({ comparedWith: '1.0.0', breaking: [] });
    expect(result.requiresReconsent).toBe(false);
  });
});

describe('version transitions', () => {
  it('allows only the table', () => {
    expect(() => assertTransition('draft', 'submitted')).not.toThrow();
    expect(() => assertTransition('draft', 'certified')).toThrow(/cannot move to "certified"; it can move to "submitted"/);
    expect(() => assertTransition('retired', 'certified')).toThrow(/it is final/);
    expect(() => assertTransition('certified', 'in_review')).toThrow(/can move to "deprecated"/);
  });
});
