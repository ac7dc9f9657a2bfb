/**
 * A short-lived, per-process cache of marketplace listing pages. Listings are
 * public and identical for every caller, so a page may be up to `ttlMs` stale;
 * in exchange a popular page costs one query per interval instead of one per
 * request. Bounded in size; nothing caller-specific is ever stored.
 */
import type { DbOrTx } from '../db/database.js';
import { queryListings, type ListingQuery, type ListingRow } from './listing-query.js';

export class ListingCache {
  private readonly entries = new Map<string, { at: number; rows: Promise<ListingRow[]> }>();

  constructor(
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  rows(db: DbOrTx, query: ListingQuery): Promise<ListingRow[]> {
    const key = JSON.stringify(query);
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.rows;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const rows = queryListings(db, query);
    this.entries.set(key, { at: t, rows });
    // A failed query is not cached.
    rows.catch(() => this.entries.delete(key));
    return rows;
  }

  /** Drops every page (after a mutation changed what the marketplace shows). */
  clear(): void {
    this.entries.clear();
  }
}
