/**
 * Runs the compiler over the SDK's type tests (`*.types.test.ts`), which the build excludes, and
 * proves the checker really rejects a wrong field, so the `@ts-expect-error` lines cannot rot.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const sdkDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.resolve(sdkDir, '../node_modules/typescript/bin/tsc');

async function compile(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsc, '-p', project], { cwd: sdkDir });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('type tests', () => {
  it('sdk/tsconfig.tests.json compiles, so every @ts-expect-error still meets its error', async () => {
    const result = await compile(path.join(sdkDir, 'tsconfig.tests.json'));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);

  it('a misspelt input field is a compile error', async () => {
    const dir = await mkdtemp(path.join(sdkDir, '.typecheck-'));
    try {
      await writeFile(
        path.join(dir, 'wrong.ts'),
        `import { defineAction } from '../src/plugin.js';
export const a = defineAction({ title: 't', description: 'd',
  input: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'], additionalProperties: false },
  output: { type: 'object' }, sample: {},
  async run(_ctx, input) { return { e: input.emial }; } });
`,
      );
      await writeFile(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noEmit: true, composite: false, declaration: false, incremental: false }, include: ['*.ts'] }),
      );
      const result = await compile(path.join(dir, 'tsconfig.json'));
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/TS(2339|2551): Property 'emial' does not exist/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
