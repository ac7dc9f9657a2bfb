/**
 * The hub commands: login, publish, submit, versions, deprecate, promote, migrate. They talk to the
 * hub's GraphQL API (`<hub>/graphql`) with the API token saved by `nudge login`. Nothing here
 * reports success the hub did not confirm: every result printed comes from the hub's response.
 *
 * The hub's lifecycle: publish → DRAFT; submit → automated gates → IN_REVIEW (a platform reviewer
 * decides) → CERTIFIED. The newest certified version is what new installations get, with no further
 * step; so `promote` reports (and can wait for) that state rather than changing it. `migrate` moves
 * existing installations of a major to a certified version, for a canary percentage of them.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyBundle } from '../../bundle/plugin-bundle.js';
import { readConfig, writeConfig } from '../cli-config.js';
import { CliError, CLI_ERROR_CODES } from '../cli-error.js';
import { HubRefusedError, hubRequest, hubUpload, type HubLogin } from '../hub-client.js';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLUGIN_ID = /^[a-z][a-z0-9-]{1,62}$/;

export const HUB_USAGE: Record<string, string> = {
  login: 'nudge login --hub <URL> --token <API token>',
  publish: 'nudge publish [dir] [--changelog <text>]',
  submit: 'nudge submit [dir|versionId] [--wait <seconds>]',
  versions: 'nudge versions [dir|pluginId]',
  deprecate: 'nudge deprecate <version> --sunset <YYYY-MM-DD> --message <text> [dir] [--plugin <id>]',
  promote: 'nudge promote <version> [dir] [--plugin <id>] [--wait <seconds>]',
  migrate: 'nudge migrate <from-major> <to-version> --canary <1-100> [dir] [--plugin <id>]',
};

function usage(command: string, what: string): CliError {
  return new CliError(CLI_ERROR_CODES.USAGE, `${what}; usage: ${HUB_USAGE[command]}`);
}

function semver(command: string, value: string | undefined, label: string): string {
  if (!value || !SEMVER.test(value)) throw usage(command, `${label} is ${value ? `"${value}"` : 'missing'}; expected a semantic version such as 1.2.0`);
  return value;
}

function intOption(command: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw usage(command, `--${name} is "${value}"; expected an integer from ${min} to ${max}`);
  return n;
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** The plugin id and version from the folder's manifest.json (written by nudge build). */
async function builtPlugin(command: string, dir: string): Promise<{ id: string; version: string }> {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${file} does not exist; run \`nudge build\` in the plugin folder before \`nudge ${command}\`.`);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { id?: unknown; version?: unknown };
  return { id: String(manifest.id), version: String(manifest.version) };
}

/** The plugin id from --plugin, else from the folder's manifest.json. */
async function pluginIdFrom(command: string, plugin: string | undefined, dir: string | undefined): Promise<string> {
  if (plugin !== undefined) {
    if (!PLUGIN_ID.test(plugin)) throw usage(command, `--plugin is "${plugin}"; expected a plugin id such as acme-crm`);
    return plugin;
  }
  return (await builtPlugin(command, path.resolve(dir ?? '.'))).id;
}

async function requireLogin(): Promise<HubLogin> {
  const config = await readConfig();
  if (!config.hub || !config.token) throw new CliError(CLI_ERROR_CODES.NOT_LOGGED_IN, `no hub login is stored; run \`${HUB_USAGE.login}\` first.`);
  return { hub: config.hub, token: config.token };
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '-');

// ---------------------------------------------------------------------------------------------
// Hub reads

interface VersionNode {
  id: string;
  version: string;
  major: number;
  state: string;
  trustLevel: string;
  createdAt: string;
  certifiedAt: string | null;
  sunsetAt: string | null;
}

interface ListingView {
  id: string;
  name: string;
  latestVersion: { id: string; version: string } | null;
  versions: VersionNode[];
}

const VERSION_FIELDS = 'id version major state trustLevel createdAt certifiedAt sunsetAt';

/** The plugin as the caller sees it on the hub (every version a publisher member may see), or null. */
async function fetchListing(login: HubLogin, pluginId: string): Promise<ListingView | null> {
  const versions: VersionNode[] = [];
  let after: string | null = null;
  let head: { id: string; name: string; latestVersion: ListingView['latestVersion'] } | null = null;
  for (let page = 0; page < 50; page++) {
    type Page = { listing: null | { id: string; name: string; latestVersion: ListingView['latestVersion']; versions: { edges: Array<{ node: VersionNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const data: Page = await hubRequest<Page>(
      login,
      `query NudgeVersions($id: ID!, $after: String) { listing(id: $id) { id name latestVersion { id version } versions(first: 100, after: $after) { edges { node { ${VERSION_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`,
      { id: pluginId, after },
    );
    if (!data.listing) return null;
    head = { id: data.listing.id, name: data.listing.name, latestVersion: data.listing.latestVersion };
    versions.push(...data.listing.versions.edges.map((e) => e.node));
    if (!data.listing.versions.pageInfo.hasNextPage) break;
    after = data.listing.versions.pageInfo.endCursor;
  }
  return head ? { ...head, versions } : null;
}

function notOnHub(login: HubLogin, pluginId: string): CliError {
  return new CliError(CLI_ERROR_CODES.HUB_REFUSED, `the hub at ${login.hub} has no plugin "${pluginId}" that you can see: publish it first (\`nudge publish\`), or check that your token's user is a member of its publisher.`);
}

/** The hub's id of `pluginId@version`. */
async function resolveVersion(login: HubLogin, pluginId: string, version: string): Promise<{ listing: ListingView; node: VersionNode }> {
  const listing = await fetchListing(login, pluginId);
  if (!listing) throw notOnHub(login, pluginId);
  const node = listing.versions.find((v) => v.version === version);
  if (!node) {
    throw new CliError(
      CLI_ERROR_CODES.HUB_REFUSED,
      `${pluginId}@${version} is not on the hub at ${login.hub}; it has ${listing.versions.map((v) => v.version).join(', ') || 'no versions you can see'}. Publish it first with \`nudge publish\`.`,
    );
  }
  return { listing, node };
}

interface GateView {
  gate: string;
  status: string;
  durationMs: number | null;
  logs: string;
}

interface CertificationView {
  id: string;
  status: string;
  decisionNotes: string | null;
  gates: GateView[];
}

const CERTIFICATION_FIELDS = 'id status decisionNotes gates { gate status durationMs logs }';

async function fetchCertification(login: HubLogin, versionId: string): Promise<{ version: string; pluginId: string; state: string; certification: CertificationView | null }> {
  const data = await hubRequest<{ pluginVersion: null | { version: string; pluginId: string; state: string; certification: CertificationView | null } }>(
    login,
    `query NudgeCertification($id: ID!) { pluginVersion(id: $id) { version pluginId state certification { ${CERTIFICATION_FIELDS} } } }`,
    { id: versionId },
  );
  if (!data.pluginVersion) throw new CliError(CLI_ERROR_CODES.HUB_REFUSED, `the hub at ${login.hub} has no plugin version ${versionId} that you can see.`);
  return data.pluginVersion;
}

const GATE_MARK: Record<string, string> = { PASSED: '✓', FAILED: '✗', SKIPPED: '-', PENDING: '…', RUNNING: '▶' };

function printGate(gate: GateView): void {
  out(`  ${GATE_MARK[gate.status] ?? '?'} ${gate.gate.padEnd(16)} ${gate.status.toLowerCase()}${gate.durationMs !== null && gate.durationMs !== undefined ? ` (${gate.durationMs} ms)` : ''}`);
  if (gate.status === 'FAILED' && gate.logs.trim()) {
    for (const line of gate.logs.trim().split('\n').slice(-12)) out(`      ${line}`);
  }
}

/**
 * Prints each gate as its status appears or changes, polling until the run is no longer RUNNING or
 * `waitSeconds` have passed. Returns the last report.
 */
async function followCertification(login: HubLogin, versionId: string, first: CertificationView | null, waitSeconds: number): Promise<CertificationView | null> {
  const seen = new Map<string, string>();
  const show = (report: CertificationView | null) => {
    for (const gate of report?.gates ?? []) {
      if (seen.get(gate.gate) === gate.status) continue;
      seen.set(gate.gate, gate.status);
      printGate(gate);
    }
  };
  let report = first;
  show(report);
  const deadline = Date.now() + waitSeconds * 1000;
  while (report?.status === 'RUNNING' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, Math.max(0, deadline - Date.now()))));
    report = (await fetchCertification(login, versionId)).certification;
    show(report);
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// Commands

async function login(values: { hub?: string; token?: string }): Promise<number> {
  if (!values.hub || !URL.canParse(values.hub) || !/^https?:$/.test(new URL(values.hub).protocol)) throw usage('login', `--hub is ${values.hub ? `"${values.hub}"` : 'missing'}; expected the hub's URL`);
  if (!values.token || values.token.trim() === '') throw usage('login', '--token is missing; expected an API token from the hub');
  const hub = new URL(values.hub).origin;
  const candidate: HubLogin = { hub, token: values.token.trim() };
  type Viewer = { user: { email: string; name: string }; tokenScopes: string[] | null; publishers: Array<{ role: string; publisher: { slug: string } }> };
  let viewer: Viewer | null;
  try {
    // deprecationPolicy needs a signed-in caller, so a rejected token comes back with the hub's code.
    viewer = (await hubRequest<{ viewer: Viewer | null }>(candidate, 'query NudgeLogin { viewer { user { email name } tokenScopes publishers { role publisher { slug } } } deprecationPolicy { minNoticeDays } }')).viewer;
  } catch (error) {
    if (error instanceof HubRefusedError) {
      throw new CliError(CLI_ERROR_CODES.TOKEN_REJECTED, `the hub at ${hub} rejected the token (${error.hubCode}): ${error.message.replace(/^the hub refused \([^)]*\): /, '')} Nothing was saved; create a token in the developer portal and try again.`);
    }
    throw error;
  }
  if (!viewer) throw new CliError(CLI_ERROR_CODES.TOKEN_REJECTED, `the hub at ${hub} does not recognise the token (no viewer). Nothing was saved.`);
  const file = await writeConfig({ hub, token: candidate.token });
  out(`✓ Logged in to ${hub} as ${viewer.user.email}.`);
  out(`  token scopes  ${viewer.tokenScopes && viewer.tokenScopes.length ? viewer.tokenScopes.join(', ') : 'all of your roles'}`);
  out(`  publishers    ${viewer.publishers.length ? viewer.publishers.map((p) => `${p.publisher.slug} (${p.role.toLowerCase()})`).join(', ') : 'none: an owner must add you to a publisher before you can publish'}`);
  if (viewer.tokenScopes && viewer.tokenScopes.length && !viewer.tokenScopes.includes('PUBLISH')) out('  warning: this token lacks the PUBLISH scope, so publish, submit, deprecate and migrate will be refused.');
  out(`Saved the hub URL and token to ${file} (mode 0600).`);
  return 0;
}

/** The top entry of CHANGELOG.md when its heading names `version`: the text up to the next `## ` heading. */
async function changelogEntry(dir: string, version: string): Promise<string | undefined> {
  const file = path.join(dir, 'CHANGELOG.md');
  if (!existsSync(file)) return undefined;
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s/.test(l));
  if (start < 0) return undefined;
  const heading = lines[start]!.replace(/^##\s+/, '').trim();
  const named = heading.replace(/^\[|\]/g, '').split(/[\s\]]/)[0]!.replace(/^v/, '');
  if (named !== version) {
    throw new CliError(CLI_ERROR_CODES.USAGE, `the top entry of ${file} is "## ${heading}", not version ${version}; add a "## ${version}" entry or pass --changelog "…"`);
  }
  const end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  return body || undefined;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

interface CompatibilityView {
  breaking?: Array<{ kind: string; path: string; message: string }>;
  reconsent?: { addedScopes?: string[]; addedHosts?: string[] };
}

function explainPublishError(error: HubRefusedError, id: string, version: string, keyId: string | undefined): CliError {
  const ext = error.extensions;
  const refuse = (what: string) => new CliError(CLI_ERROR_CODES.HUB_REFUSED, `${what} Nothing was published.`);
  switch (error.reason) {
    case 'BREAKING_CHANGE': {
      const breaks = Array.isArray(ext.breaking) ? (ext.breaking as Array<{ kind: string; path: string; message: string }>) : [];
      return refuse(
        `BREAKING_CHANGE: ${id}@${version} breaks compatibility with the previous version of its major in ${breaks.length} place(s):\n${breaks.map((b) => `  ${b.path}  ${b.kind}: ${b.message}`).join('\n')}\nRelease it as a new major version (bump the first number) or restore compatibility, then \`nudge build\` and publish again.`,
      );
    }
    case 'VERSION_EXISTS':
      return refuse(`VERSION_EXISTS: ${id}@${version} is already on the hub, and versions are immutable. Bump \`version\` in the definition, run \`nudge build\`, then publish again.`);
    case 'UNKNOWN_KEY':
      return refuse(`UNKNOWN_KEY: the hub does not know the key${keyId ? ` ${keyId}` : ''} that signed the bundle. A publisher owner must register its publisher.pub (developer portal → Keys, or the registerPublisherKey mutation); then publish again.`);
    case 'SIGNATURE_INVALID':
    case 'DIGEST_MISMATCH':
    case 'BUNDLE_MALFORMED':
      return refuse(`${error.reason}: the hub rejected the bundle (${error.message}). The file was changed after \`nudge build\` or is damaged; run \`nudge build\` again.`);
    default:
      break;
  }
  if (Array.isArray(ext.problems)) {
    const problems = ext.problems as Array<{ path?: string; message?: string }>;
    return refuse(`${error.hubCode}: the hub rejected the manifest:\n${problems.map((p) => `  ${p.path ?? ''} ${p.message ?? ''}`.trimEnd()).join('\n')}`);
  }
  return refuse(`${error.reason ?? error.hubCode}: ${error.message.replace(/^the hub refused \([^)]*\): /, '')}`);
}

async function publish(positionals: string[], values: { changelog?: string }): Promise<number> {
  if (positionals.length > 1) throw usage('publish', 'expected at most one folder');
  const dir = path.resolve(positionals[0] ?? '.');
  const { id, version } = await builtPlugin('publish', dir);
  const bundleFile = path.join(dir, 'dist', `${id}-${version}.nudge.json`);
  if (!existsSync(bundleFile)) throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${bundleFile} does not exist; run \`nudge build\` first.`);
  const changelog = values.changelog?.trim() || (await changelogEntry(dir, version));
  if (!changelog) throw usage('publish', `a changelog entry is required: pass --changelog "what changed for customers", or start ${path.join(dir, 'CHANGELOG.md')} with a "## ${version}" entry`);
  const login = await requireLogin();

  out(`[1/3] Checking ${path.relative(process.cwd(), bundleFile) || bundleFile}`);
  const content = await readFile(bundleFile);
  let bundle: { manifest?: { id?: unknown; version?: unknown }; signature?: { keyId?: string } };
  try {
    bundle = JSON.parse(content.toString('utf8')) as typeof bundle;
  } catch {
    throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${bundleFile} is not JSON; run \`nudge build\` again.`);
  }
  const check = verifyBundle(bundle, () => undefined);
  if (!check.ok && check.code !== 'UNKNOWN_KEY') throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${bundleFile} is not a valid bundle (${check.code}: ${check.message}); run \`nudge build\` again.`);
  if (bundle.manifest?.id !== id || bundle.manifest?.version !== version) throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${bundleFile} does not hold ${id}@${version}; run \`nudge build\` again.`);
  const keyId = bundle.signature?.keyId;

  out(`[2/3] Uploading ${formatBytes(content.length)} to ${login.hub}`);
  const tty = process.stdout.isTTY;
  let lastQuarter = -1;
  const progress = (sent: number, total: number) => {
    const pct = total ? Math.floor((sent / total) * 100) : 100;
    if (tty) {
      process.stdout.write(`\r      ${formatBytes(sent)} / ${formatBytes(total)} (${pct}%)${sent >= total ? '\n' : ''}`);
      return;
    }
    const quarter = Math.floor(pct / 25);
    if (quarter === lastQuarter) return;
    lastQuarter = quarter;
    out(`      ${formatBytes(sent)} / ${formatBytes(total)} sent (${pct}%)`);
  };
  type Payload = { publishVersion: { digest: string; requiresReconsent: boolean; compatibility: CompatibilityView | null; version: { id: string; version: string; state: string; trustLevel: string } } };
  let result: Payload['publishVersion'];
  const uploaded = hubUpload<Payload>(
    login,
    'mutation NudgePublish($bundle: Upload!, $changelog: String!) { publishVersion(bundle: $bundle, changelog: $changelog) { digest requiresReconsent compatibility version { id version state trustLevel } } }',
    { changelog },
    { variable: 'bundle', name: path.basename(bundleFile), type: 'application/json', content },
    (sent, total) => {
      progress(sent, total);
      if (sent >= total) out('[3/3] Waiting for the hub to verify the signature, digest, manifest and compatibility');
    },
  );
  try {
    result = (await uploaded).publishVersion;
  } catch (error) {
    if (error instanceof HubRefusedError) throw explainPublishError(error, id, version, keyId);
    throw error;
  }
  const compat = result.compatibility;
  out(`✓ Published ${id}@${result.version.version} as ${result.version.state} (trust level ${result.version.trustLevel}).`);
  out(`  version id     ${result.version.id}`);
  out(`  digest         ${result.digest}`);
  if (!compat) out('  compatibility  no earlier version of this major to compare with');
  else {
    const breaking = compat.breaking ?? [];
    out(`  compatibility  ${breaking.length ? `${breaking.length} breaking change(s) (allowed: new major)` : 'no breaking changes against the previous version'}`);
    for (const b of breaking) out(`    ${b.path}  ${b.kind}: ${b.message}`);
  }
  const scopes = compat?.reconsent?.addedScopes ?? [];
  const hosts = compat?.reconsent?.addedHosts ?? [];
  out(
    `  re-consent     ${result.requiresReconsent ? `needed: installations must consent to ${[...scopes.map((s) => `scope ${s}`), ...hosts.map((h) => `host ${h}`)].join(', ') || 'new permissions'} before moving to it` : 'not needed'}`,
  );
  out(`Next: \`nudge submit ${result.version.id}\` sends it to certification.`);
  return 0;
}

async function submit(positionals: string[], values: { wait?: string }): Promise<number> {
  if (positionals.length > 1) throw usage('submit', 'expected at most one folder or version id');
  const waitSeconds = intOption('submit', 'wait', values.wait, 0, 3600) ?? 600;
  const arg = positionals[0];
  let versionId: string;
  let label: string;
  if (arg && UUID.test(arg) && !isDir(path.resolve(arg))) {
    versionId = arg;
    label = arg;
  } else {
    const { id, version } = await builtPlugin('submit', path.resolve(arg ?? '.'));
    const login = await requireLogin();
    versionId = (await resolveVersion(login, id, version)).node.id;
    label = `${id}@${version}`;
  }
  const login = await requireLogin();
  type Payload = { submitVersion: { certificationStarted: boolean; version: { id: string; pluginId: string; version: string; state: string }; certification: CertificationView | null } };
  const { submitVersion } = await hubRequest<Payload>(
    login,
    `mutation NudgeSubmit($id: ID!) { submitVersion(versionId: $id) { certificationStarted version { id pluginId version state } certification { ${CERTIFICATION_FIELDS} } } }`,
    { id: versionId },
  );
  label = `${submitVersion.version.pluginId}@${submitVersion.version.version}`;
  if (!submitVersion.certificationStarted) {
    out(`Submitted ${label} (${versionId}); it is ${submitVersion.version.state}.`);
    out('The hub has no certification sandbox, so the automated gates did not run: the version waits in SUBMITTED until the platform runs them. Check with `nudge versions`.');
    return 0;
  }
  out(`Submitted ${label} (${versionId}) for certification. Gates:`);
  const report = await followCertification(login, versionId, submitVersion.certification, waitSeconds);
  const status = report?.status ?? 'RUNNING';
  if (status === 'RUNNING') {
    throw new CliError(CLI_ERROR_CODES.CERTIFICATION_PENDING, `${label} is still in certification after ${waitSeconds} s; follow it with \`nudge promote ${submitVersion.version.version}\` or \`nudge versions\`.`);
  }
  if (status === 'REJECTED' || status === 'FAILED') {
    const failed = (report?.gates ?? []).filter((g) => g.status === 'FAILED').map((g) => g.gate);
    throw new CliError(
      CLI_ERROR_CODES.CERTIFICATION_FAILED,
      `${label} did not pass certification (${status}${failed.length ? `: ${failed.join(', ')} failed` : ''}${report?.decisionNotes ? `; reviewer: ${report.decisionNotes}` : ''}). Fix it, publish a new version and submit again.`,
    );
  }
  if (status === 'AWAITING_REVIEW') out(`✓ Every automated gate passed. ${label} is IN_REVIEW: a platform reviewer certifies or rejects it; \`nudge promote ${submitVersion.version.version}\` shows the decision.`);
  else out(`✓ ${label} is ${status}.`);
  return 0;
}

async function versions(positionals: string[]): Promise<number> {
  if (positionals.length > 1) throw usage('versions', 'expected at most one folder or plugin id');
  const arg = positionals[0];
  const pluginId = arg && !isDir(path.resolve(arg)) ? await pluginIdFrom('versions', arg, undefined) : (await builtPlugin('versions', path.resolve(arg ?? '.'))).id;
  const login = await requireLogin();
  const listing = await fetchListing(login, pluginId);
  if (!listing) throw notOnHub(login, pluginId);
  out(`${listing.name} (${listing.id}) on ${login.hub}`);
  // The hub names a latest version even before certification; only a certified one is what installs get.
  const current = listing.versions.find((v) => v.id === listing.latestVersion?.id && v.state === 'CERTIFIED');
  const rows = [
    ['', 'VERSION', 'STATE', 'TRUST', 'PUBLISHED', 'CERTIFIED', 'SUNSET', 'ID'],
    ...listing.versions.map((v) => [v.id === current?.id ? '*' : '', v.version, v.state, v.trustLevel, day(v.createdAt), day(v.certifiedAt), day(v.sunsetAt), v.id]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) out(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
  if (listing.versions.length === 0) out('(no versions you can see)');
  out(current ? `* the version new installations get (${current.version})` : '* no certified version yet: new installations cannot get this plugin');
  return 0;
}

async function deprecate(positionals: string[], values: { sunset?: string; message?: string; plugin?: string }): Promise<number> {
  const version = semver('deprecate', positionals[0], 'the version');
  if (positionals.length > 2) throw usage('deprecate', 'expected a version and at most one folder');
  if (!values.sunset || !/^\d{4}-\d{2}-\d{2}$/.test(values.sunset) || Number.isNaN(Date.parse(`${values.sunset}T00:00:00Z`))) {
    throw usage('deprecate', `--sunset is ${values.sunset ? `"${values.sunset}"` : 'missing'}; expected a date such as 2026-06-30`);
  }
  // The sunset is the end of that day in UTC.
  const sunsetAt = `${values.sunset}T23:59:59.999Z`;
  if (Date.parse(sunsetAt) <= Date.now()) throw usage('deprecate', `--sunset ${values.sunset} is not in the future; expected a future date`);
  if (!values.message || values.message.trim() === '') throw usage('deprecate', '--message is missing; expected what users should do before the sunset');
  const pluginId = await pluginIdFrom('deprecate', values.plugin, positionals[1]);
  const login = await requireLogin();
  const { node } = await resolveVersion(login, pluginId, version);
  let result: { version: string; state: string; sunsetAt: string | null };
  try {
    result = (
      await hubRequest<{ deprecateVersion: typeof result }>(
        login,
        'mutation NudgeDeprecate($input: DeprecateVersionInput!) { deprecateVersion(input: $input) { version state sunsetAt } }',
        { input: { versionId: node.id, sunsetAt, message: values.message.trim() } },
      )
    ).deprecateVersion;
  } catch (error) {
    if (error instanceof HubRefusedError && typeof error.extensions.earliestSunset === 'string') {
      throw new CliError(
        CLI_ERROR_CODES.HUB_REFUSED,
        `the deprecation policy refused sunset ${values.sunset}: it needs ${String(error.extensions.minNoticeDays ?? '?')} days' notice, so the earliest sunset allowed now is ${error.extensions.earliestSunset.slice(0, 10)} (${error.extensions.earliestSunset}). ${pluginId}@${version} was not deprecated.`,
      );
    }
    if (error instanceof HubRefusedError) throw new CliError(CLI_ERROR_CODES.HUB_REFUSED, `${error.message} ${pluginId}@${version} was not deprecated.`);
    throw error;
  }
  out(`✓ ${pluginId}@${result.version} is ${result.state}; it stops working after ${day(result.sunsetAt)}. The hub notifies the workspaces that run it.`);
  return 0;
}

async function promote(positionals: string[], values: { plugin?: string; wait?: string }): Promise<number> {
  const version = semver('promote', positionals[0], 'the version');
  if (positionals.length > 2) throw usage('promote', 'expected a version and at most one folder');
  const waitSeconds = intOption('promote', 'wait', values.wait, 0, 3600) ?? 0;
  const pluginId = await pluginIdFrom('promote', values.plugin, positionals[1]);
  const login = await requireLogin();
  const { node } = await resolveVersion(login, pluginId, version);
  const label = `${pluginId}@${version}`;
  let cert = await fetchCertification(login, node.id);
  out(`${label} (${node.id}) is ${cert.state}.`);
  if (cert.certification) {
    out(`Certification ${cert.certification.status}:`);
    const report = await followCertification(login, node.id, cert.certification, waitSeconds);
    if (report?.status !== cert.certification.status) cert = await fetchCertification(login, node.id);
  }
  // Wait for a reviewer's decision when asked to.
  const deadline = Date.now() + waitSeconds * 1000;
  while ((cert.state === 'IN_REVIEW' || cert.state === 'SUBMITTED') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(5000, Math.max(0, deadline - Date.now()))));
    cert = await fetchCertification(login, node.id);
  }
  const listing = await fetchListing(login, pluginId);
  const latest = listing?.latestVersion;
  const analytics = (
    await hubRequest<{ pluginVersion: { analytics: { installs: number; activeInstalls: number } | null } | null }>(login, 'query NudgeAnalytics($id: ID!) { pluginVersion(id: $id) { analytics { installs activeInstalls } } }', { id: node.id })
  ).pluginVersion?.analytics;
  if (cert.state === 'CERTIFIED' && latest?.id === node.id) {
    out(`✓ ${label} is certified and is the version new installations get (the hub makes the newest certified version the default; there is no separate step).`);
    if (analytics) out(`  installations on it: ${analytics.installs} (${analytics.activeInstalls} active)`);
    out(`  Workspaces with minor auto-update move to it on certification; move the others with \`nudge migrate <from-major> ${version} --canary <percent>\`.`);
    return 0;
  }
  const why =
    cert.state === 'CERTIFIED'
      ? `${latest ? `${latest.version} is newer and certified, so it is the version new installations get` : 'the hub lists no default version'}`
      : cert.state === 'DRAFT' || cert.state === 'REJECTED'
        ? `it is ${cert.state}; submit it with \`nudge submit ${node.id}\``
        : cert.state === 'SUBMITTED' || cert.state === 'IN_REVIEW'
          ? `it is ${cert.state}; it becomes the default for new installations when a platform reviewer certifies it (use --wait <seconds> to wait)`
          : `it is ${cert.state}, and deprecated or retired versions are never the default`;
  throw new CliError(CLI_ERROR_CODES.NOT_PROMOTED, `${label} is not what new installations get: ${why}.${latest && latest.id !== node.id ? ` The default now is ${latest.version}.` : ''}`);
}

async function migrate(positionals: string[], values: { plugin?: string; canary?: string }): Promise<number> {
  const fromArg = positionals[0];
  const fromMajor = fromArg && /^(0|[1-9]\d*)$/.test(fromArg) ? Number(fromArg) : fromArg && SEMVER.test(fromArg) ? Number(fromArg.split('.')[0]) : undefined;
  if (fromMajor === undefined) throw usage('migrate', `the from-major is ${fromArg ? `"${fromArg}"` : 'missing'}; expected a major version such as 1`);
  const to = semver('migrate', positionals[1], 'the to-version');
  if (positionals.length > 3) throw usage('migrate', 'expected a from-major, a to-version and at most one folder');
  const canary = intOption('migrate', 'canary', values.canary, 1, 100);
  if (canary === undefined) throw usage('migrate', '--canary is missing; expected the percentage of installations to move, 1 to 100 (100 moves all)');
  const pluginId = await pluginIdFrom('migrate', values.plugin, positionals[2]);
  const login = await requireLogin();
  const { node } = await resolveVersion(login, pluginId, to);
  type Result = { migrated: number; skipped: number; skippedReasons: Array<{ reason: string; count: number }> };
  const { bulkMigrate } = await hubRequest<{ bulkMigrate: Result }>(
    login,
    'mutation NudgeMigrate($pluginId: ID!, $fromMajor: Int!, $target: ID!, $canary: Int!) { bulkMigrate(pluginId: $pluginId, fromMajor: $fromMajor, targetVersionId: $target, canaryPercent: $canary) { migrated skipped skippedReasons { reason count } } }',
    { pluginId, fromMajor, target: node.id, canary },
  );
  out(`Moved ${bulkMigrate.migrated} installation(s) of ${pluginId} major ${fromMajor} to ${to} (canary ${canary}% of them).`);
  if (bulkMigrate.skipped) out(`Skipped ${bulkMigrate.skipped}: ${bulkMigrate.skippedReasons.map((r) => `${r.reason} × ${r.count}`).join(', ')}. Installations that need re-consent move when their admins accept the new permissions.`);
  return 0;
}

/** Runs one hub command. */
export async function hubCommand(command: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      hub: { type: 'string' },
      token: { type: 'string' },
      sunset: { type: 'string' },
      message: { type: 'string' },
      changelog: { type: 'string' },
      plugin: { type: 'string' },
      wait: { type: 'string' },
      canary: { type: 'string' },
    },
  });
  switch (command) {
    case 'login':
      return login(values);
    case 'publish':
      return publish(positionals, values);
    case 'submit':
      return submit(positionals, values);
    case 'versions':
      return versions(positionals);
    case 'deprecate':
      return deprecate(positionals, values);
    case 'promote':
      return promote(positionals, values);
    case 'migrate':
      return migrate(positionals, values);
    default:
      throw new CliError(CLI_ERROR_CODES.USAGE, `unknown hub command "${command}".`);
  }
}
