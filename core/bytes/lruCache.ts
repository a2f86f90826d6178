/**
 * The one least-recently-used cache: cached byte blocks (cachedByteSource), fetched spans and
 * decoded pages (parquetPageReader, a byte budget) and opened tables (tableRegistry, a count).
 *
 * Each entry has a cost (1 by default, so `maxCost` is then a count; bytes for a budget). A
 * Map's insertion order is the recency order: oldest first.
 */

/** Options of `lruCacheCreate`. */
export interface LruCacheOptions<K, V> {
  /** Total cost kept; an entry costing more than this is not kept at all. */
  maxCost: number;
  /** Called for each entry evicted to make room (not for `delete`, `clear` or a replaced value). */
  onEvict?: (key: K, value: V) => void;
}

/** A bounded map that forgets the least recently used entries first. */
export interface LruCache<K, V> {
  /** The value for `key`, marking it recently used. */
  get(key: K): V | undefined;
  /** The value for `key`, leaving the recency order alone. */
  peek(key: K): V | undefined;
  has(key: K): boolean;
  /** Keep `value` as the most recent entry, then evict the oldest ones beyond `maxCost`. */
  set(key: K, value: V, cost?: number): void;
  delete(key: K): boolean;
  clear(): void;
  /** Values, oldest first (does not change the order). */
  values(): IterableIterator<V>;
  readonly size: number;
  /** Sum of the kept entries' costs. */
  readonly cost: number;
}

/** Make an empty LRU cache. */
export function lruCacheCreate<K, V>(options: LruCacheOptions<K, V>): LruCache<K, V> {
  const { maxCost, onEvict } = options;
  const entries = new Map<K, { value: V; cost: number }>();
  let total = 0;
  const remove = (key: K): boolean => {
    const old = entries.get(key);
    if (!old) return false;
    entries.delete(key);
    total -= old.cost;
    return true;
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    peek: (key) => entries.get(key)?.value,
    has: (key) => entries.has(key),
    set(key, value, cost = 1) {
      remove(key);
      if (cost > maxCost) return;
      entries.set(key, { value, cost });
      total += cost;
      for (const [oldest, entry] of entries) {
        if (total <= maxCost) break;
        remove(oldest);
        onEvict?.(oldest, entry.value);
      }
    },
    delete: remove,
    clear() {
      entries.clear();
      total = 0;
    },
    *values() {
      for (const entry of entries.values()) yield entry.value;
    },
    get size() {
      return entries.size;
    },
    get cost() {
      return total;
    },
  };
}
