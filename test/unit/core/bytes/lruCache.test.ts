import { describe, expect, it } from 'vitest';
import { lruCacheCreate } from '../../../../core/bytes/lruCache';

describe('lruCacheCreate', () => {
  it('evicts the least recently used entries beyond a count, get marking use and peek not', () => {
    const evicted: string[] = [];
    const cache = lruCacheCreate<string, number>({ maxCost: 2, onEvict: (key) => evicted.push(key) });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect(cache.peek('a')).toBe(1); // a stays older than c
    cache.set('d', 4);
    expect(evicted).toEqual(['b', 'a']);
    expect([...cache.values()]).toEqual([3, 4]);
    expect(cache.size).toBe(2);
  });

  it('keeps a byte budget: a replaced value frees its cost, an entry over the budget is not kept', () => {
    const cache = lruCacheCreate<string, string>({ maxCost: 10 });
    cache.set('x', 'x', 6);
    cache.set('x', 'x2', 4);
    expect(cache.cost).toBe(4);
    cache.set('y', 'y', 6);
    expect([cache.cost, cache.has('x'), cache.has('y')]).toEqual([10, true, true]);
    cache.set('z', 'z', 11);
    expect([cache.has('z'), cache.cost]).toEqual([false, 10]);
    cache.set('w', 'w', 5);
    expect([cache.has('x'), cache.has('y'), cache.has('w'), cache.cost]).toEqual([false, false, true, 5]);
    expect(cache.delete('w')).toBe(true);
    expect([cache.size, cache.cost]).toEqual([0, 0]);
  });
});
