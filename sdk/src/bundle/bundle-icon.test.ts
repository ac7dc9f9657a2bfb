import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedIcon, MAX_ICON_BYTES } from './bundle-icon.js';

const folder = (files: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icon-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
};

describe('embedIcon', () => {
  it('inlines an SVG file as a base64 data URL, and leaves URLs alone', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
    const dir = folder({ 'icon.svg': svg });
    const out = await embedIcon({ id: 'x', icon: 'icon.svg' }, dir);
    expect(out.icon).toBe(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    expect(await embedIcon({ icon: 'https://cdn.example/icon.svg' }, dir)).toEqual({ icon: 'https://cdn.example/icon.svg' });
  });

  it('refuses a file that is too large, not SVG, or outside the folder', async () => {
    const dir = folder({ 'big.svg': `<svg>${'x'.repeat(MAX_ICON_BYTES)}</svg>`, 'page.svg': '<html><script>alert(1)</script></html>' });
    await expect(embedIcon({ icon: 'big.svg' }, dir)).rejects.toThrow(/limit/);
    await expect(embedIcon({ icon: 'page.svg' }, dir)).rejects.toThrow(/not an SVG/);
    await expect(embedIcon({ icon: '../outside.svg' }, dir)).rejects.toThrow(/outside/);
  });
});
