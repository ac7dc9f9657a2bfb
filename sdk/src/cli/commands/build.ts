/**
 * `nudge build [dir] [--key-dir dir]`: validates the plugin, writes manifest.json (emitted from the
 * definition) and the signed bundle dist/<id>-<version>.nudge.json (contract §5). Same input, same
 * digest. Without a publisher key it creates one and says where.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { embedIcon } from '../../bundle/bundle-icon.js';
import { BUNDLE_FORMAT, signBundle, type PluginBundle } from '../../bundle/plugin-bundle.js';
import { generatePublisherKeys, loadPublisherKeys, PRIVATE_KEY_FILE } from '../../bundle/publisher-keys.js';
import { defaultKeyDir } from '../cli-config.js';
import { CliError, CLI_ERROR_CODES } from '../cli-error.js';
import { loadPlugin } from '../load-plugin.js';
import { checkPlugin } from '../plugin-checks.js';
import { printProblems } from './validate.js';

export const BUILD_USAGE = 'nudge build [dir] [--key-dir <folder with publisher.key>]';

/** The bundle path of a plugin version. */
export function bundlePath(dir: string, id: string, version: string): string {
  return path.join(dir, 'dist', `${id}-${version}.nudge.json`);
}

/** Builds and signs the bundle of the plugin in `dir`; returns it and where it was written. */
export async function buildPlugin(dir: string, keyDir: string): Promise<{ bundle: PluginBundle; file: string; createdKey: boolean }> {
  const plugin = await loadPlugin(dir);
  const problems = await checkPlugin(plugin);
  if (problems.some((p) => p.severity === 'error')) {
    printProblems(problems);
    throw new CliError(CLI_ERROR_CODES.VALIDATION_FAILED, 'the plugin has validation errors (listed above); nothing was built.');
  }
  const { manifest } = plugin;
  const createdKey = !existsSync(path.join(keyDir, PRIVATE_KEY_FILE));
  if (createdKey) await generatePublisherKeys(keyDir);
  const keys = await loadPublisherKeys(keyDir);
  // The icon file travels inside the signed manifest; manifest.json keeps naming the file.
  let signedManifest: Record<string, unknown>;
  try {
    signedManifest = await embedIcon(manifest, dir);
  } catch (error) {
    throw new CliError(CLI_ERROR_CODES.VALIDATION_FAILED, `${(error as Error).message} Nothing was built.`);
  }
  const bundle = signBundle({ format: BUNDLE_FORMAT, manifest: signedManifest, code: plugin.code, tests: plugin.tests, fixtures: plugin.fixtures }, keys.privateKey, keys.keyId);
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const file = bundlePath(dir, String(manifest.id), String(manifest.version));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(bundle, null, 2)}\n`);
  return { bundle, file, createdKey };
}

/** Runs `nudge build`. */
export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'key-dir': { type: 'string' } } });
  const dir = path.resolve(positionals[0] ?? '.');
  const keyDir = path.resolve(values['key-dir'] ?? defaultKeyDir());
  const { bundle, file, createdKey } = await buildPlugin(dir, keyDir);
  if (createdKey) process.stdout.write(`No publisher key was found, so one was created in ${keyDir} (key id ${bundle.signature.keyId}). Keep publisher.key secret.\n`);
  process.stdout.write(
    `✓ built ${path.relative(process.cwd(), file) || file}\n  manifest  ${path.relative(process.cwd(), path.join(dir, 'manifest.json'))}\n  digest    ${bundle.digest}\n  signed by ${bundle.signature.keyId} (ed25519)\n  contents  ${bundle.code.length} bytes of code, ${bundle.tests.length} test cases, ${bundle.fixtures.length} fixtures\n`,
  );
  return 0;
}
