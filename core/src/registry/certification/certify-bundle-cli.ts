/**
 * `npm run certify -- <bundle.nudge.json> [...]`: runs the automated
 * certification gates on built bundles, without a hub, and prints each gate's
 * status and logs — what a publisher sees in the certification report.
 */
import fs from 'node:fs';
import type { PluginBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import { DEFAULT_TARGETS } from './gate-types.js';
import { ProcessCertificationSandbox } from './process-certification-sandbox.js';
import { automatedGates } from './run-certification.js';

async function certifyFile(file: string, sandbox: ProcessCertificationSandbox): Promise<boolean> {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as PluginBundle;
  process.stdout.write(`\n${bundle.manifest.id}@${bundle.manifest.version} (${file})\n`);
  for (const gate of automatedGates(sandbox, DEFAULT_TARGETS)) {
    const logs: string[] = [];
    const outcome = await gate.run({ bundle, manifest: bundle.manifest, log: (line) => logs.push(line) }).catch((err: Error) => ({ status: 'failed' as const, result: { error: err.message } }));
    process.stdout.write(`  ${outcome.status.padEnd(7)} ${gate.name}\n${logs.map((l) => `           ${l}\n`).join('')}`);
    if (outcome.status === 'failed') return false;
  }
  return true;
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: npm run certify -- <bundle.nudge.json> [...]\n');
    process.exit(2);
  }
  const sandbox = new ProcessCertificationSandbox();
  let failed = 0;
  try {
    for (const file of files) if (!(await certifyFile(file, sandbox))) failed += 1;
  } finally {
    sandbox.stop();
  }
  process.stdout.write(`\n${files.length - failed} passed, ${failed} failed\n`);
  process.exit(failed ? 1 : 0);
}

void main();
