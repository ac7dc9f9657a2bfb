/**
 * The checks behind `nudge validate`: the manifest against its schema, the definition's hooks, the
 * source code (literal URLs to hosts outside permissions.hosts) and the tests and fixtures. Every
 * problem names a JSON Pointer or a file:line and says what is expected.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateManifest } from '../manifest/validate-manifest.js';
import { hostAllowed } from '../runtime/egress-allowlist.js';
import type { LoadedPlugin } from './load-plugin.js';

/** One finding of `nudge validate`. `location` is a JSON Pointer into the manifest or `file:line`. */
export interface PluginProblem {
  severity: 'error' | 'warning';
  location: string;
  message: string;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const members = (v: unknown): Array<[string, Node]> => (isNode(v) ? Object.entries(v).filter((e): e is [string, Node] => isNode(e[1])) : []);

function error(location: string, text: string): PluginProblem {
  return { severity: 'error', location, message: `${location}: ${text}` };
}

/** Hooks the sandbox will call must be functions; the manifest cannot show their absence. */
function hookProblems(def: Node): PluginProblem[] {
  const problems: PluginProblem[] = [];
  const need = (owner: Node, key: string, at: string, signature: string) => {
    if (typeof owner[key] !== 'function') problems.push(error(`${at}/${key}`, `is ${owner[key] === undefined ? 'missing' : 'not a function'}; expected ${signature}.`));
  };
  if (isNode(def.auth) && def.auth.type !== 'none') need(def.auth, 'test', '/auth', 'async test(ctx) that checks the credentials and returns { ok: true }');
  for (const [name, action] of members(def.actions)) need(action, 'run', `/actions/${name}`, 'async run(ctx, input)');
  for (const [name, trigger] of members(def.triggers)) {
    if (trigger.type === 'polling') need(trigger, 'poll', `/triggers/${name}`, 'async poll(ctx, { state }) returning new items');
    if (trigger.type === 'webhook') {
      need(trigger, 'subscribe', `/triggers/${name}`, 'async subscribe(ctx, { webhookUrl })');
      need(trigger, 'unsubscribe', `/triggers/${name}`, 'async unsubscribe(ctx, { subscription })');
      need(trigger, 'verify', `/triggers/${name}`, 'verify(ctx, request) returning a boolean');
    }
  }
  for (const [name, sync] of members(def.syncs)) need(sync, 'fetch', `/syncs/${name}`, 'async fetch(ctx, { cursor }) returning { records, nextCursor, hasMore }');
  if (isNode(def.options)) {
    for (const [name, provider] of Object.entries(def.options)) {
      if (typeof provider !== 'function') problems.push(error(`/options/${name}`, 'is not a function; expected async (ctx, { input }) => [{ label, value }].'));
    }
  }
  return problems;
}

async function sourceFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') out.push(...(await sourceFiles(full)));
    else if (/\.(ts|js|mts|mjs)$/.test(entry.name) && !/\.test\.[mc]?[jt]s$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

const URL_IN_CODE = /\bhttps?:\/\/([A-Za-z0-9.-]+|\$\{)/g;

/** Literal URLs whose host is not allowlisted (the sandbox would deny them at run time). */
async function urlProblems(plugin: LoadedPlugin, hosts: readonly string[]): Promise<PluginProblem[]> {
  const problems: PluginProblem[] = [];
  const auth = isNode(plugin.manifest.auth) ? plugin.manifest.auth : {};
  // Endpoints the host itself calls (OAuth) and the icon are not plugin egress.
  const hostSide = new Set<string>();
  if (isNode(auth.provider)) for (const v of Object.values(auth.provider)) if (typeof v === 'string' && URL.canParse(v)) hostSide.add(new URL(v).hostname);
  for (const file of await sourceFiles(path.join(plugin.dir, 'src'))) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      const trimmed = line.trim();
      if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
      for (const match of line.matchAll(URL_IN_CODE)) {
        const host = match[1] ?? '';
        if (host === '${' || host === '' || hostSide.has(host.toLowerCase())) continue;
        if (!hostAllowed(host, hosts)) {
          const where = `${path.relative(plugin.dir, file)}:${index + 1}`;
          problems.push(error(where, `calls ${host}, which is not in permissions.hosts; expected the host (or a *.${host.split('.').slice(1).join('.')} pattern) in permissions.hosts, or a call to an allowed host.`));
        }
      }
    });
  }
  return problems;
}

const TARGETS: Record<string, string> = { action: 'actions', trigger: 'triggers', sync: 'syncs', options: 'options', webhook: 'triggers' };

function testProblems(plugin: LoadedPlugin, hosts: readonly string[]): PluginProblem[] {
  const problems: PluginProblem[] = [];
  if (plugin.tests.length === 0) problems.push({ severity: 'warning', location: 'tests/', message: 'tests/: has no *.test.json case; expected at least one case per action, trigger and sync.' });
  const fixtureNames = new Set(plugin.fixtures.map((f) => f.name));
  for (const testCase of plugin.tests) {
    const at = `tests: case "${testCase.name}"`;
    const group = TARGETS[testCase.kind];
    if (group) {
      const names = Object.keys(isNode(plugin.definition[group]) ? (plugin.definition[group] as Node) : {});
      if (!names.includes(testCase.target)) problems.push(error(at, `targets ${testCase.kind} "${testCase.target}", which the definition does not have; expected one of ${names.join(', ') || '(none)'}.`));
    }
    for (const name of testCase.fixtures ?? []) {
      if (!fixtureNames.has(name)) problems.push(error(at, `lists fixture "${name}", which no fixtures/*.json defines; expected one of ${[...fixtureNames].join(', ') || '(none)'}.`));
    }
  }
  for (const fixture of plugin.fixtures) {
    fixture.exchanges.forEach((exchange, i) => {
      const host = new URL(exchange.request.url).hostname;
      if (!hostAllowed(host, hosts)) problems.push(error(`fixtures: "${fixture.name}" /exchanges/${i}/request/url`, `is on ${host}, which is not in permissions.hosts; expected a recorded response from an allowed host.`));
    });
  }
  const covered = new Set(plugin.tests.map((t) => `${TARGETS[t.kind] ?? t.kind}/${t.target}`));
  for (const group of ['actions', 'triggers', 'syncs']) {
    for (const [name] of members(plugin.definition[group])) {
      if (!covered.has(`${group}/${name}`)) problems.push({ severity: 'warning', location: `/${group}/${name}`, message: `/${group}/${name}: has no test case; expected a tests/*.test.json case with "target": "${name}".` });
    }
  }
  return problems;
}

/** Runs every check; errors make `nudge validate` exit 1, warnings do not. */
export async function checkPlugin(plugin: LoadedPlugin): Promise<PluginProblem[]> {
  const problems: PluginProblem[] = [];
  const result = validateManifest(plugin.manifest);
  if (!result.ok) problems.push(...result.problems.map((p) => ({ severity: 'error' as const, location: p.path, message: p.message })));
  const folder = path.basename(path.resolve(plugin.dir));
  if (typeof plugin.manifest.id === 'string' && plugin.manifest.id !== folder) {
    problems.push(error('/id', `is "${plugin.manifest.id}" but the folder is "${folder}"; expected the id to equal the plugin's folder name.`));
  }
  const icon = plugin.manifest.icon;
  if (typeof icon === 'string' && /\.(svg|png)$/.test(icon) && !/^(https:|data:)/.test(icon) && !existsSync(path.join(plugin.dir, icon))) {
    problems.push(error('/icon', `names the file ${icon}, which does not exist; expected the icon file in the plugin folder.`));
  }
  problems.push(...hookProblems(plugin.definition));
  const permissions = isNode(plugin.manifest.permissions) ? plugin.manifest.permissions : {};
  const hosts = Array.isArray(permissions.hosts) ? permissions.hosts.filter((h): h is string => typeof h === 'string') : [];
  problems.push(...(await urlProblems(plugin, hosts)));
  problems.push(...testProblems(plugin, hosts));
  return problems;
}
