/**
 * The story's source link ("Go deeper"), read from how it is written at the end of a story:
 * - a last line that is only a link: `[Title](https://…)`, `https://…`, `Title <https://…>`;
 * - a lone source word: `Go deeper`, `Read more`, `Source` (the seed has `.Source`), maybe with a URL;
 * - a source word as a label: `Go deeper: text`, with or without a link in the text;
 * - a source word, then a line with the linked title (`Go deeper` / `[Title](https://…)`).
 *
 * Text here is newsbrief's inline subset (both authoring forms produce it), and every pattern is
 * anchored and bounded, so a long last paragraph costs one pass.
 */
import type { Story } from '../model.js';

/** A story's source link as the briefing holds it. */
export type SourceLink = NonNullable<Story['source']>;

/** A URL; balanced parentheses are part of it (`https://en.wikipedia.org/wiki/Mercury_(planet)`). */
const url = String.raw`(?:https?:\/\/|mailto:)(?:[^\s<>()\[\]]|\([^\s<>()\[\]]*\))+`;
/** `[Title](url)` alone, optionally after a source word: `Source: [Axios](https://…)`. */
const markdownLink = new RegExp(String.raw`^\[([^\]\n]{1,300})\]\((${url})\)$`, 'i');
/** A URL alone, optionally in angle brackets. */
const bareUrl = new RegExp(`^<?(${url})>?$`, 'i');
/** `Title <url>` or `Title (url)`, as email clients paste a link. */
const titledUrl = new RegExp(String.raw`^([^<>()\[\]\n]{1,300}?)\s+[<(](${url})[>)]$`, 'i');
/** Labels under which the text is the source, not a section (`Go deeper: …`). */
const sourceLabelWords = 'sources?|go deeper|dig deeper|read more|keep reading|full story|via';
const sourceLabels = new RegExp(`^(?:${sourceLabelWords})$`, 'i');
/**
 * Stray punctuation, a source word, maybe a colon and a URL: `.Source`, `Read more: https://…`.
 * On a line of its own, "Read the full story" and "More" name the source too.
 */
const sourceWordLine = new RegExp(
  String.raw`^[\s.·•>»:*_-]{0,10}(${sourceLabelWords}|read the full story|more)[\s:.–—-]{0,10}(\S*)$`,
  'iu',
);

/** A line that is only a link, in any of the ways pastes write one. */
export function linkOnly(text: string): SourceLink | undefined {
  const trimmed = text.trim();
  const link = markdownLink.exec(trimmed);
  if (link?.[1] && link[2]) {
    const label = link[1].trim();
    return label === link[2] ? { url: link[2] } : { label, url: link[2] };
  }
  const bare = bareUrl.exec(trimmed);
  if (bare?.[1]) return { url: bare[1] };
  const titled = titledUrl.exec(trimmed);
  if (titled?.[1] && titled[2]) return { label: titled[1].trim(), url: titled[2] };
  return undefined;
}

/** A lone source word (`Go deeper`, `.Source`, `Read more: https://…`): its label and any URL. */
export function sourceWord(text: string): SourceLink | undefined {
  const match = sourceWordLine.exec(text.trim());
  if (!match?.[1]) return undefined;
  const label = capitalise(match[1].toLowerCase());
  if (!match[2]) return { label };
  const found = bareUrl.exec(match[2]);
  return found?.[1] ? { label, url: found[1] } : undefined;
}

/** True when a section label names the source ("Go deeper", "Read more"): its text is the link. */
export function isSourceLabel(label: string | undefined): boolean {
  return label !== undefined && sourceLabels.test(label.trim());
}

/**
 * The text after `Go deeper:`: a link alone gives its title and URL; text with one link inside gives
 * the text (link markup removed) and that URL; text without a link is the label alone.
 */
export function sourceFromText(label: string, text: string): SourceLink {
  if (text.trim() === '') return { label: capitalise(label) };
  const only = linkOnly(text);
  if (only) return only.label ? only : { label: capitalise(label), url: only.url as string };
  const links = [...text.matchAll(/\[([^\]\n]{1,300})\]\(((?:[^\s()]|\([^\s()]*\)){1,2000})\)/g)];
  const [first] = links;
  if (links.length === 1 && first?.[1] && first[2]) {
    return { label: text.replace(first[0], first[1]).trim(), url: first[2] };
  }
  return { label: text.trim() };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
