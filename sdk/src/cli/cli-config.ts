/**
 * The CLI's per-user configuration: the hub URL and API token from `nudge login`, and the default
 * publisher key folder. It lives in $NUDGE_CONFIG, else $XDG_CONFIG_HOME/nudge, else ~/.config/nudge;
 * config.json holds a token, so it is written with mode 0600.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What `nudge login` stores. */
export interface NudgeConfig {
  hub?: string;
  token?: string;
}

/** The configuration folder. */
export function configDir(): string {
  if (process.env.NUDGE_CONFIG) return path.resolve(process.env.NUDGE_CONFIG);
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'nudge');
}

/** The default publisher key folder. */
export function defaultKeyDir(): string {
  return path.join(configDir(), 'keys');
}

/** Reads config.json; an absent file is an empty config. */
export async function readConfig(): Promise<NudgeConfig> {
  const file = path.join(configDir(), 'config.json');
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as NudgeConfig) : {};
}

/** Writes config.json with mode 0600 and returns its path. */
export async function writeConfig(config: NudgeConfig): Promise<string> {
  const dir = configDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'config.json');
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return file;
}
