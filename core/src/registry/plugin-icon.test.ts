import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iconAsset, iconUrl, MAX_SERVED_ICON_BYTES } from './plugin-icon.js';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
const dataUrl = (text: string) => `data:image/svg+xml;base64,${Buffer.from(text).toString('base64')}`;

describe('plugin icons', () => {
  it('serve an embedded SVG at a URL named by the sha256 of its bytes', () => {
    const digest = createHash('sha256').update(svg).digest('hex');
    expect(iconAsset(dataUrl(svg))).toMatchObject({ contentType: 'image/svg+xml', digest });
    expect(iconUrl('my plugin', dataUrl(svg))).toBe(`/icons/my%20plugin/${digest}.svg`);
  });

  it('keep https links, and serve nothing for a file name, a non-SVG payload or an oversized one', () => {
    expect(iconUrl('p', 'https://cdn.example/icon.svg')).toBe('https://cdn.example/icon.svg');
    expect(iconUrl('p', 'icon.svg')).toBeNull();
    expect(iconUrl('p', null)).toBeNull();
    expect(iconAsset(dataUrl('<html><script>alert(1)</script></html>'))).toBeUndefined();
    expect(iconAsset(dataUrl(`<svg>${'x'.repeat(MAX_SERVED_ICON_BYTES)}</svg>`))).toBeUndefined();
    expect(iconAsset('data:text/html;base64,PHN2Zz4=')).toBeUndefined();
  });
});
