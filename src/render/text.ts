/**
 * The plain-text part, built from the edition (not by stripping HTML) so it reads well on its own:
 * text-only clients, screen-reader users who prefer it, and spam filters that expect one.
 */

import type {
  Edition,
  EditionImage,
  EditionLink,
  EditionSection,
  EditionStory,
} from '../normalize/edition.js';
import { collapseWhitespace, type InlineNode, memoizeByNodes } from '../normalize/inline.js';
import { memoizeString } from '../normalize/memo.js';
import { withoutJoiners, wordJoiner } from '../normalize/merge-syntax.js';
import { readerTokenRanges } from '../readers/tokens.js';
import type { ResolvedLabels } from './labels.js';
import type { EditionStats } from './stats.js';
import { countLine } from './stats.js';

/** Column at which lines wrap; URLs are never broken, so a long link may overrun it. */
export const textWidth = 78;

/** Opens and closes the stories; `storyRule` separates them (and the sponsor) and underlines headlines. */
const editionRule = '='.repeat(textWidth);
const storyRule = '-'.repeat(textWidth);

/** Writes inline nodes as text: emphasis unmarked, links as `label (url)`. */
function writeInline(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'link') {
      const label = writeInline(node.children);
      out += label.trim() === node.href ? node.href : `${label} (${node.href})`;
    } else out += writeInline(node.children);
  }
  return out;
}

/** Inline nodes as text, cached per parsed text (see `memoizeByNodes`). */
export const inlineText = memoizeByNodes(writeInline);

/** Greedy word wrap with a hanging indent for continuation lines. */
export function wrap(text: string, width = textWidth, indent = '', firstPrefix = ''): string {
  const words = collapseWhitespace(text);
  // A reader token is one word however many spaces its fallback holds: `personalize` must find it whole.
  const tokens = readerTokenRanges(words);
  if (tokens.length > 0 && !words.includes(tokenSpace)) {
    return wrapText(keepTokensWhole(words, tokens), width, indent, firstPrefix).replaceAll(tokenSpace, ' ');
  }
  return wrapText(words, width, indent, firstPrefix);
}

/** Stands in for a space inside a reader token while wrapping; copy never holds NUL. */
const tokenSpace = '\u0000';

/** `words` with the spaces inside its reader tokens (`ranges`, see `readerTokenRanges`) replaced. */
function keepTokensWhole(words: string, ranges: readonly number[]): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const start = ranges[i] as number;
    const end = ranges[i + 1] as number;
    out += words.slice(last, start) + words.slice(start, end).replaceAll(' ', tokenSpace);
    last = end;
  }
  return out + words.slice(last);
}

function wrapText(words: string, width: number, indent: string, firstPrefix: string): string {
  // Neutralized merge syntax carries invisible joiners: lines break where they would without them.
  const shown = withoutJoiners(words);
  if (shown === words) return wrapWords(words, width, indent, firstPrefix);
  return withJoiners(words, wrapWords(shown, width, indent, firstPrefix), indent, firstPrefix);
}

/**
 * `wrapped` (the joiner-free text wrapped) with the joiners of `words` put back after the
 * characters they follow. Wrapping only turns spaces into a line break and `indent`.
 */
function withJoiners(words: string, wrapped: string, indent: string, firstPrefix: string): string {
  let out = firstPrefix;
  let at = firstPrefix.length;
  for (const character of words) {
    if (character === wordJoiner) out += character;
    else if (wrapped[at] === '\n') {
      out += `\n${indent}`;
      at += 1 + indent.length;
    } else {
      out += character;
      at += character.length;
    }
  }
  return out;
}

function wrapWords(words: string, width: number, indent: string, firstPrefix: string): string {
  // Words are separated by single spaces once whitespace is collapsed, so each line is one slice:
  // up to the last space that keeps it within `width`, or its first word when that alone overruns.
  if (words === '') return firstPrefix;
  let out = '';
  let prefix = firstPrefix;
  let lineStart = 0;
  for (;;) {
    const limit = lineStart + width - prefix.length;
    if (words.length <= limit) return out + prefix + words.slice(lineStart);
    let end = words.lastIndexOf(' ', limit);
    if (end < lineStart) {
      end = words.indexOf(' ', lineStart);
      if (end < 0) return out + prefix + words.slice(lineStart);
    }
    out += `${prefix}${words.slice(lineStart, end)}\n`;
    prefix = indent;
    lineStart = end + 1;
  }
}

function linkText(link: EditionLink): string {
  return link.href ? `${link.label}: ${link.href}` : link.label;
}

/** `[Image: alt] credit link`, or '' for no image (or a decorative one without credit or link). */
function imageText(image: EditionImage | undefined, prefix: string): string {
  if (!image) return '';
  const parts = [image.alt ? `[${prefix}: ${image.alt}]` : '', inlineText(image.credit), image.href ?? ''];
  const line = parts.filter(Boolean).join(' ');
  return line ? paragraph(line) : '';
}

function storyText(story: EditionStory, labels: ResolvedLabels): string {
  const blocks: string[] = [];
  const kicker = inlineText(story.kicker);
  if (kicker) blocks.push(kicker.toUpperCase());
  const headline = `${story.number ? `${story.number}. ` : ''}${inlineText(story.headline)}`;
  // The rule is as long as the headline looks: neutralized merge syntax adds invisible joiners.
  blocks.push(`${paragraph(headline)}\n${storyRule.slice(0, withoutJoiners(headline).length)}`);
  const byline = inlineText(story.byline);
  if (byline) blocks.push(paragraph(byline));
  const image = imageText(story.image, labels.image);
  if (image) blocks.push(image);
  const lede = inlineText(story.lede);
  if (lede) blocks.push(paragraph(lede));
  for (const section of story.sections) blocks.push(sectionText(section));
  if (story.source) blocks.push(paragraph(linkText(story.source)));
  return blocks.join('\n\n');
}

/**
 * A section: the label opens its first paragraph (or stands alone above a list), paragraphs are
 * separated by a blank line, and a list follows the line above it directly, like `<ul>` under its
 * lead-in sentence.
 */
function sectionText(section: EditionSection): string {
  let out = '';
  let label = section.label === undefined ? '' : `${section.label}:`;
  for (const block of section.blocks) {
    if (block.kind === 'paragraph') {
      if (out) out += '\n\n';
      out += paragraph(`${label} ${inlineText(block.text)}`.trim());
    } else {
      if (label) out += paragraph(label);
      if (out) out += '\n';
      out += block.items
        .map((item, index) =>
          block.kind === 'bullets'
            ? bulletLine(inlineText(item))
            : wrap(inlineText(item), textWidth, '   ', `${index + 1}. `.padEnd(3)),
        )
        .join('\n');
    }
    label = '';
  }
  return out;
}

/**
 * Wrapped paragraphs and bullets. Not cached: wrapping is one pass over already-collapsed text,
 * cheaper than hashing the text into a map, and new copy would never hit.
 */
const paragraph = (text: string) => wrap(text);
/** The footer's paragraphs, by text: every edition of a list (and of a set) repeats them. */
const footerParagraph = memoizeString(paragraph, 64);
const bulletLine = (text: string) => wrap(text, textWidth, '  ', '• ');

/** How `renderText` writes an edition. */
export interface TextOptions {
  /** Write the table of contents. */
  toc?: boolean;
  /**
   * Keeps the text of stories that many editions show (see src/editions/share.ts): returns the
   * text `build` writes for this edition story, written once. Absent for single renders.
   */
  sharedText?: (story: EditionStory, build: () => string) => string;
}

/** The whole text part. */
export function renderText(edition: Edition, stats: EditionStats, options: TextOptions = {}): string {
  const head: string[] = [edition.title.toUpperCase()];
  if (edition.dateLabel) head.push(edition.dateLabel);
  const blocks: string[] = [head.join('\n')];
  if (edition.webLink) blocks.unshift(linkText(edition.webLink));
  const greeting = inlineText(edition.greeting);
  if (greeting) blocks.push(paragraph(greeting));
  blocks.push(countLine(stats, edition.locale, edition.labels.countLine));
  if (options.toc) {
    const items = edition.stories.map((story) =>
      wrap(inlineText(story.headline), textWidth, '   ', story.number ? `${story.number}. ` : '• '),
    );
    blocks.push(`${edition.labels.contents}:\n${items.join('\n')}`);
  }

  edition.stories.forEach((story, index) => {
    blocks.push(index === 0 ? editionRule : storyRule);
    const build = () => storyText(story, edition.labels);
    blocks.push(options.sharedText ? options.sharedText(story, build) : build());
    const sponsor = edition.sponsor;
    if (sponsor && sponsor.after === index + 1) {
      blocks.push(storyRule);
      const lines = [inlineText(sponsor.label).toUpperCase(), paragraph(inlineText(sponsor.headline))];
      const image = imageText(sponsor.image, edition.labels.image);
      if (image) lines.push('', image);
      const text = inlineText(sponsor.text);
      if (text) lines.push('', paragraph(text));
      if (sponsor.link) lines.push('', paragraph(linkText(sponsor.link)));
      blocks.push(lines.join('\n'));
    }
  });

  blocks.push(editionRule);
  const footer = edition.footer;
  const footerText = inlineText(footer.text);
  if (footerText) blocks.push(footerParagraph(footerText));
  const address = inlineText(footer.address);
  if (address) blocks.push(footerParagraph(address));
  if (footer.links.length > 0) blocks.push(footer.links.map(linkText).join('\n'));
  // Concatenated, not joined: the kept stories' text is spliced in as it is, without copying the
  // whole part flat (a caller that writes it out copies it once, then).
  let text = blocks[0] as string;
  for (let i = 1; i < blocks.length; i += 1) text += `\n\n${blocks[i]}`;
  return `${text}\n`;
}
