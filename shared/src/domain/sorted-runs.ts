/**
 * Grouping millions of rows without a map of arrays: each row gets a numeric key (NaN: left out), the
 * row indices are sorted once by key, and rows with equal keys are then consecutive — a "run". A few
 * typed arrays instead of millions of small objects: O(n log n) time, O(n) memory.
 * Internal to the domain: not exported from its index.
 */

/** Indices of the rows whose key is a number, sorted by key (then by index: deterministic). */
export function sortByKey(keys: Float64Array): Uint32Array {
  let count = 0;
  for (let index = 0; index < keys.length; index += 1) if (!Number.isNaN(keys[index])) count += 1;
  const order = new Uint32Array(count);
  let next = 0;
  for (let index = 0; index < keys.length; index += 1) if (!Number.isNaN(keys[index])) order[next++] = index;
  return order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
}

/** Calls `visit` with the row indices of every run of at least `minLength` equal keys. */
export function forEachRun(keys: Float64Array, minLength: number, visit: (members: readonly number[]) => void): void {
  const order = sortByKey(keys);
  let start = 0;
  while (start < order.length) {
    const key = keys[order[start] as number];
    let end = start + 1;
    while (end < order.length && keys[order[end] as number] === key) end += 1;
    if (end - start >= minLength) visit(Array.from(order.subarray(start, end)));
    start = end;
  }
}

/**
 * A 53-bit hash of a string (cyrb53), exact as a float key; the rare collision is harmless when
 * the caller compares the strings again inside a run.
 */
export function stringKey(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Dense integer ids for repeated strings (participants, companies…), so that they fit in numeric keys. */
export class Interner {
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
}
