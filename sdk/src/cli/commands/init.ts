/**
 * `nudge init <dir> [--auth oauth2|api_key|none] [--name "Display name"] [--sdk <spec>]`: scaffolds a
 * plugin folder whose validate, test and build pass out of the box. It never overwrites files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, CLI_ERROR_CODES } from '../cli-error.js';
import { SCAFFOLD_AUTH_TYPES, sourceFiles, type ScaffoldAuth } from '../scaffold/source-templates.js';
import { testFiles } from '../scaffold/test-templates.js';
import { sdkDependencySpec } from '../sdk-location.js';

export const INIT_USAGE = 'nudge init <dir> [--auth oauth2|api_key|none] [--name "Display name"] [--sdk <dependency spec>]';
const ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#4f46e5"/><path d="M18 44V20h6l16 16V20h6v24h-6L24 28v16z" fill="#fff"/></svg>\n`;

function titleCase(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function projectFiles(id: string, sdkSpec: string): Record<string, string> {
  const pkg = {
    name: id,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: `NudgeCampaign plugin ${id}.`,
    scripts: { validate: 'nudge validate', test: 'nudge test', build: 'nudge build' },
    dependencies: { '@nudgecampaign/plugin-sdk': sdkSpec },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      isolatedModules: true,
      types: [],
    },
    include: ['src'],
  };
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    '.gitignore': 'node_modules/\ndist/\n',
    'icon.svg': ICON,
  };
}

/** Runs `nudge init`. */
export async function initCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { auth: { type: 'string', default: 'api_key' }, name: { type: 'string' }, sdk: { type: 'string' } },
  });
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new CliError(CLI_ERROR_CODES.USAGE, `expected one folder; usage: ${INIT_USAGE}`);
  const auth = values.auth as ScaffoldAuth;
  if (!SCAFFOLD_AUTH_TYPES.includes(auth)) throw new CliError(CLI_ERROR_CODES.USAGE, `--auth is "${values.auth}"; expected one of ${SCAFFOLD_AUTH_TYPES.join(', ')}.`);
  const dir = path.resolve(target);
  const id = path.basename(dir);
  if (!ID_PATTERN.test(id)) {
    throw new CliError(CLI_ERROR_CODES.USAGE, `the folder name "${id}" is not a plugin id; expected a lower-case letter followed by 1 to 62 lower-case letters, digits or dashes (the id equals the folder name).`);
  }
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new CliError(CLI_ERROR_CODES.TARGET_NOT_EMPTY, `${dir} exists and is not empty; expected a new or empty folder (nothing was written).`);
  }
  const name = values.name ?? titleCase(id);
  const files = { ...projectFiles(id, values.sdk ?? sdkDependencySpec(dir)), ...sourceFiles(id, name.replace(/'/g, "\\'"), auth), ...testFiles(auth) };
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
  }
  const shown = path.relative(process.cwd(), dir) || '.';
  process.stdout.write(
    `Created plugin "${id}" (${auth} auth) in ${shown}: ${Object.keys(files).length} files.\n\nNext:\n  cd ${shown}\n  npm install          # links @nudgecampaign/plugin-sdk (${files['package.json']?.match(/"@nudgecampaign\/plugin-sdk": "([^"]+)"/)?.[1] ?? ''})\n  npx nudge validate\n  npx nudge test\n  npx nudge build\n`,
  );
  return 0;
}
