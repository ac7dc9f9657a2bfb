/**
 * The hub commands: login, publish, submit, versions, deprecate, promote, migrate. The hub's GraphQL
 * API does not exist yet, so after checking their arguments (and the login) they stop with
 * HUB_NOT_SUPPORTED (exit 3) and say so; none of them pretends to have reached the hub.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyBundle } from '../../bundle/plugin-bundle.js';
import { readConfig, writeConfig } from '../cli-config.js';
import { CliError, CLI_ERROR_CODES } from '../cli-error.js';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export const HUB_USAGE: Record<string, string> = {
  login: 'nudge login --hub <https URL> --token <API token>',
  publish: 'nudge publish [dir]',
  submit: 'nudge submit [dir]',
  versions: 'nudge versions [dir]',
  deprecate: 'nudge deprecate <version> --sunset <YYYY-MM-DD> --message <text> [dir]',
  promote: 'nudge promote <version> [--percent 1-100] [dir]',
  migrate: 'nudge migrate <from-version> <to-version> [--percent 1-100] [dir]',
};

function usage(command: string, what: string): CliError {
  return new CliError(CLI_ERROR_CODES.USAGE, `${what}; usage: ${HUB_USAGE[command]}`);
}

function semver(command: string, value: string | undefined, label: string): string {
  if (!value || !SEMVER.test(value)) throw usage(command, `${label} is ${value ? `"${value}"` : 'missing'}; expected a semantic version such as 1.2.0`);
  return value;
}

function percent(command: string, value: string | undefined): void {
  if (value === undefined) return;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw usage(command, `--percent is "${value}"; expected an integer from 1 to 100`);
}

/** The plugin id and version from the folder's manifest.json (written by nudge build). */
async function builtPlugin(command: string, dir: string): Promise<{ id: string; version: string }> {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${file} does not exist; run \`nudge build\` in the plugin folder before \`nudge ${command}\`.`);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { id?: unknown; version?: unknown };
  return { id: String(manifest.id), version: String(manifest.version) };
}

async function requireLogin(): Promise<string> {
  const config = await readConfig();
  if (!config.hub || !config.token) throw new CliError(CLI_ERROR_CODES.NOT_LOGGED_IN, `no hub login is stored; run \`${HUB_USAGE.login}\` first.`);
  return config.hub;
}

function notSupported(hub: string, what: string, detail: string): never {
  throw new CliError(
    CLI_ERROR_CODES.HUB_NOT_SUPPORTED,
    `the hub at ${hub} does not support ${what} yet: its GraphQL API is not built. ${detail} Nothing was sent.`,
  );
}

/** Runs one hub command; always throws except for a successful `login`. */
export async function hubCommand(command: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { hub: { type: 'string' }, token: { type: 'string' }, sunset: { type: 'string' }, message: { type: 'string' }, percent: { type: 'string' } },
  });
  if (command === 'login') {
    if (!values.hub || !URL.canParse(values.hub) || !/^https?:$/.test(new URL(values.hub).protocol)) throw usage(command, `--hub is ${values.hub ? `"${values.hub}"` : 'missing'}; expected the hub's URL`);
    if (!values.token || values.token.trim() === '') throw usage(command, '--token is missing; expected an API token from the hub');
    const file = await writeConfig({ hub: new URL(values.hub).origin, token: values.token });
    process.stdout.write(`Saved the hub URL and token to ${file} (mode 0600).\nNote: the token was not verified, because the hub has no GraphQL API yet.\n`);
    return 0;
  }
  if (command === 'publish' || command === 'submit' || command === 'versions') {
    if (positionals.length > 1) throw usage(command, 'expected at most one folder');
    const dir = path.resolve(positionals[0] ?? '.');
    const { id, version } = await builtPlugin(command, dir);
    if (command !== 'versions') {
      const bundleFile = path.join(dir, 'dist', `${id}-${version}.nudge.json`);
      if (!existsSync(bundleFile)) throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${bundleFile} does not exist; run \`nudge build\` first.`);
      const bundle = JSON.parse(await readFile(bundleFile, 'utf8')) as { signature?: { keyId?: string } };
      const check = verifyBundle(bundle, () => undefined);
      if (!check.ok && check.code !== 'UNKNOWN_KEY') throw new CliError(CLI_ERROR_CODES.BUNDLE_MISSING, `${bundleFile} is not a valid bundle (${check.code}: ${check.message}); run \`nudge build\` again.`);
    }
    const hub = await requireLogin();
    if (command === 'publish') notSupported(hub, 'publishing', `${id}@${version} is built and signed locally.`);
    if (command === 'submit') notSupported(hub, 'certification submissions', `${id}@${version} would be submitted after publishing.`);
    notSupported(hub, 'listing versions', `Could not list the versions of ${id}.`);
  }
  if (command === 'deprecate') {
    const version = semver(command, positionals[0], 'the version');
    if (!values.sunset || !/^\d{4}-\d{2}-\d{2}$/.test(values.sunset) || Number.isNaN(Date.parse(`${values.sunset}T00:00:00Z`))) {
      throw usage(command, `--sunset is ${values.sunset ? `"${values.sunset}"` : 'missing'}; expected a date such as 2026-06-30`);
    }
    if (Date.parse(`${values.sunset}T00:00:00Z`) <= Date.now()) throw usage(command, `--sunset ${values.sunset} is not in the future; expected a future date`);
    if (!values.message || values.message.trim() === '') throw usage(command, '--message is missing; expected what users should do before the sunset');
    const { id } = await builtPlugin(command, path.resolve(positionals[1] ?? '.'));
    notSupported(await requireLogin(), 'deprecations', `${id}@${version} was not deprecated.`);
  }
  if (command === 'promote') {
    const version = semver(command, positionals[0], 'the version');
    percent(command, values.percent);
    const { id } = await builtPlugin(command, path.resolve(positionals[1] ?? '.'));
    notSupported(await requireLogin(), 'promotion', `${id}@${version} was not promoted.`);
  }
  if (command === 'migrate') {
    const from = semver(command, positionals[0], 'the from-version');
    const to = semver(command, positionals[1], 'the to-version');
    percent(command, values.percent);
    const { id } = await builtPlugin(command, path.resolve(positionals[2] ?? '.'));
    notSupported(await requireLogin(), 'migrations', `Installations of ${id} were not moved from ${from} to ${to}.`);
  }
  throw new CliError(CLI_ERROR_CODES.USAGE, `unknown hub command "${command}".`);
}
