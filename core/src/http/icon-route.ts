/**
 * GET /icons/:pluginId/:digest.svg — a plugin's icon, content-addressed (the
 * digest is the sha256 of the bytes; any other digest is a 404), served as an
 * image only: its own content type, nosniff, and a CSP that lets nothing in the
 * SVG run or load (scripts, frames, fetches) even when it is opened directly.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../db/database.js';
import { plugins } from '../db/schema/registry.js';
import { NotFoundError } from '../errors.js';
import { iconAsset } from '../registry/plugin-icon.js';

export const ICON_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'public, max-age=31536000, immutable',
} as const;

export function iconRoute(db: Db): Hono {
  const route = new Hono();
  route.get('/icons/:pluginId/:file', async (c) => {
    const pluginId = c.req.param('pluginId');
    const digest = /^([a-f0-9]{64})\.svg$/.exec(c.req.param('file'))?.[1];
    if (!digest) throw new NotFoundError('Icon');
    const [row] = await db.select({ icon: plugins.icon }).from(plugins).where(eq(plugins.id, pluginId));
    const asset = iconAsset(row?.icon);
    if (!asset || asset.digest !== digest) throw new NotFoundError('Icon');
    return c.body(new Uint8Array(asset.bytes), 200, { 'content-type': asset.contentType, 'content-length': String(asset.bytes.length), ...ICON_HEADERS });
  });
  return route;
}
