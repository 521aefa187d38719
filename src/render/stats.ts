/** Word count and reading time, the way Axios prints its "Smart Brevity count". */

import type { Edition, EditionStory } from '../normalize/edition.js';
import { countWords, inlinePlain, memoizeByNodes } from '../normalize/inline.js';
import { localeFormats, withoutPrivateUse } from '../normalize/locale-formats.js';

/** Counted over the words a reader reads: headlines, ledes, section text and bullets. */
export interface EditionStats {
  words: number;
  /** `words / 265`, rounded up to the nearest half minute. */
  readingMinutes: number;
  stories: number;
}

/** Axios' published counts fit 258–275 words per minute; 265 sits in the middle. */
export const wordsPerMinute = 265;

/** Words in parsed text, cached per parsed text. */
const wordsIn = memoizeByNodes((nodes) => countWords(inlinePlain(nodes)));

/**
 * The edition's counts. `sharedWords` keeps the count of stories that many editions show (see
 * src/editions/share.ts): it returns what `build` counts for the story, counted once.
 */
export function editionStats(
  edition: Edition,
  sharedWords?: (story: EditionStory, build: () => number) => number,
): EditionStats {
  let words = 0;
  for (const story of edition.stories)
    words += sharedWords ? sharedWords(story, () => storyWords(story)) : storyWords(story);
  return { words, readingMinutes: readingMinutes(words), stories: edition.stories.length };
}

function storyWords(story: EditionStory): number {
  let words = wordsIn(story.headline) + wordsIn(story.lede);
  for (const section of story.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') words += wordsIn(block.text);
      else for (const item of block.items) words += wordsIn(item);
    }
  }
  return words;
}

/** `words / 265` rounded up to the half minute; 0 words read in 0 minutes. */
export function readingMinutes(words: number): number {
  return Math.ceil((words / wordsPerMinute) * 2) / 2;
}

/**
 * "Smart Brevity count: 1,203 words ... 5 minutes", with "½" for half minutes as Axios prints it.
 * `template` (a translated `labels.countLine`) gets `{words}` and `{minutes}` replaced.
 */
export function countLine(stats: EditionStats, locale: string, template?: string): string {
  const whole = Math.floor(stats.readingMinutes);
  const half = stats.readingMinutes % 1 !== 0;
  const minutes = whole === 0 && half ? '½' : `${formatInteger(whole, locale)}${half ? '½' : ''}`;
  const words = formatInteger(stats.words, locale);
  if (template !== undefined) return template.replaceAll('{words}', words).replaceAll('{minutes}', minutes);
  const unit = stats.readingMinutes <= 1 ? 'minute' : 'minutes';
  return `Smart Brevity count: ${words} ${stats.words === 1 ? 'word' : 'words'} ... ${minutes} ${unit}`;
}

const numberFormats = localeFormats((locale) => new Intl.NumberFormat(locale));

/**
 * A whole number in the locale's digits and grouping: `1,203`, `1.203`, `١٬٢٠٣`, `12,34,567`.
 * US English is written directly: the first `Intl.NumberFormat` loads ICU data (about 20 ms
 * here), a real share of a serverless cold start, and it is the default locale. Only `en` and
 * `en-US` qualify: `en-IN` groups by lakh, and a `-u-nu-` extension changes the digits. Others get
 * a cached formatter shared by every tag that resolves to the same locale.
 */
export function formatInteger(value: number, locale: string): string {
  if (/^en(-US)?$/i.test(withoutPrivateUse(locale)) && Number.isInteger(value) && value >= 0) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  return numberFormats.get(locale).format(value);
}
