/**
 * Memos of pure calendar functions. Checking a 100 000-line declaration file walks the same few
 * months over and over; the caches are bounded (cleared when full), so memory stays flat.
 * Internal to the domain: not exported from its index.
 */
import type { DateRange } from './calendar.js';

export function memo<K, V>(compute: (key: K) => V, limit = 100_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

/** Keyed by start then end: no key string is built on the hot path. */
export function memoByRange<V>(compute: (range: DateRange) => V, limit = 10_000): (range: DateRange) => V {
  const cache = new Map<string, Map<string, V>>();
  let size = 0;
  return (range) => {
    let byEnd = cache.get(range.start);
    const hit = byEnd?.get(range.end);
    if (hit !== undefined) return hit;
    const value = compute(range);
    if (size >= limit) {
      cache.clear();
      size = 0;
      byEnd = undefined;
    }
    if (!byEnd) {
      byEnd = new Map();
      cache.set(range.start, byEnd);
    }
    byEnd.set(range.end, value);
    size += 1;
    return value;
  };
}
