/**
 * Plugin icons as the platform serves them. A bundle's signed manifest carries
 * an SVG icon as a `data:image/svg+xml;base64,` URL (`nudge build` inlines the
 * icon file); the platform serves those bytes at a content-addressed URL,
 * `/icons/<plugin id>/<sha256 of the bytes>.svg`, so the URL changes whenever
 * the icon does and can be cached forever. An https icon stays a link.
 */
import { createHash } from 'node:crypto';

/** Icons larger than this are not served (the manifest schema caps the data URL at 65,536 characters). */
export const MAX_SERVED_ICON_BYTES = 48 * 1024;

const SVG_DATA_URL = /^data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)$/;
const SVG_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

export interface IconAsset {
  bytes: Buffer;
  contentType: 'image/svg+xml';
  /** Hex sha256 of the bytes. */
  digest: string;
}

/** The servable bytes of a stored manifest icon, or undefined (not embedded, not SVG, too large). */
export function iconAsset(icon: string | null | undefined): IconAsset | undefined {
  const match = icon ? SVG_DATA_URL.exec(icon) : null;
  if (!match) return undefined;
  const bytes = Buffer.from(match[1]!, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_SERVED_ICON_BYTES || !SVG_START.test(bytes.toString('utf8'))) return undefined;
  return { bytes, contentType: 'image/svg+xml', digest: createHash('sha256').update(bytes).digest('hex') };
}

/** Where a browser loads a plugin's icon: the platform's content-addressed URL, an https link as it is, or null. */
export function iconUrl(pluginId: string, icon: string | null | undefined): string | null {
  if (icon?.startsWith('https://')) return icon;
  const asset = iconAsset(icon);
  return asset ? `/icons/${encodeURIComponent(pluginId)}/${asset.digest}.svg` : null;
}
