/**
 * `nudge test [dir]`: bundles the plugin and runs tests/*.test.json in the production sandbox engine
 * (IsolateEngine) against fixtures/*.json, offline. Prints each case and a summary; exit 1 on failure.
 * The process must run with --no-node-snapshot (main.ts re-executes itself to ensure it).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { validateManifest } from '../../manifest/validate-manifest.js';
import type { PluginManifestLike } from '../../runtime/types.js';
import { runCases } from '../../testing/case-runner.js';
import { CliError, CLI_ERROR_CODES } from '../cli-error.js';
import { loadPlugin } from '../load-plugin.js';

export const TEST_USAGE = 'nudge test [dir]';

/** Runs `nudge test`. */
export async function testCommand(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const dir = path.resolve(positionals[0] ?? '.');
  const plugin = await loadPlugin(dir);
  const validation = validateManifest(plugin.manifest);
  if (!validation.ok) {
    throw new CliError(CLI_ERROR_CODES.VALIDATION_FAILED, `the manifest is invalid, fix it first (nudge validate):\n${validation.problems.map((p) => `  ${p.message}`).join('\n')}`);
  }
  if (plugin.tests.length === 0) throw new CliError(CLI_ERROR_CODES.TESTS_FAILED, 'tests/ has no *.test.json case; expected at least one (see the SDK README, "Test cases").');
  // Loaded on demand: only this command needs isolated-vm.
  const { IsolateEngine } = await import('../../runtime/isolate-engine.js');
  const engine = new IsolateEngine({ maxIsolates: 2 });
  // The generated type marks index-signature members `| undefined`; the engine's looser view is a supertype at run time.
  const manifest = validation.manifest as unknown as PluginManifestLike;
  const digest = `sha256:${createHash('sha256').update(plugin.code).digest('hex')}`;
  try {
    const results = await runCases({ engine, digest, code: plugin.code, manifest, cases: plugin.tests, fixtures: plugin.fixtures });
    for (const r of results) {
      process.stdout.write(r.passed ? `  ✓ ${r.name} (${r.durationMs} ms)\n` : `  ✗ ${r.name}\n      ${r.message}\n`);
    }
    const failed = results.filter((r) => !r.passed).length;
    process.stdout.write(`\n${results.length - failed} passed, ${failed} failed (${results.length} cases, sandbox engine, offline fixtures)\n`);
    return failed === 0 ? 0 : 1;
  } finally {
    engine.dispose();
  }
}
