/**
 * A third-party plugin made the way a developer makes one: `nudge init` with
 * OAuth, pointed at the test OAuth provider and the test API host, a required
 * setting for the generated form, then `nudge test`, `nudge keys generate` and
 * `nudge build` with the real CLI. Returns the signed bundle and the public key.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const NUDGE = path.join(REPO_ROOT, 'sdk/bin/nudge.js');

export const TEST_PLUGIN_ID = 'browser-crm';
/** The OAuth provider id the plugin names: a catalog id (lower-case) that is also a manifest member name. */
export const TEST_PROVIDER_ID = 'testoidc';
/** The test plugin's API host; the platform's egress sends it to a loopback server. */
export const TEST_API_HOST = 'api.browser-crm.test';
export const TEST_PLUGIN_NAME = 'Browser Test CRM';

export interface BuiltPlugin {
  dir: string;
  bundleFile: string;
  publicKeyPem: string;
  keyDir: string;
  /** Runs the nudge CLI in the plugin folder; never throws (the caller reads the exit code). */
  nudge(args: string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
}

function rewrite(file: string, edit: (text: string) => string): void {
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
}

export async function buildTestPlugin(): Promise<BuiltPlugin> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-plugin-'));
  const dir = path.join(root, TEST_PLUGIN_ID);
  const keyDir = path.join(root, 'keys');
  const nudge = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--no-node-snapshot', NUDGE, ...args], { cwd: fs.existsSync(dir) ? dir : root, env: { ...process.env, ...env } });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };
  const init = await nudge(['init', dir, '--auth', 'oauth2', '--name', TEST_PLUGIN_NAME]);
  if (init.code !== 0) throw new Error(`nudge init failed: ${init.stderr}`);
  // The scaffold depends on the SDK by a file: path; link it instead of running npm install.
  fs.mkdirSync(path.join(dir, 'node_modules/@nudgecampaign'), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, 'sdk'), path.join(dir, 'node_modules/@nudgecampaign/plugin-sdk'), 'dir');

  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, file);
    if (file.startsWith('node_modules') || !/\.(ts|json)$/.test(file) || !fs.statSync(full).isFile()) continue;
    rewrite(full, (t) => t.replaceAll('api.example.com', TEST_API_HOST).replaceAll('owner@example.com', 'owner@browser-crm.test'));
  }
  rewrite(path.join(dir, 'src/auth.ts'), (t) =>
    t
      .replace(/provider: \{[^}]*\}/, `provider: '${TEST_PROVIDER_ID}'`)
      .replace(/scopes: \[[^\]]*\]/, "scopes: ['openid', 'offline_access', 'profile']"),
  );
  rewrite(path.join(dir, 'src/index.ts'), (t) =>
    t.replace(
      /settings: \{[^\n]*\n?/,
      "settings: { type: 'object', properties: { defaultTag: { type: 'string', title: 'Tag for new contacts', minLength: 2 }, syncDays: { type: 'integer', title: 'Days of history to sync', minimum: 1, maximum: 90, default: 30 } }, required: ['defaultTag'] },\n",
    ),
  );
  rewrite(path.join(dir, 'src/index.ts'), (t) => t.replace(/categories: \[[^\]]*\]/, "categories: ['crm', 'testing']"));
  // No sync: the certification performance gate wants 1000 records of sync fixtures, more than a test needs.
  rewrite(path.join(dir, 'src/index.ts'), (t) =>
    t
      .replace(/import \{ contacts \} from '\.\/syncs\/contacts\.js';\n/, '')
      .replace(/\n\s*syncs: \{ contacts \},/, '')
      .replace(' and syncs them all', ''),
  );
  fs.rmSync(path.join(dir, 'src/syncs'), { recursive: true, force: true });
  fs.rmSync(path.join(dir, 'tests/contacts.test.json'));
  fs.rmSync(path.join(dir, 'fixtures/contacts-pages.json'));

  const test = await nudge(['test']);
  if (test.code !== 0) throw new Error(`nudge test failed:\n${test.stdout}\n${test.stderr}`);
  const keys = await nudge(['keys', 'generate', '--out', keyDir]);
  if (keys.code !== 0) throw new Error(`nudge keys generate failed: ${keys.stderr}`);
  const build = await nudge(['build', '--key-dir', keyDir]);
  if (build.code !== 0) throw new Error(`nudge build failed:\n${build.stdout}\n${build.stderr}`);
  const bundle = fs.readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.nudge.json'));
  if (!bundle) throw new Error('nudge build wrote no bundle');
  return { dir, keyDir, bundleFile: path.join(dir, 'dist', bundle), publicKeyPem: fs.readFileSync(path.join(keyDir, 'publisher.pub'), 'utf8'), nudge };
}

/**
 * The next release of the same plugin, made the same way: the definition's
 * version bumped (a new major when the first number changes), extra OAuth
 * scopes asked for, then `nudge test` and `nudge build` with the same key.
 */
export async function rebuildTestPlugin(plugin: BuiltPlugin, options: { version: string; addScopes?: string[] }): Promise<string> {
  rewrite(path.join(plugin.dir, 'src/index.ts'), (t) => t.replace(/version: '[^']+'/, `version: '${options.version}'`));
  if (options.addScopes?.length) {
    rewrite(path.join(plugin.dir, 'src/auth.ts'), (t) => t.replace(/scopes: \[([^\]]*)\]/, (_m, list: string) => `scopes: [${list}, ${options.addScopes!.map((s) => `'${s}'`).join(', ')}]`));
  }
  const test = await plugin.nudge(['test']);
  if (test.code !== 0) throw new Error(`nudge test failed:\n${test.stdout}\n${test.stderr}`);
  const build = await plugin.nudge(['build', '--key-dir', plugin.keyDir]);
  if (build.code !== 0) throw new Error(`nudge build failed:\n${build.stdout}\n${build.stderr}`);
  const bundle = fs.readdirSync(path.join(plugin.dir, 'dist')).find((f) => f.endsWith(`-${options.version}.nudge.json`));
  if (!bundle) throw new Error(`nudge build wrote no bundle for ${options.version}`);
  return path.join(plugin.dir, 'dist', bundle);
}
