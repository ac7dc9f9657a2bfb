import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderContracts } from '../../scripts/generate-contract-types.js';

describe('generated contract types', () => {
  it('match what schemas/*.schema.json generate (run npm run schemas:generate)', async () => {
    const rendered = await renderContracts();
    expect(rendered.size).toBeGreaterThanOrEqual(2);
    for (const [file, text] of rendered) expect(fs.readFileSync(file, 'utf8'), file).toBe(text);
  });
});
