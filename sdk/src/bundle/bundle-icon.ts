/**
 * A plugin's icon travels inside its signed bundle: when the manifest names an
 * SVG file in the plugin folder, the bundle's manifest carries it as a
 * `data:image/svg+xml;base64,` URL (the form the manifest schema allows), so
 * the registry can serve exactly the bytes the publisher signed. The cap keeps
 * the encoded URL within the schema's 65,536 characters.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Largest icon file embedded (bytes); base64 of 48 KiB plus the prefix stays under 65,536 characters. */
export const MAX_ICON_BYTES = 48 * 1024;

export class IconError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IconError';
  }
}

/** The manifest with an SVG icon file inlined; other icons (https URLs, data URLs, PNG files) are left as they are. */
export async function embedIcon(manifest: Record<string, unknown>, dir: string): Promise<Record<string, unknown>> {
  const icon = manifest.icon;
  if (typeof icon !== 'string' || !/\.svg$/i.test(icon) || /^(https:|data:)/.test(icon)) return manifest;
  const file = path.resolve(dir, icon);
  if (!file.startsWith(path.resolve(dir) + path.sep)) throw new IconError(`the icon ${icon} is outside the plugin folder.`);
  const bytes = await readFile(file);
  if (bytes.length > MAX_ICON_BYTES) throw new IconError(`the icon ${icon} is ${bytes.length} bytes; the limit is ${MAX_ICON_BYTES}.`);
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(bytes.toString('utf8'))) throw new IconError(`the icon ${icon} is not an SVG document.`);
  return { ...manifest, icon: `data:image/svg+xml;base64,${bytes.toString('base64')}` };
}
