/**
 * The page-number loop shared by the syncs: `page`/`per_page=100` (WooCommerce's maximum), the
 * X-WP-TotalPages header to know when to stop, and, for resources that support it, an incremental
 * `modified_after` filter whose watermark (the newest date_modified_gmt) is stored only once a run
 * has read every page, so a failed run never skips records.
 */
import type { PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { apiBase, failure, gmt } from '../upstream.js';

export interface PageCursor {
  page: number;
  since: string | null;
  newest: string | null;
}

const PER_PAGE = 100;

function isCursor(value: unknown): value is PageCursor {
  return value !== null && typeof value === 'object' && typeof (value as PageCursor).page === 'number' && (value as PageCursor).page > 1;
}

function newer(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export async function fetchPage<T extends { date_modified_gmt?: string | null }>(
  ctx: PluginContext,
  options: { resource: string; fields: string; query: Record<string, string>; incremental: boolean; cursor: unknown },
): Promise<{ items: T[]; nextCursor: PageCursor | null; hasMore: boolean }> {
  const watermarkKey = `sync:${options.resource}:modified_after`;
  let page = 1;
  let since: string | null = null;
  let newest: string | null = null;
  if (isCursor(options.cursor)) {
    ({ page, since, newest } = options.cursor);
  } else if (options.incremental) {
    const stored = await ctx.store.get(watermarkKey);
    const setting = (ctx.settings as { syncSince?: unknown } | undefined)?.syncSince;
    since = typeof stored === 'string' ? stored : typeof setting === 'string' && setting ? setting : null;
  }
  const query: Record<string, string | number> = { ...options.query, per_page: PER_PAGE, page, _fields: options.fields };
  if (since) Object.assign(query, { modified_after: since, dates_are_gmt: 'true' });

  const res = await ctx.fetch(`${apiBase(ctx)}/${options.resource}`, { query });
  if (!res.ok) await failure(res);
  const items = ((await res.json()) as T[] | null) ?? [];
  for (const item of items) newest = newer(newest, gmt(item.date_modified_gmt));

  const totalPages = Number(res.headers['x-wp-totalpages'] ?? '1');
  if (page < totalPages && items.length > 0) return { items, nextCursor: { page: page + 1, since, newest }, hasMore: true };
  if (options.incremental && newest) await ctx.store.set(watermarkKey, newest);
  return { items, nextCursor: null, hasMore: false };
}
