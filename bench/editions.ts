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
