/**
 * `ctx.store` on the host: a key-value store per installation in `plugin_store`.
 * The installation id always comes from the invocation, never from the plugin,
 * so one installation cannot read or write another's keys. Sizes are capped.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf } from '../db/database.js';
import { pluginStore } from '../db/schema/installations.js';

export interface PluginStoreLimits {
  maxKeyBytes: number;
  maxValueBytes: number;
  maxTotalBytes: number;
  maxKeys: number;
}

export const DEFAULT_STORE_LIMITS: PluginStoreLimits = {
  maxKeyBytes: 256,
  maxValueBytes: 256 * 1024,
  maxTotalBytes: 5 * 1024 * 1024,
  maxKeys: 10_000,
};

/** What the supervisor needs; the database implementation below, or an in-memory one in tests. */
export interface PluginKeyValueStore {
  get(installationId: string, key: string): Promise<unknown>;
  set(installationId: string, key: string, value: unknown): Promise<void>;
  delete(installationId: string, key: string): Promise<void>;
}

export class StoreLimitError extends Error {
  readonly code = 'STORE_LIMIT_EXCEEDED';
  constructor(message: string) {
    super(message);
    this.name = 'StoreLimitError';
  }
}

export function checkKeyAndValue(key: string, value: unknown, limits: PluginStoreLimits): number {
  if (Buffer.byteLength(key) > limits.maxKeyBytes) throw new StoreLimitError(`Store keys are limited to ${limits.maxKeyBytes} bytes.`);
  const text = JSON.stringify(value);
  if (text === undefined) throw new StoreLimitError('Store values must be JSON.');
  const size = Buffer.byteLength(text);
  if (size > limits.maxValueBytes) throw new StoreLimitError(`A store value is limited to ${limits.maxValueBytes} bytes; this one has ${size}.`);
  return size;
}

export class DatabasePluginStore implements PluginKeyValueStore {
  constructor(
    private readonly db: Db,
    private readonly limits: PluginStoreLimits = DEFAULT_STORE_LIMITS,
  ) {}

  async get(installationId: string, key: string): Promise<unknown> {
    const rows = await this.db
      .select({ value: pluginStore.value })
      .from(pluginStore)
      .where(and(eq(pluginStore.installationId, installationId), eq(pluginStore.key, key)))
      .limit(1);
    return rows[0]?.value;
  }

  async set(installationId: string, key: string, value: unknown): Promise<void> {
    const size = checkKeyAndValue(key, value, this.limits);
    await this.db.transaction(async (tx) => {
      const usage = await tx.execute<{ bytes: number | string | null; keys: number | string }>(
        sql`select coalesce(sum(${pluginStore.size}), 0)::bigint as bytes, count(*)::int as keys from ${pluginStore}
            where ${and(eq(pluginStore.installationId, installationId), ne(pluginStore.key, key))}`,
      );
      const row = rowsOf<{ bytes: number | string | null; keys: number | string }>(usage)[0];
      if (Number(row?.bytes ?? 0) + size > this.limits.maxTotalBytes) {
        throw new StoreLimitError(`The installation's store is limited to ${this.limits.maxTotalBytes} bytes.`);
      }
      if (Number(row?.keys ?? 0) + 1 > this.limits.maxKeys) throw new StoreLimitError(`The installation's store is limited to ${this.limits.maxKeys} keys.`);
      await tx
        .insert(pluginStore)
        .values({ installationId, key, value: value as object, size })
        .onConflictDoUpdate({ target: [pluginStore.installationId, pluginStore.key], set: { value: value as object, size, updatedAt: new Date() } });
    });
  }

  async delete(installationId: string, key: string): Promise<void> {
    await this.db.delete(pluginStore).where(and(eq(pluginStore.installationId, installationId), eq(pluginStore.key, key)));
  }
}

/** Same semantics and caps without a database (SDK-style tests, benchmarks). */
export class MemoryPluginStore implements PluginKeyValueStore {
  private readonly data = new Map<string, Map<string, { value: unknown; size: number }>>();
  constructor(private readonly limits: PluginStoreLimits = DEFAULT_STORE_LIMITS) {}

  async get(installationId: string, key: string): Promise<unknown> {
    const hit = this.data.get(installationId)?.get(key);
    return hit ? structuredClone(hit.value) : undefined;
  }

  async set(installationId: string, key: string, value: unknown): Promise<void> {
    const size = checkKeyAndValue(key, value, this.limits);
    const bucket = this.data.get(installationId) ?? new Map<string, { value: unknown; size: number }>();
    let total = size;
    for (const [k, v] of bucket) if (k !== key) total += v.size;
    if (total > this.limits.maxTotalBytes) throw new StoreLimitError(`The installation's store is limited to ${this.limits.maxTotalBytes} bytes.`);
    if (!bucket.has(key) && bucket.size + 1 > this.limits.maxKeys) throw new StoreLimitError(`The installation's store is limited to ${this.limits.maxKeys} keys.`);
    bucket.set(key, { value: structuredClone(value), size });
    this.data.set(installationId, bucket);
  }

  async delete(installationId: string, key: string): Promise<void> {
    this.data.get(installationId)?.delete(key);
  }
}
