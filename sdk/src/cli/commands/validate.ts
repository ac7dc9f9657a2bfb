/**
 * `nudge validate [dir] [--json]`: bundles and evaluates the plugin, then reports every problem with
 * its JSON Pointer or file:line and what is expected. Exit 1 when there is an error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.js';
import { loadPlugin } from '../load-plugin.js';
import { checkPlugin, type PluginProblem } from '../plugin-checks.js';

export const VALIDATE_USAGE = 'nudge validate [dir] [--json]';

/** Prints problems as lines, errors first. */
export function printProblems(problems: readonly PluginProblem[]): void {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const p of sorted) process.stderr.write(`${p.severity === 'error' ? 'error' : 'warning'}: ${p.message}\n`);
}

/** Runs `nudge validate`. */
export async function validateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const dir = path.resolve(positionals[0] ?? '.');
  let problems: PluginProblem[];
  let plugin: { id?: unknown; version?: unknown } = {};
  try {
    const loaded = await loadPlugin(dir);
    plugin = { id: loaded.manifest.id, version: loaded.manifest.version };
    problems = await checkPlugin(loaded);
  } catch (error) {
    if (!(error instanceof CliError) || !values.json) throw error;
    problems = [{ severity: 'error', location: dir, message: `${error.code}: ${error.message}` }];
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: errors === 0, plugin, errors, warnings, problems }, null, 2)}\n`);
  } else {
    printProblems(problems);
    const name = `${String(plugin.id ?? path.basename(dir))}@${String(plugin.version ?? '?')}`;
    process.stdout.write(errors === 0 ? `✓ ${name} is valid${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}.\n` : `✗ ${name}: ${errors} error${errors > 1 ? 's' : ''}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
  }
  return errors === 0 ? 0 : 1;
}
