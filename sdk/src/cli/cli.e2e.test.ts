/**
 * End to end through the compiled CLI, in a temp folder outside the repository: init → validate →
 * test → build (deterministic, verifiable), then broken plugins and the hub commands' argument checks and unreachable-hub errors (the hub itself: test/api/cli-hub.db.test.ts).
 * beforeAll compiles the SDK (tsc -b sdk) so the test never runs a stale dist/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../bundle/plugin-bundle.js';

const sdkDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(sdkDir, 'dist/cli/main.js');
let work: string;
let env: NodeJS.ProcessEnv;

function nudge(args: string[], cwd = work): { status: number; stdout: string; stderr: string } {
  // Deliberately without --no-node-snapshot: `test` must re-execute itself with it.
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${file} changed nothing`);
  await writeFile(file, next);
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(sdkDir, '../node_modules/typescript/bin/tsc'), '-b', path.join(sdkDir, 'tsconfig.json')], { stdio: 'inherit' });
  work = await mkdtemp(path.join(os.tmpdir(), 'nudge-e2e-'));
  env = { ...process.env, NUDGE_CONFIG: path.join(work, 'config'), NODE_OPTIONS: '' };
}, 180_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('nudge CLI end to end', () => {
  it('init → validate → test → build works for oauth2, and builds are deterministic and signed', async () => {
    expect(nudge(['init', 'demo', '--auth', 'oauth2'])).toMatchObject({ status: 0 });
    const dir = path.join(work, 'demo');
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies['@nudgecampaign/plugin-sdk']).toMatch(/^file:/);
    expect(path.resolve(dir, pkg.dependencies['@nudgecampaign/plugin-sdk'].slice(5))).toBe(sdkDir);

    const validate = nudge(['validate'], dir);
    expect(validate.stdout).toContain('✓ demo@0.1.0 is valid.');
    expect(validate.status).toBe(0);

    const test = nudge(['test'], dir);
    expect(test.stdout).toContain('6 passed, 0 failed');
    expect(test.status).toBe(0);

    const first = nudge(['build'], dir);
    expect(first.status).toBe(0);
    const bundleFile = path.join(dir, 'dist/demo-0.1.0.nudge.json');
    const bundle = JSON.parse(await readFile(bundleFile, 'utf8'));
    const publicKey = await readFile(path.join(work, 'config/keys/publisher.pub'), 'utf8');
    expect(verifyBundle(bundle, () => publicKey)).toMatchObject({ ok: true });
    // manifest.json names the icon file; the signed manifest carries the icon itself.
    const written = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(written.icon).toBe('icon.svg');
    expect(bundle.manifest).toEqual({ ...written, icon: `data:image/svg+xml;base64,${(await readFile(path.join(dir, 'icon.svg'))).toString('base64')}` });
    expect(bundle.code).not.toContain(work);
    expect(bundle.tests).toHaveLength(6);

    expect(nudge(['build'], dir).status).toBe(0);
    expect(JSON.parse(await readFile(bundleFile, 'utf8')).digest).toBe(bundle.digest);
    // Same sources in another folder give the same digest: no absolute paths leak into the bundle.
    const elsewhere = path.join(work, 'copy', 'demo');
    await cp(dir, elsewhere, { recursive: true });
    expect(nudge(['build'], elsewhere).status).toBe(0);
    expect(JSON.parse(await readFile(path.join(elsewhere, 'dist/demo-0.1.0.nudge.json'), 'utf8')).digest).toBe(bundle.digest);
    // A changed source changes the digest.
    await edit(path.join(elsewhere, 'src/index.ts'), "version: '0.1.0'", "version: '0.1.1'");
    expect(nudge(['build'], elsewhere).status).toBe(0);
    expect(JSON.parse(await readFile(path.join(elsewhere, 'dist/demo-0.1.1.nudge.json'), 'utf8')).digest).not.toBe(bundle.digest);
  }, 180_000);

  it.each(['api_key', 'none'])('scaffolds a %s plugin whose tests pass', (auth) => {
    const name = `demo-${auth.replace('_', '')}`;
    expect(nudge(['init', name, '--auth', auth]).status).toBe(0);
    const test = nudge(['test', name]);
    expect(test.stdout).toMatch(/\d passed, 0 failed/);
    expect(test.status).toBe(0);
  }, 120_000);

  it('validate names five manifest breakages by JSON path, and an undeclared host by file:line', async () => {
    expect(nudge(['init', 'broken']).status).toBe(0);
    const dir = path.join(work, 'broken');
    const index = path.join(dir, 'src/index.ts');
    await edit(index, "kind: 'api'", "kind: 'cloud' as 'api'");
    await edit(index, "version: '0.1.0'", "version: '1.0'");
    await edit(index, "categories: ['crm']", 'categories: []');
    await edit(index, "icon: 'icon.svg'", "icon: 'icon.gif'");
    await edit(path.join(dir, 'src/triggers/new-contact.ts'), "dedupeKey: 'id',", '');
    await writeFile(path.join(dir, 'src/extra.ts'), "export const other = 'https://api.other-service.io/v2/things';\n");
    await edit(index, "import { auth } from './auth.js';", "import { auth } from './auth.js';\nimport { other } from './extra.js';\nvoid other;");
    const result = nudge(['validate', '--json'], dir);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { problems: Array<{ severity: string; location: string; message: string }> };
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.location).sort()).toEqual(['/categories', '/icon', '/kind', '/triggers/newContact/dedupeKey', '/version', 'src/extra.ts:1'].sort());
    for (const p of errors) expect(p.message).toMatch(/expected /);
    expect(errors.find((p) => p.location === '/kind')?.message).toBe('/kind: is "cloud"; expected one of "native", "api", "connector".');
    expect(errors.find((p) => p.location === 'src/extra.ts:1')?.message).toContain('calls api.other-service.io, which is not in permissions.hosts');
    const text = nudge(['validate'], dir);
    expect(text.status).toBe(1);
    expect(text.stderr).toContain('error: /triggers/newContact/dedupeKey: is missing; expected the item property that identifies an item');
    expect(nudge(['build'], dir).status).toBe(1);
  }, 120_000);

  it('test fails and names a request no fixture matches', async () => {
    expect(nudge(['init', 'offline']).status).toBe(0);
    const dir = path.join(work, 'offline');
    await edit(path.join(dir, 'fixtures/contacts-recent.json'), '"-created_at"', '"created_at"');
    const result = nudge(['test'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✗ newContact returns the newest contacts');
    expect(result.stdout).toContain('no fixture matches GET https://api.example.com/v1/contacts?sort=-created_at&limit=100');
    expect(result.stdout).toMatch(/5 passed, 1 failed/);
  }, 120_000);

  it('keys generate writes a 0600 key once; hub commands check arguments, then report an unreachable hub', async () => {
    const keys = nudge(['keys', 'generate', '--out', 'keys']);
    expect(keys.status).toBe(0);
    expect(keys.stdout).toMatch(/^key id {6}[A-Za-z0-9_-]{16}$/m);
    expect((await stat(path.join(work, 'keys/publisher.key'))).mode & 0o777).toBe(0o600);
    expect(nudge(['keys', 'generate', '--out', 'keys'])).toMatchObject({ status: 1, stderr: expect.stringContaining('error[KEY_EXISTS]') });

    const dir = path.join(work, 'demo');
    expect(nudge(['publish', '--changelog', 'x'], dir)).toMatchObject({ status: 1, stderr: expect.stringContaining('error[NOT_LOGGED_IN]') });
    expect(nudge(['login', '--hub', 'not a url', '--token', 't'])).toMatchObject({ status: 2, stderr: expect.stringContaining('error[USAGE]') });
    // Login verifies the token with the hub before saving: nothing listens on port 9.
    expect(nudge(['login', '--hub', 'http://127.0.0.1:9', '--token', 'tok'])).toMatchObject({ status: 1, stderr: expect.stringMatching(/^error\[HUB_UNREACHABLE\]: could not reach the hub/) });
    await writeFile(path.join(work, 'config/config.json'), JSON.stringify({ hub: 'http://127.0.0.1:9', token: 'tok' }), { mode: 0o600 });
    for (const args of [['publish', '--changelog', 'x'], ['submit'], ['versions'], ['promote', '0.1.0'], ['migrate', '0', '0.2.0', '--canary', '10'], ['deprecate', '0.1.0', '--sunset', '2999-01-01', '--message', 'Use 1.x']]) {
      const r = nudge(args, dir);
      expect(r.stderr, args.join(' ')).toMatch(/^error\[HUB_UNREACHABLE\]: could not reach the hub at http:\/\/127\.0\.0\.1:9\/graphql/);
      expect(r.status).toBe(1);
    }
    expect(nudge(['publish'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('a changelog entry is required') });
    expect(nudge(['migrate', '0', '0.2.0'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--canary is missing') });
    expect(nudge(['deprecate', '0.1.0', '--sunset', '2001-01-01', '--message', 'x'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('not in the future') });
    expect(nudge(['promote', 'latest'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('expected a semantic version') });
    expect(nudge(['frobnicate'])).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown command') });
  }, 120_000);

  it('init refuses a non-empty folder and a folder name that is not a plugin id', () => {
    expect(nudge(['init', 'demo'])).toMatchObject({ status: 1, stderr: expect.stringContaining('error[TARGET_NOT_EMPTY]') });
    expect(nudge(['init', 'My Plugin'])).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a plugin id') });
  });
});
