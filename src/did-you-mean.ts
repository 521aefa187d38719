/**
 * "Did you mean …?" for unknown field names: one place that every input kind (briefing JSON,
 * front matter, theme, options and config files) asks, so a typo is named the same way everywhere.
 */

/** `why_it_matters`, `Why-It-Matters`, `WhyItMatters` → `whyitmatters`: the spelling a key is compared by. */
function normalizeKey(key: string): string {
  return key.replace(/[\s_-]+/g, '').toLowerCase();
}

/** Levenshtein distance, with an early exit once every entry of a row exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known name `key` was most likely meant to be, or `undefined` when none is close. Keys are
 * compared without case, `_`, `-` or spaces (`why_it_matters` → `whyItMatters`), then by edit
 * distance: at most 1 edit for names of up to 4 letters, 2 up to 8, 3 beyond (`sorce` → `source`,
 * `titel` → `title`).
 *
 * @example
 * suggestKey('why_it_matters', ['headline', 'whyItMatters']); // → 'whyItMatters'
 */
export function suggestKey(key: string, known: Iterable<string>): string | undefined {
  const wanted = normalizeKey(key);
  if (wanted === '') return undefined;
  const max = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(wanted, normalizeKey(name), max);
    if (distance <= max && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * The message for a key the format does not know: `unknown field; did you mean "whyItMatters"?`,
 * or, with no close match, the fields that are known.
 */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const suggestion = suggestKey(key, known);
  if (suggestion !== undefined) return `unknown field; did you mean "${suggestion}"?`;
  return `unknown field; expected one of ${known.map((name) => `"${name}"`).join(', ')}`;
}
