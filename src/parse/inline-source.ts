/**
 * Markdown inline source → newsbrief's inline subset (`**bold**`, `*italic*` / `_italic_`,
 * `[label](url)`), written as text. The subset is Markdown already, so most text passes as
 * written; syntax outside it keeps its visible text: code spans lose their backticks, `~~struck~~`
 * text stays, `<https://…>` autolinks become links, images become their alt text, link titles
 * and backslash escapes are dropped.
 *
 * Not marked's inline lexer: it slows down quadratically on some pastes (`*|*|*|…` ran 80 times
 * slower at 16 times the length). Each pattern here stops at the next delimiter of its kind or
 * after a fixed length, so a paragraph costs one pass whatever it holds.
 */
import type { StoryImage } from '../model.js';
import { collapseWhitespace } from '../normalize/inline.js';

const codeSpan = /`([^`\n]*)`/g;
const strikethrough = /~~([^~\n]+)~~/g;
const autolink = /<((?:https?:\/\/|mailto:)[^\s<>]{1,2000})>/gi;
const inlineImage = /!\[([^\]\n]{0,300})\]\([^\s()]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g;
const linkTitle = /\]\(([^\s()]{1,2000})\s+"[^"\n]{0,300}"\)/g;
const backslashEscape = /\\([!-/:-@[-`{-~])/g;
// The lookbehind starts a match only at a run's first space: ` {2,}\n` alone retries from every
// space of a long run that ends without a line break (quadratic).
const hardBreak = /(?<! ) {2,}\n|\\\n/g;

/** A paragraph's Markdown inline source as newsbrief inline text, whitespace collapsed. */
export function inlineSubset(raw: string): string {
  return collapseWhitespace(
    raw
      .replace(hardBreak, ' ')
      .replace(codeSpan, '$1')
      .replace(inlineImage, '$1')
      .replace(autolink, '[$1]($1)')
      .replace(linkTitle, ']($1)')
      .replace(strikethrough, '$1')
      .replace(backslashEscape, '$1'),
  );
}

const imageOnly = /^!\[([^\]\n]{0,300})\]\(((?:https?:\/\/)[^\s()]{1,2000})(?:\s+"([^"\n]{0,300})")?\)$/i;
const linkedImage =
  /^\[(!\[[^\]\n]{0,300}\]\([^\s()]{1,2000}(?:\s+"[^"\n]{0,300}")?\))\]\(([^\s()]{1,2000})\)$/i;

/** `![alt](src "credit")` alone, or the same image wrapped in a link (`[![alt](src)](href)`). */
export function imageOf(raw: string): StoryImage | undefined {
  const text = raw.trim();
  const linked = linkedImage.exec(text);
  if (linked?.[1] && linked[2]) {
    const inner = imageOf(linked[1]);
    return inner && { ...inner, href: linked[2] };
  }
  const image = imageOnly.exec(text);
  if (!image?.[2]) return undefined;
  const found: StoryImage = { src: image[2], alt: collapseWhitespace(image[1] ?? '') };
  if (image[3]) found.credit = image[3];
  return found;
}
