/**
 * A minimal DataLoader: keys asked for in the same tick are fetched with one
 * query, and each key is fetched at most once per request. Per-request
 * instances only, so no caller sees another's cache.
 */
export class BatchLoader<K, V> {
  private readonly cache = new Map<K, Promise<V | undefined>>();
  private pending: Array<{ key: K; resolve: (value: V | undefined) => void; reject: (err: unknown) => void }> = [];

  constructor(private readonly fetchMany: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      if (this.pending.length === 0) queueMicrotask(() => void this.dispatch());
      this.pending.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  prime(key: K, value: V): void {
    if (!this.cache.has(key)) this.cache.set(key, Promise.resolve(value));
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const found = await this.fetchMany([...new Set(batch.map((b) => b.key))]);
      for (const item of batch) item.resolve(found.get(item.key));
    } catch (err) {
      for (const item of batch) item.reject(err);
    }
  }
}
