/**
 * `nudge keys generate [--out dir]`: creates an ed25519 publisher key pair (private key mode 0600)
 * and prints its key id. It refuses to replace an existing key.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generatePublisherKeys, PRIVATE_KEY_FILE } from '../../bundle/publisher-keys.js';
import { defaultKeyDir } from '../cli-config.js';
import { CliError, CLI_ERROR_CODES } from '../cli-error.js';

export const KEYS_USAGE = 'nudge keys generate [--out <folder>]';

/** Runs `nudge keys <subcommand>`. */
export async function keysCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals[0] !== 'generate' || positionals.length > 1) throw new CliError(CLI_ERROR_CODES.USAGE, `expected the subcommand "generate"; usage: ${KEYS_USAGE}`);
  const dir = path.resolve(values.out ?? defaultKeyDir());
  if (existsSync(path.join(dir, PRIVATE_KEY_FILE))) {
    throw new CliError(CLI_ERROR_CODES.KEY_EXISTS, `${path.join(dir, PRIVATE_KEY_FILE)} already exists; expected an empty folder (use --out for another one). The existing key was left untouched.`);
  }
  const { keyId, privateKeyPath, publicKeyPath } = await generatePublisherKeys(dir);
  process.stdout.write(`key id      ${keyId}\nprivate key ${privateKeyPath} (mode 0600, keep it secret)\npublic key  ${publicKeyPath}\n`);
  return 0;
}
