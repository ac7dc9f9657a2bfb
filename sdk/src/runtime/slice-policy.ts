/**
 * Which bundles get synchronous slices (run-slice.ts). A slice that runs out of its
 * budget, or a third slow one in a row (over an eighth of the budget in CPU time),
 * pauses slices for that pool key (digest and memory) for a cooldown: a hostile
 * bundle can hold the worker's thread for about one budget per cooldown, and a
 * well-behaved one that a garbage collection once pushed past the budget gets its
 * slices back.
 */

/** How long a bundle whose slices ran long runs asynchronously only. */
export const SLICE_COOLDOWN_MS = 60_000;
const MAX_TRACKED_KEYS = 4_096;

export class SlicePolicy {
  /** Invocations begun in a slice so far. */
  runs = 0;
  /** Paused keys and until when (clock time). */
  private readonly paused = new Map<string, number>();
  /** Consecutive slow slices per key (a cold isolate's first one is often slow). */
  private readonly strikes = new Map<string, number>();

  constructor(
    /** The slice budget; 0 turns slices off. */
    readonly budgetMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly cooldownMs = SLICE_COOLDOWN_MS,
  ) {}

  allowed(key: string): boolean {
    if (this.budgetMs <= 0) return false;
    const until = this.paused.get(key);
    if (until === undefined) return true;
    if (this.now() < until) return false;
    this.paused.delete(key);
    return true;
  }

  /** Records how a slice of `key` went. */
  judge(key: string, exhausted: boolean, cpuMs: number): void {
    const strikes = cpuMs > this.budgetMs / 8 ? (this.strikes.get(key) ?? 0) + 1 : 0;
    if (!exhausted && strikes < 3) {
      if (strikes === 0) this.strikes.delete(key);
      else remember(this.strikes, key, strikes);
      return;
    }
    this.strikes.delete(key);
    remember(this.paused, key, this.now() + this.cooldownMs);
  }

  /** Keys paused right now. */
  get pausedCount(): number {
    const now = this.now();
    let count = 0;
    for (const until of this.paused.values()) if (until > now) count += 1;
    return count;
  }
}

/** Sets a bounded map's entry as its newest, dropping the oldest past the bound. */
function remember(map: Map<string, number>, key: string, value: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_TRACKED_KEYS) map.delete(map.keys().next().value as string);
}
