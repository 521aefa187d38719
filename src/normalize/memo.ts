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
