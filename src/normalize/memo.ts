/**
 * Caches a function of a string, for checks that every render repeats on the same values (link
 * protocols, locale tags). Bounded: the cache is emptied when it reaches `maxEntries`.
 */
export function memoizeString<T>(compute: (value: string) => T, maxEntries = 4096): (value: string) => T {
  const memo = new Map<string, T>();
  return (value) => {
    if (memo.has(value)) return memo.get(value) as T;
    const result = compute(value);
    if (memo.size >= maxEntries) memo.clear();
    memo.set(value, result);
    return result;
  };
}

/**
 * Caches a function of an object for as long as the object lives (a `WeakMap`): for parts derived
 * from validated data that many renders share, such as an edition set's pool stories.
 */
export function memoizeByObject<K extends object, T>(compute: (value: K) => T): (value: K) => T {
  const memo = new WeakMap<K, T>();
  return (value) => {
    if (memo.has(value)) return memo.get(value) as T;
    const result = compute(value);
    memo.set(value, result);
    return result;
  };
}
