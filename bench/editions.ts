/** Editions used by the bench, the byte analysis and the byte-budget test. */
import { readFileSync } from 'node:fs';
import type { Briefing } from '../src/index.js';

const examplePath = new URL('../examples/morning-edition.json', import.meta.url);

/** The 5-story morning edition from examples/ (≈1,150 words). */
export function morningEdition(): Briefing {
  return JSON.parse(readFileSync(examplePath, 'utf8')) as Briefing;
}

/** The morning edition with its stories repeated until there are `count` of them. */
export function longEdition(count: number): Briefing {
  const edition = morningEdition();
  const stories = Array.from({ length: count }, (_, index) => {
    const story = edition.stories[index % edition.stories.length];
    if (story === undefined) throw new Error('examples/morning-edition.json has no stories');
    return structuredClone(story);
  });
  return { ...edition, stories };
}

/**
 * `edition` with `index` appended to every text field (not to URLs, merge tags, dates, locales),
 * passed through JSON as a request body or a CMS export would arrive: flat strings, not the
 * concatenations the appending builds.
 */
export function freshCopy(edition: Briefing, index: number): Briefing {
  const mark = (value: unknown): unknown => {
    if (typeof value === 'string') return /^https?:|^\*\|/.test(value) ? value : `${value} ${index}`;
    if (Array.isArray(value)) return value.map(mark);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          key === 'date' || key === 'locale' ? item : mark(item),
        ]),
      );
    }
    return value;
  };
  return JSON.parse(JSON.stringify(mark(edition))) as Briefing;
}
