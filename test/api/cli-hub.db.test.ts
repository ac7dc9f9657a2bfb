/**
 * The `nudge` hub commands end to end against a real platform started in-process on 127.0.0.1
 * (the GraphQL harness, with the process certification sandbox wired): a developer with an API token and a
 * registered publisher key runs the compiled CLI (`node sdk/bin/nudge.js`, NUDGE_CONFIG in a temp
 * folder) to login → init → build → publish → submit → versions → deprecate (refused with the
 * policy's earliest sunset) → promote → migrate. Loopback only.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../core/src/db/test-fixtures.js';
import { createApiToken } from '../../core/src/identity/actor.js';
import { ProcessCertificationSandbox } from '../../core/src/registry/certification/process-certification-sandbox.js';
import { platformUser, startHarness, type Harness } from './graphql-harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'sdk/bin/nudge.js');

let h: Harness;
let sandbox: ProcessCertificationSandbox;
let work: string;
let env: NodeJS.ProcessEnv;
let token: string;
let hub: string;
const pluginId = 'hubdemo';

/** Runs the compiled CLI without blocking this process's event loop (the hub runs in it). */
function nudge(args: string[], cwd = work): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', timeout: 240_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', path.join(root, 'sdk/tsconfig.json')], { stdio: 'inherit' });
  sandbox = new ProcessCertificationSandbox();
  h = await startHarness({ certificationSandbox: sandbox });
  hub = new URL(h.url).origin;
  work = await mkdtemp(path.join(os.tmpdir(), 'nudge-cli-hub-'));
  env = { ...process.env, NUDGE_CONFIG: path.join(work, 'config'), NODE_OPTIONS: '' };
  const user = await insertUser(h.database.db, { email: `cli-dev-${Date.now()}@example.test`, name: 'CLI Developer' });
  token = (await createApiToken(h.database.db, user.id, 'cli')).token;
}, 180_000);
afterAll(async () => {
  sandbox?.stop();
  await h?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('nudge hub commands against an in-process hub', () => {
  it('login refuses an unreachable hub and a rejected token, and saves a verified one', async () => {
    const unreachable = await nudge(['login', '--hub', 'http://127.0.0.1:9', '--token', token]);
    expect(unreachable.stderr).toMatch(/^error\[HUB_UNREACHABLE\]: could not reach the hub at http:\/\/127\.0\.0\.1:9\/graphql/);
    expect(unreachable.status).toBe(1);

    const rejected = await nudge(['login', '--hub', hub, '--token', 'nk_not-a-real-token']);
    expect(rejected.stderr).toMatch(/^error\[TOKEN_REJECTED\]: the hub at http:\/\/127\.0\.0\.1:\d+ rejected the token \(UNAUTHENTICATED\)/);
    expect(rejected.status).toBe(1);

    const ok = await nudge(['login', '--hub', `${hub}/`, '--token', token]);
    expect(ok.stdout).toContain('✓ Logged in to');
    expect(ok.stdout).toContain('cli-dev-');
    expect(ok.status).toBe(0);
    expect(JSON.parse(await readFile(path.join(work, 'config/config.json'), 'utf8'))).toEqual({ hub, token });
  }, 60_000);

  it('init → build with a registered key → publish (progress, version id, compatibility) → VERSION_EXISTS on repeat', async () => {
    // The developer's publisher and key, through the API as the developer portal does it.
    const created = await h.gql<{ createPublisher: { id: string } }>('mutation { createPublisher(input: { slug: "cli-studio", name: "CLI Studio" }) { id } }', { token });
    const publisherId = created.body.data!.createPublisher.id;
    expect((await nudge(['keys', 'generate', '--out', 'keys'])).status).toBe(0);
    const publicKey = await readFile(path.join(work, 'keys/publisher.pub'), 'utf8');
    const registered = await h.gql('mutation($p: ID!, $k: String!) { registerPublisherKey(publisherId: $p, publicKey: $k) { keyId } }', { token, variables: { p: publisherId, k: publicKey } });
    expect(registered.body.errors).toBeUndefined();

    expect((await nudge(['init', pluginId])).status).toBe(0);
    const dir = path.join(work, pluginId);
    const noBuild = await nudge(['publish', '--changelog', 'First release.'], dir);
    expect(noBuild).toMatchObject({ status: 1, stderr: expect.stringContaining('error[BUNDLE_MISSING]') });
    expect(noBuild.stderr).toContain('run `nudge build`');
    const build = await nudge(['build', '--key-dir', path.join(work, 'keys')], dir);
    expect(build.status, build.stderr).toBe(0);

    const noChangelog = await nudge(['publish'], dir);
    expect(noChangelog).toMatchObject({ status: 2, stderr: expect.stringContaining('a changelog entry is required') });

    await writeFile(path.join(dir, 'CHANGELOG.md'), '# Changelog\n\n## 0.1.0\n\nFirst release: contacts and deals.\n\n## 0.0.1\n\nOld.\n');
    const published = await nudge(['publish'], dir);
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('[1/3] Checking');
    expect(published.stdout).toMatch(/\[2\/3\] Uploading [\d.]+ KiB to http:\/\/127\.0\.0\.1:\d+/);
    expect(published.stdout).toMatch(/sent \(100%\)/);
    expect(published.stdout).toContain('[3/3] Waiting for the hub');
    expect(published.stdout).toContain(`✓ Published ${pluginId}@0.1.0 as DRAFT`);
    expect(published.stdout).toMatch(/version id {5}[0-9a-f-]{36}/);
    expect(published.stdout).toContain('compatibility  no earlier version of this major to compare with');
    expect(published.stdout).toContain('re-consent     not needed');
    const versionId = /version id {5}([0-9a-f-]{36})/.exec(published.stdout)![1]!;
    const stored = await h.gql<{ pluginVersion: { changelog: string; state: string } }>('query($id: ID!) { pluginVersion(id: $id) { changelog state } }', { token, variables: { id: versionId } });
    expect(stored.body.data!.pluginVersion).toEqual({ changelog: 'First release: contacts and deals.', state: 'DRAFT' });

    const again = await nudge(['publish', '--changelog', 'Again.'], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^error\[HUB_REFUSED\]: VERSION_EXISTS: hubdemo@0\.1\.0 is already on the hub/);
  }, 240_000);

  it('submit prints each gate; versions shows the state; deprecate is refused with the earliest sunset; promote and migrate', async () => {
    const dir = path.join(work, pluginId);
    const submitted = await nudge(['submit', dir]);
    const out = submitted.stdout;
    expect(out).toContain(`Submitted ${pluginId}@0.1.0`);
    for (const gate of ['manifest', 'sandbox_load', 'plugin_tests', 'security_review', 'performance', 'reliability', 'human_review']) expect(out).toContain(gate);
    // The scaffold records 1,050 contacts, so every automated gate passes, the performance gate
    // included, and the version waits for a platform reviewer (exit 0).
    expect(out).toMatch(/✓ performance +passed/);
    expect(out).toMatch(/✓ reliability +passed/);
    expect(out).toContain(`✓ Every automated gate passed. ${pluginId}@0.1.0 is IN_REVIEW`);
    expect(submitted.status, submitted.stderr).toBe(0);

    const listed = await nudge(['versions'], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/VERSION +STATE +TRUST +PUBLISHED +CERTIFIED +SUNSET +ID/);
    expect(listed.stdout).toMatch(/0\.1\.0 +IN_REVIEW +COMMUNITY/);
    expect((await nudge(['versions', pluginId])).stdout).toMatch(/0\.1\.0 +IN_REVIEW/);
    expect(listed.stdout).toContain('* no certified version yet');

    const notYet = await nudge(['promote', '0.1.0'], dir);
    expect(notYet.status).toBe(1);
    expect(notYet.stderr).toMatch(/^error\[NOT_PROMOTED\]: hubdemo@0\.1\.0 is not what new installations get: it is IN_REVIEW/);

    // A platform reviewer certifies it through the API, as the reviewer console does.
    const versionId = /([0-9a-f-]{36})/.exec(listed.stdout.split('\n').find((l) => l.includes('0.1.0'))!)![1]!;
    const reviewer = await platformUser(h, 'reviewer');
    const certified = await h.gql('mutation($id: ID!) { certifyVersion(versionId: $id, notes: "Checked the scopes and the report.") { __typename } }', { token: reviewer.token, variables: { id: versionId } });
    expect(certified.body.errors).toBeUndefined();
    const promoted = await nudge(['promote', '0.1.0', '--plugin', pluginId]);
    expect(promoted.status, promoted.stderr).toBe(0);
    expect(promoted.stdout).toContain('✓ hubdemo@0.1.0 is certified and is the version new installations get');
    expect(promoted.stdout).toContain('installations on it: 0 (0 active)');

    const policy = await h.gql<{ deprecationPolicy: { earliestSunset: string } }>('{ deprecationPolicy { earliestSunset } }', { token });
    const earliest = policy.body.data!.deprecationPolicy.earliestSunset.slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const refused = await nudge(['deprecate', '0.1.0', '--sunset', tomorrow, '--message', 'Use 1.x'], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`error[HUB_REFUSED]: the deprecation policy refused sunset ${tomorrow}`);
    expect(refused.stderr).toContain(`the earliest sunset allowed now is ${earliest}`);
    expect(refused.stderr).toContain('was not deprecated');

    const migrated = await nudge(['migrate', '0', '0.1.0', '--canary', '10'], dir);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain(`Moved 0 installation(s) of ${pluginId} major 0 to 0.1.0 (canary 10% of them).`);

    const deprecated = await nudge(['deprecate', '0.1.0', '--sunset', earliest, '--message', 'Use 1.x'], dir);
    expect(deprecated.status, deprecated.stderr).toBe(0);
    expect(deprecated.stdout).toContain(`✓ ${pluginId}@0.1.0 is DEPRECATED; it stops working after ${earliest}.`);
    expect((await nudge(['versions'], dir)).stdout).toMatch(new RegExp(`0\\.1\\.0 +DEPRECATED +CERTIFIED +\\S+ +\\S+ +${earliest}`));
  }, 480_000);
  it('a version whose recorded sync cannot prove 1,000 records fails the performance gate, and submit says so (exit 1)', async () => {
    const dir = path.join(work, pluginId);
    const pluginFile = path.join(dir, 'src/index.ts');
    await writeFile(pluginFile, (await readFile(pluginFile, 'utf8')).replace("version: '0.1.0'", "version: '0.1.1'"));
    const fixtureFile = path.join(dir, 'fixtures/contacts-pages.json');
    const pages = JSON.parse(await readFile(fixtureFile, 'utf8')) as { exchanges: Array<{ request: { query: Record<string, string> }; response: { body: { contacts: unknown[]; next_cursor: string | null } } }> };
    const first = pages.exchanges.find((e) => !('cursor' in e.request.query))!;
    first.response.body = { contacts: first.response.body.contacts.slice(0, 3), next_cursor: null };
    await writeFile(fixtureFile, JSON.stringify({ ...pages, exchanges: [first] }));
    await writeFile(path.join(dir, 'tests/contacts.test.json'), JSON.stringify({ name: 'contacts sync reads its one page', kind: 'sync', target: 'contacts', input: { cursor: null }, fixtures: ['contacts-pages'], expect: { ok: true, count: 3, output: { hasMore: false } } }));
    expect((await nudge(['build', '--key-dir', path.join(work, 'keys')], dir)).status).toBe(0);
    const published = await nudge(['publish', '--changelog', 'Smaller recording.'], dir);
    expect(published.status, published.stderr).toBe(0);
    const submitted = await nudge(['submit', dir]);
    expect(submitted.stdout).toMatch(/✓ plugin_tests +passed/);
    expect(submitted.stdout).toMatch(/✗ performance +failed/);
    expect(submitted.stdout).toContain('brought 3 records from its fixtures; the gate needs 1000');
    expect(submitted.stderr).toMatch(/^error\[CERTIFICATION_FAILED\]: hubdemo@0\.1\.1 did not pass certification \(FAILED: performance failed\)/);
    expect(submitted.status).toBe(1);
    expect((await nudge(['versions'], dir)).stdout).toMatch(/0\.1\.1 +REJECTED +COMMUNITY/);
  }, 240_000);
});
