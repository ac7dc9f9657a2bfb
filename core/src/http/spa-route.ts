/**
 * Serves the built marketplace UI (marketplace-ui/dist) at `/`: its files as
 * they are, and index.html for any other GET that a browser navigates to, so
 * client-side routes such as /installations/123 survive a reload. API paths
 * keep their problem+json 404s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { ActorEnv } from './authenticate.js';

export const DEFAULT_UI_DIR = path.resolve(import.meta.dirname, '../../../marketplace-ui/dist');

/** Paths that belong to the API: an unknown one is an API 404, never the UI. (`/usage` itself is the UI's dashboard; `/usage/…` is the API.) */
const API_PREFIXES = ['/graphql', '/oauth/', '/auth/', '/usage/', '/hooks/', '/plugins/', '/icons/', '/healthz', '/metrics'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface SpaRouteOptions {
  /** The built UI; default marketplace-ui/dist beside core. */
  dir?: string;
}

/** Returns undefined when the UI has not been built, so the platform still serves its API. */
export function spaRoute(options: SpaRouteOptions = {}): Hono<ActorEnv> | undefined {
  const dir = options.dir ?? DEFAULT_UI_DIR;
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) return undefined;
  const routes = new Hono<ActorEnv>();
  const securityHeaders = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };

  routes.get('*', async (c, next) => {
    const urlPath = decodeURIComponent(c.req.path);
    if (API_PREFIXES.some((p) => (p.endsWith('/') ? urlPath.startsWith(p) : urlPath === p || urlPath.startsWith(`${p}/`)))) return next();
    // Resolve inside dir only: no ../ escapes, no dotfiles.
    const file = path.resolve(dir, `.${path.posix.normalize(urlPath)}`);
    const inside = file.startsWith(dir + path.sep) && !path.basename(file).startsWith('.');
    if (inside && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Vite fingerprints everything under assets/, so it never changes under the same name.
      const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(await fs.promises.readFile(file), 200, { 'content-type': type, 'cache-control': cache, ...securityHeaders });
    }
    // A missing file with an extension is a 404; a browser navigating anywhere else gets a client route.
    if (path.extname(urlPath) || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    return c.body(await fs.promises.readFile(indexFile), 200, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-cache', ...securityHeaders });
  });
  return routes;
}
