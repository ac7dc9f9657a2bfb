/**
 * The incremental sync loop shared by customers, orders and products: the first page filters on
 * `updated_at_min` (the watermark of the last complete run, else the `syncSince` setting), later
 * pages follow the Link header's `page_info` cursor, and the newest `updated_at` seen becomes the
 * next run's watermark only once a run has read every page, so a failed run never skips records.
 */
import type { PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { adminBase, failure, nextPageInfo } from '../upstream.js';

/** The cursor the host hands back between pages of one run. */
export interface PageCursor {
  pageInfo: string;
  since: string | null;
  newest: string | null;
}

export interface IncrementalPage<T> {
  items: T[];
  nextCursor: PageCursor | null;
  hasMore: boolean;
}

const PAGE_SIZE = 250;

function isCursor(value: unknown): value is PageCursor {
  return value !== null && typeof value === 'object' && typeof (value as PageCursor).pageInfo === 'string';
}

function newer(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * Reads one page of `resource` (e.g. "customers") and returns its items under `key`.
 * `query` is sent on the first page only: Shopify accepts just `limit` and `fields` beside `page_info`.
 */
export async function fetchIncrementalPage<T extends { updated_at?: string | null }>(
  ctx: PluginContext,
  options: { resource: string; key: string; fields: string; query?: Record<string, string>; cursor: unknown },
): Promise<IncrementalPage<T>> {
  const watermarkKey = `sync:${options.resource}:updated_at`;
  const query: Record<string, string | number> = { limit: PAGE_SIZE, fields: options.fields };
  let since: string | null;
  let newest: string | null;
  if (isCursor(options.cursor)) {
    query.page_info = options.cursor.pageInfo;
    since = options.cursor.since;
    newest = options.cursor.newest;
  } else {
    const stored = await ctx.store.get(watermarkKey);
    const setting = (ctx.settings as { syncSince?: unknown }).syncSince;
    since = typeof stored === 'string' ? stored : typeof setting === 'string' && setting ? setting : null;
    newest = null;
    Object.assign(query, options.query ?? {});
    if (since) query.updated_at_min = since;
  }

  const res = await ctx.fetch(`${adminBase(ctx)}/${options.resource}.json`, { query });
  if (!res.ok) await failure(res);
  const body = (await res.json()) as Record<string, T[] | undefined>;
  const items = body[options.key] ?? [];
  for (const item of items) newest = newer(newest, item.updated_at ?? null);

  const pageInfo = nextPageInfo(res.headers.link);
  if (pageInfo) return { items, nextCursor: { pageInfo, since, newest }, hasMore: true };
  if (newest) await ctx.store.set(watermarkKey, newest);
  return { items, nextCursor: null, hasMore: false };
}
