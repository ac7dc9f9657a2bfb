/**
 * Bundles a plugin's src/index.ts for the isolate with esbuild (contract §5: iife, globalName
 * `__nudgePlugin`, platform neutral, es2022). Imports of the SDK resolve to this CLI's own copy under
 * a virtual namespace, so output holds no absolute paths and is byte-identical on every machine.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { CliError, CLI_ERROR_CODES } from './cli-error.js';
import { SDK_MODULE_ROOT } from './sdk-location.js';

/** The SDK modules a plugin may import inside the isolate. */
const ISOLATE_SAFE_SUBPATHS = new Set(['plugin', 'errors', 'crypto/hmac']);
const SDK_PREFIX = '@nudgecampaign/plugin-sdk/';
const NAMESPACE = 'nudge-sdk';

function sdkFile(relative: string): string | undefined {
  const base = path.join(SDK_MODULE_ROOT, relative.replace(/\.js$/, ''));
  return [`${base}.js`, `${base}.ts`].find((candidate) => existsSync(candidate));
}

const sdkAliasPlugin: Plugin = {
  name: 'nudge-sdk-alias',
  setup(b) {
    b.onResolve({ filter: /^@nudgecampaign\/plugin-sdk\// }, (args) => {
      const subpath = args.path.slice(SDK_PREFIX.length);
      if (!ISOLATE_SAFE_SUBPATHS.has(subpath)) {
        return { errors: [{ text: `${args.path} cannot run inside the sandbox; a plugin may import only ${[...ISOLATE_SAFE_SUBPATHS].map((s) => SDK_PREFIX + s).join(' and ')}.` }] };
      }
      return { path: `${subpath}.js`, namespace: NAMESPACE };
    });
    b.onResolve({ filter: /^\./, namespace: NAMESPACE }, (args) => ({
      path: path.posix.normalize(path.posix.join(path.posix.dirname(args.importer), args.path)),
      namespace: NAMESPACE,
    }));
    b.onLoad({ filter: /.*/, namespace: NAMESPACE }, async (args) => {
      const file = sdkFile(args.path);
      if (!file) return { errors: [{ text: `The SDK module ${args.path} is missing; rebuild the SDK (npx tsc -b).` }] };
      return { contents: await readFile(file, 'utf8'), loader: file.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

/**
 * Bundles `<dir>/src/index.ts`.
 * @throws CliError BUILD_FAILED with esbuild's messages as file:line.
 */
export async function bundlePluginCode(dir: string): Promise<string> {
  const entry = path.join(dir, 'src/index.ts');
  if (!existsSync(entry)) throw new CliError(CLI_ERROR_CODES.NOT_A_PLUGIN, `${entry} does not exist; expected a plugin folder with src/index.ts (create one with \`nudge init\`).`);
  try {
    const result = await build({
      absWorkingDir: path.resolve(dir),
      entryPoints: ['src/index.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: '__nudgePlugin',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      sourcemap: false,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
      plugins: [sdkAliasPlugin],
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no output.');
    return output.text;
  } catch (error) {
    const failures = (error as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> }).errors;
    const lines = failures?.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text));
    throw new CliError(CLI_ERROR_CODES.BUILD_FAILED, `The plugin does not bundle:\n${lines?.join('\n') ?? (error as Error).message}`);
  }
}
