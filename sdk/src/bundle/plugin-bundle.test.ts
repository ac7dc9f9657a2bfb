/** Bundle digests are canonical and signatures verify; any tampering is caught with its own code. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { BUNDLE_FORMAT, digestBundle, signBundle, verifyBundle, type BundleContent } from './plugin-bundle.js';
import { generatePublisherKeys, keyIdOf, loadPublisherKeys } from './publisher-keys.js';

const content: BundleContent = {
  format: BUNDLE_FORMAT,
  manifest: { id: 'demo', version: '1.0.0', permissions: { hosts: ['api.example.com'] } },
  code: 'var __nudgePlugin = { default: {} };',
  tests: [{ name: 't', kind: 'action', target: 'a', expect: { ok: true } }],
  fixtures: [],
};
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'é' }], c: true } })).toBe('{"a":{"c":true,"d":[2,{"y":"é","z":null}]},"b":1}');
  });
  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
  });
});

describe('signed bundles', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const trusted = (id: string) => (id === keyId ? publicKey : undefined);

  it('digests independently of key order', () => {
    const reordered = { fixtures: [], tests: content.tests, code: content.code, manifest: { version: '1.0.0', permissions: { hosts: ['api.example.com'] }, id: 'demo' }, format: BUNDLE_FORMAT } as BundleContent;
    expect(digestBundle(reordered)).toBe(digestBundle(content));
    expect(digestBundle(content)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('verifies a signed bundle, also after a JSON round trip', () => {
    const bundle = signBundle(content, privateKey, keyId);
    expect(verifyBundle(JSON.parse(JSON.stringify(bundle, null, 2)), trusted)).toEqual({ ok: true, keyId, digest: bundle.digest });
  });

  it('reports tampered code, a forged digest, an unknown key and a malformed file', () => {
    const bundle = signBundle(content, privateKey, keyId);
    expect(verifyBundle({ ...bundle, code: `${bundle.code} /* evil */` }, trusted)).toMatchObject({ ok: false, code: 'DIGEST_MISMATCH' });
    const other = generateKeyPairSync('ed25519');
    const forged = signBundle({ ...content, code: 'evil()' }, other.privateKey, keyId);
    expect(verifyBundle(forged, trusted)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(verifyBundle(bundle, () => undefined)).toMatchObject({ ok: false, code: 'UNKNOWN_KEY' });
    expect(verifyBundle({ format: 'zip' }, trusted)).toMatchObject({ ok: false, code: 'BUNDLE_MALFORMED' });
  });
});

describe('publisher keys', () => {
  it('writes the private key with mode 0600, refuses to overwrite it, and loads the same key id', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nudge-keys-'));
    dirs.push(dir);
    const created = await generatePublisherKeys(dir);
    expect(created.keyId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await stat(created.privateKeyPath)).mode & 0o777).toBe(0o600);
    await expect(generatePublisherKeys(dir)).rejects.toThrow(/EEXIST/);
    const loaded = await loadPublisherKeys(dir);
    expect(loaded.keyId).toBe(created.keyId);
    expect(keyIdOf(await readFile(created.publicKeyPath, 'utf8'))).toBe(created.keyId);
  });
});
