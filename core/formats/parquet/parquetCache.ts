/**
 * A least-recently-used map with a byte budget (fetched byte spans, decoded pages).
 */

/** An LRU keyed by string whose entries carry their own size estimate. */
export interface BudgetCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, bytes: number): void;
  values(): IterableIterator<V>;
  readonly bytes: number;
}

/** Make a cache holding at most `budgetBytes` (an entry larger than the budget is not kept). */
export function budgetCacheCreate<V>(budgetBytes: number): BudgetCache<V> {
  const entries = new Map<string, { value: V; bytes: number }>(); // insertion order = recency
  let total = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      const old = entries.get(key);
      if (old) {
        entries.delete(key);
        total -= old.bytes;
      }
      if (bytes > budgetBytes) return;
      entries.set(key, { value, bytes });
      total += bytes;
      for (const [k, v] of entries) {
        if (total <= budgetBytes) break;
        entries.delete(k);
        total -= v.bytes;
      }
    },
    *values() {
      for (const entry of entries.values()) yield entry.value;
    },
    get bytes() {
      return total;
    },
  };
}
