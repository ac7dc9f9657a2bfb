/**
 * Relay cursor pagination. Cursors are opaque (base64url JSON); lists ordered
 * by a key use keyset cursors (the last row's sort values), short bounded lists
 * an offset. `first` is capped at MAX_PAGE_SIZE.
 */
import { apiError, GRAPHQL_ERROR_CODES } from './graphql-errors.js';

export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw apiError(GRAPHQL_ERROR_CODES.PAGE_SIZE_EXCEEDED, `"first" must be between 0 and ${MAX_PAGE_SIZE}; page through larger lists with "after".`, { max: MAX_PAGE_SIZE });
  }
  return n;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string | null | undefined, check: (value: unknown) => value is T): T | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!check(value)) throw apiError(GRAPHQL_ERROR_CODES.BAD_CURSOR, 'The "after" cursor is not one this API returned; start again without it.');
  return value;
}

/** Builds a connection from `limit + 1` fetched rows. */
export function connectionFrom<T>(rows: T[], limit: number, cursorOf: (row: T) => unknown, hasPrevious: boolean): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const isOffset = (v: unknown): v is { o: number } => typeof v === 'object' && v !== null && Number.isInteger((v as { o?: unknown }).o) && (v as { o: number }).o >= 0;

/** Offset pagination for lists without a stable key order: fetch(limit + 1, offset). */
export async function offsetConnection<T>(args: { first?: number | null; after?: string | null }, fetch: (limit: number, offset: number) => Promise<T[]>, fallback = 20): Promise<Connection<T>> {
  const limit = pageSize(args.first, fallback);
  const offset = decodeCursor(args.after, isOffset)?.o ?? 0;
  const rows = await fetch(limit + 1, offset);
  let i = offset;
  return connectionFrom(rows, limit, () => ({ o: ++i }), offset > 0);
}
