/**
 * GET /plugins/:id/changelog — the public changelog and deprecation notices of
 * a plugin ("in docs", as the versioning policy asks): JSON by default, HTML
 * when a browser asks for it. Drafts and rejected versions are not public.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../db/database.js';
import { pluginVersions, plugins } from '../db/schema/registry.js';
import { NotFoundError } from '../errors.js';

const PUBLIC_STATES = ['certified', 'deprecated', 'retired'] as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function changelogRoute(db: Db): Hono {
  const route = new Hono();
  route.get('/plugins/:id/changelog', async (c) => {
    const id = c.req.param('id');
    const [plugin] = await db.select().from(plugins).where(eq(plugins.id, id));
    if (!plugin) throw new NotFoundError(`Plugin ${id}`);
    const rows = await db
      .select()
      .from(pluginVersions)
      .where(and(eq(pluginVersions.pluginId, id), inArray(pluginVersions.state, [...PUBLIC_STATES])))
      .orderBy(desc(pluginVersions.major), desc(pluginVersions.minor), desc(pluginVersions.patch));
    const versions = rows.map((v) => ({
      version: v.version,
      state: v.state,
      changelog: v.changelog,
      publishedAt: v.createdAt.toISOString(),
      certifiedAt: v.certifiedAt?.toISOString() ?? null,
      deprecation: v.deprecatedAt ? { deprecatedAt: day(v.deprecatedAt), sunsetAt: day(v.sunsetAt), message: v.deprecationMessage, securityCritical: v.securityCritical } : null,
    }));
    if ((c.req.header('accept') ?? '').includes('text/html')) {
      const items = versions
        .map((v) => `<section><h2>${escape(v.version)} <small>${v.state}</small></h2>${v.deprecation ? `<p role="alert"><strong>Deprecated</strong>: ${escape(v.deprecation.message ?? '')} Sunset on ${v.deprecation.sunsetAt}.</p>` : ''}<p>${escape(v.changelog)}</p></section>`)
        .join('');
      return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(plugin.name)} changelog</title></head><body><main><h1>${escape(plugin.name)} changelog</h1>${items}</main></body></html>`);
    }
    return c.json({ plugin: { id: plugin.id, name: plugin.name }, versions });
  });
  return route;
}
