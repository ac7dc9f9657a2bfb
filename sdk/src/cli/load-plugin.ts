/**
 * Loads a plugin folder the way every command needs it: bundles the code, evaluates the definition
 * (in a bare node:vm context, as the isolate would: no Node globals), derives the manifest, and reads
 * tests/*.test.json and fixtures/*.json in sorted order so builds are reproducible.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { manifestFromDefinition } from '../manifest/manifest-from-definition.js';
import { parseFixture, parseTestFile, TestFileError, type Fixture, type TestCase } from '../testing/test-files.js';
import { bundlePluginCode } from './bundle-code.js';
import { CliError, CLI_ERROR_CODES } from './cli-error.js';

/** A plugin folder, bundled and evaluated. */
export interface LoadedPlugin {
  dir: string;
  code: string;
  /** The evaluated definition (functions included), from another realm: use typeof, not instanceof. */
  definition: Record<string, unknown>;
  manifest: Record<string, unknown>;
  tests: TestCase[];
  fixtures: Fixture[];
}

/** Evaluates bundle code and returns `__nudgePlugin.default`. */
export function evaluateDefinition(code: string): Record<string, unknown> {
  let exported: unknown;
  try {
    exported = vm.runInNewContext(`${code}\n;typeof __nudgePlugin === 'undefined' ? undefined : __nudgePlugin.default`, {}, { timeout: 5_000 });
  } catch (error) {
    throw new CliError(CLI_ERROR_CODES.DEFINITION_INVALID, `Evaluating src/index.ts failed: ${(error as Error).message}. Top-level code may only build the definition (no network, no Node APIs).`);
  }
  if (exported === null || typeof exported !== 'object' || Array.isArray(exported)) {
    throw new CliError(CLI_ERROR_CODES.DEFINITION_INVALID, 'src/index.ts has no default export; expected `export default definePlugin({ ... })`.');
  }
  return exported as Record<string, unknown>;
}

async function jsonFiles(dir: string, suffix: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => n.endsWith(suffix)).sort();
  return names.map((n) => path.join(dir, n));
}

async function readJson(file: string, shown: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(CLI_ERROR_CODES.TEST_FILE_INVALID, `${shown}: is not valid JSON (${(error as Error).message}).`);
  }
}

function asCliError(error: unknown): unknown {
  return error instanceof TestFileError ? new CliError(CLI_ERROR_CODES.TEST_FILE_INVALID, error.message) : error;
}

/** Reads fixtures/*.json. */
export async function readFixtures(dir: string): Promise<Fixture[]> {
  const fixtures: Fixture[] = [];
  for (const file of await jsonFiles(path.join(dir, 'fixtures'), '.json')) {
    const shown = path.relative(dir, file);
    try {
      fixtures.push(parseFixture(shown, await readJson(file, shown), path.basename(file, '.json')));
    } catch (error) {
      throw asCliError(error);
    }
  }
  return fixtures;
}

/** Reads tests/*.test.json, one case or an array of cases per file. */
export async function readTests(dir: string): Promise<TestCase[]> {
  const cases: TestCase[] = [];
  for (const file of await jsonFiles(path.join(dir, 'tests'), '.test.json')) {
    const shown = path.relative(dir, file);
    try {
      cases.push(...parseTestFile(shown, await readJson(file, shown)));
    } catch (error) {
      throw asCliError(error);
    }
  }
  return cases;
}

/** Bundles, evaluates and reads a plugin folder. */
export async function loadPlugin(dir: string): Promise<LoadedPlugin> {
  const code = await bundlePluginCode(dir);
  const definition = evaluateDefinition(code);
  let manifest: Record<string, unknown>;
  try {
    manifest = manifestFromDefinition(definition);
  } catch (error) {
    throw new CliError(CLI_ERROR_CODES.DEFINITION_INVALID, (error as Error).message);
  }
  const [tests, fixtures] = [await readTests(dir), await readFixtures(dir)];
  return { dir, code, definition, manifest, tests, fixtures };
}
