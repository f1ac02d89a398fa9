/**
 * A small in-process cache with a time to live, for facts that are read on every request and
 * change rarely (grants, API keys; ADR 0007). Values are promises, so concurrent misses share one
 * load. Only this process is invalidated by invalidate(): other processes on the same database see
 * a change when their entry expires, at most `ttlMs` later.
 */
export interface TtlCache<T> {
  get(key: string): Promise<T>;
  invalidate(key: string): void;
  /** Drops every entry whose value matches (e.g. all API keys of a user). */
  invalidateWhere(test: (value: T) => boolean): void;
  clear(): void;
}

/** Beyond this many entries the cache starts over (a flood of distinct keys must not grow memory). */
const MAX_ENTRIES = 10_000;

export function createTtlCache<T>(
  ttlMs: number,
  load: (key: string) => Promise<T>,
  options: { keep?: (value: T) => boolean; now?: () => number } = {},
): TtlCache<T> {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { value: Promise<T>; settled: T | undefined; until: number }>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value;
      const value = load(key);
      if (ttlMs <= 0) return value;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const entry = { value, settled: undefined as T | undefined, until: now() + ttlMs };
      entries.set(key, entry);
      value.then(
        (v) => {
          entry.settled = v;
          if (options.keep && !options.keep(v) && entries.get(key) === entry) entries.delete(key);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return value;
    },
    invalidate(key) {
      entries.delete(key);
    },
    invalidateWhere(test) {
      // A load still under way may have read the state before the change: drop it too.
      for (const [key, entry] of entries) if (entry.settled === undefined || test(entry.settled)) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
