import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { spaRoute } from './spa-route.js';

function builtUi(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets/app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1');
  return dir;
}

function app(dir: string) {
  const a = new Hono();
  a.route('/', spaRoute({ dir })!);
  a.notFound((c) => c.json({ code: 'NOT_FOUND' }, 404));
  return a;
}
const html = { accept: 'text/html,application/xhtml+xml' };

describe('spaRoute', () => {
  it('is absent when the UI was not built', () => {
    expect(spaRoute({ dir: path.join(os.tmpdir(), 'no-such-ui') })).toBeUndefined();
  });

  it('serves built files, fingerprinted assets as immutable', async () => {
    const res = await app(builtUi()).request('/assets/app-1234.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('answers browser navigations to client routes with index.html, including /usage', async () => {
    const a = app(builtUi());
    for (const route of ['/', '/installations/123', '/usage', '/developer/versions/abc']) {
      const res = await a.request(route, { headers: html });
      expect(res.status, route).toBe(200);
      expect(await res.text()).toContain('id="root"');
    }
  });

  it('leaves API paths, missing files, dotfiles, traversal and non-HTML requests to the API 404', async () => {
    const a = app(builtUi());
    for (const route of ['/graphql', '/oauth/nope', '/usage/nope', '/healthz', '/assets/missing.js']) {
      expect((await a.request(route, { headers: html })).status, route).toBe(404);
    }
    // Never a file outside the build or a dotfile: at most the app shell.
    for (const route of ['/.env', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f.env']) {
      const body = await (await a.request(route, { headers: html })).text();
      expect(body, route).not.toMatch(/SECRET|root:/);
    }
    expect((await a.request('/installations/123')).status).toBe(404);
  });
});
