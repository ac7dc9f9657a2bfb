#!/usr/bin/env node
/**
 * The `nudge` CLI entry: dispatches to one module per command and prints failures as
 * `error[<CODE>]: <message>`. `nudge test` loads isolated-vm, which needs --no-node-snapshot, so
 * without that flag this process re-executes itself with it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SDK_VERSION } from '../version.js';
import { CliError, CLI_ERROR_CODES } from './cli-error.js';
import { BUILD_USAGE, buildCommand } from './commands/build.js';
import { HUB_USAGE, hubCommand } from './commands/hub.js';
import { INIT_USAGE, initCommand } from './commands/init.js';
import { KEYS_USAGE, keysCommand } from './commands/keys.js';
import { TEST_USAGE, testCommand } from './commands/test.js';
import { VALIDATE_USAGE, validateCommand } from './commands/validate.js';

const NEEDS_ISOLATE = new Set(['test']);

const HELP = `nudge ${SDK_VERSION}: build, test and publish NudgeCampaign plugins

Usage:
  ${INIT_USAGE}
  ${VALIDATE_USAGE}
  ${TEST_USAGE}
  ${BUILD_USAGE}
  ${KEYS_USAGE}
${Object.values(HUB_USAGE).map((u) => `  ${u}`).join('\n')}

The hub commands use the hub's GraphQL API with the token saved by \`nudge login\`.
Configuration: $NUDGE_CONFIG, else ~/.config/nudge.
`;

function hasSnapshotFlag(): boolean {
  return process.execArgv.includes('--no-node-snapshot') || (process.env.NODE_OPTIONS ?? '').includes('--no-node-snapshot');
}

async function dispatch(command: string, rest: string[]): Promise<number> {
  switch (command) {
    case 'init':
      return initCommand(rest);
    case 'validate':
      return validateCommand(rest);
    case 'test':
      return testCommand(rest);
    case 'build':
      return buildCommand(rest);
    case 'keys':
      return keysCommand(rest);
    default:
      if (command in HUB_USAGE) return hubCommand(command, rest);
      throw new CliError(CLI_ERROR_CODES.USAGE, `unknown command "${command}"; run \`nudge --help\` for the list.`);
  }
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${SDK_VERSION}\n`);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (NEEDS_ISOLATE.has(command) && !hasSnapshotFlag()) {
    const child = spawnSync(process.execPath, ['--no-node-snapshot', ...process.execArgv, fileURLToPath(import.meta.url), ...argv], { stdio: 'inherit' });
    if (child.error) throw child.error;
    return child.status ?? 1;
  }
  try {
    return await dispatch(command, rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`error[${error.code}]: ${error.message}\n`);
      return error.exitStatus;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error[${CLI_ERROR_CODES.USAGE}]: ${(error as Error).message}; run \`nudge --help\`.\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
