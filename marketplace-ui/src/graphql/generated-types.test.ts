/**
 * The checked-in GraphQL client types must equal what codegen makes from
 * schemas/graphql/schema.graphql and the screens' operations today. When this
 * fails, run `npm run codegen` and commit the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { codegenConfig } from '../../codegen.js';

const UI_DIR = path.resolve(import.meta.dirname, '../..');

describe('generated GraphQL client types', () => {
  it('are up to date with the schema and the operations', async () => {
    const outputs = (await generate({ ...codegenConfig, cwd: UI_DIR, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const file = path.resolve(UI_DIR, output.filename);
      const checkedIn = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)';
      expect(checkedIn, `${path.relative(UI_DIR, file)} is stale: run npm run codegen`).toBe(output.content);
    }
  }, 60_000);
});
