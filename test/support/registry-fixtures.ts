/**
 * Builds real signed bundles (the SDK's signBundle over a valid manifest) and
 * a publisher with a registered ed25519 key, for registry tests.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLE_FORMAT, signBundle, type PluginBundle } from '../../sdk/src/bundle/plugin-bundle.js';
import { keyIdOf } from '../../sdk/src/bundle/publisher-keys.js';
import type { Db } from '../../core/src/db/database.js';
import { publisherKeys, publisherMembers, publishers } from '../../core/src/db/schema/identity.js';
import { insertUser } from '../../core/src/db/test-fixtures.js';
import { REPO_ROOT } from './platform-process.js';

export type Manifest = Record<string, any>;

export function baseManifest(overrides: Partial<Manifest> = {}): Manifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'sdk/src/manifest/testdata/valid-manifest.json'), 'utf8'));
  return { ...manifest, ...overrides };
}

export interface TestPublisher {
  id: string;
  ownerId: string;
  keyId: string;
  privateKey: KeyObject;
  bundle(manifest: Manifest, extra?: Partial<Pick<PluginBundle, 'code' | 'tests' | 'fixtures'>>): PluginBundle;
}

export async function createPublisher(db: Db, options: { verified?: boolean; slug?: string } = {}): Promise<TestPublisher> {
  const owner = await insertUser(db);
  const [publisher] = await db
    .insert(publishers)
    .values({ slug: options.slug ?? `pub-${owner.id.slice(0, 8)}`, name: 'Acme Developer Studio', verified: options.verified ?? false })
    .returning();
  await db.insert(publisherMembers).values({ publisherId: publisher!.id, userId: owner.id, role: 'owner' });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  await db.insert(publisherKeys).values({ publisherId: publisher!.id, keyId, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  return {
    id: publisher!.id,
    ownerId: owner.id,
    keyId,
    privateKey,
    bundle: (manifest, extra = {}) =>
      signBundle({ format: BUNDLE_FORMAT, manifest, code: extra.code ?? 'var __nudgePlugin = { default: {} };', tests: extra.tests ?? [], fixtures: extra.fixtures ?? [] }, privateKey, keyId),
  };
}
