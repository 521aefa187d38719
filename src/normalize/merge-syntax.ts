/**
 * ESP template syntax in copy from less-trusted contributors. newsbrief writes `{{ }}`, `*| |*`,
 * `{% %}`, `%% %%`, `%name%` and `<% %>` as typed, and the ESP then merges them: a contributor's
 * `{{ subscriber.email }}` in a link or an image URL would send each reader's address to a site
 * of their choosing. With `neutralizeMergeSyntax`, an invisible WORD JOINER (U+2060) goes inside
 * each delimiter in text, so no ESP parses it while readers see the same characters, and URLs get
 * the delimiter characters percent-encoded, which a server reads the same way.
 */
import { readerTokenRanges } from '../readers/tokens.js';
import type { InlineNode } from './inline.js';
import { memoizeByNodes } from './inline.js';

/** Invisible, no width, no line break: unlike U+200B, it never lets a line break inside `{{`. */
export const wordJoiner = '\u2060';

/**
 * The first character of each delimiter: `{{`, `{%`, `{#`, `}}`, `*|`, `|*`, `%%`, `%}`, `%>`,
 * `%name`, `<%`, `${`. A text run that ends in one of these characters gets the joiner too: the
 * next run (after `**`, or inside a link) may start with its partner, and the text part joins them.
 */
const delimiterStart = /\{(?=[{%#]|$)|\}(?=\}|$)|%(?=[\w%}>]|$)|\*(?=\||$)|\|(?=\*|$)|<(?=%|$)|\$(?=\{|$)/g;

/** Text without the joiners `neutralizeMergeText` adds: its length is what a reader sees. */
export function withoutJoiners(value: string): string {
  return value.includes(wordJoiner) ? value.replaceAll(wordJoiner, '') : value;
}

/**
 * Text with the joiner inside every ESP delimiter; text without one is returned as it is. Reader
 * tokens (`{{reader.KEY|fallback}}`) stay live: they are ours, filled by `personalize` or
 * translated by the ESP payload builders, never merged as written. Only their fallback, which
 * reaches readers as typed, gets the joiners.
 */
export function neutralizeMergeText(value: string): string {
  const tokens = readerTokenRanges(value);
  if (tokens.length === 0) return neutralizeRun(value);
  let out = '';
  let last = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const start = tokens[i] as number;
    const end = tokens[i + 1] as number;
    const bar = value.indexOf('|', start);
    const fallbackStart = bar >= 0 && bar < end ? bar + 1 : end - 2;
    out += neutralizeRun(value.slice(last, start));
    const fallback = neutralizeRun(value.slice(fallbackStart, end - 2));
    out += `${value.slice(start, fallbackStart)}${fallback}}}`;
    last = end;
  }
  return out + neutralizeRun(value.slice(last));
}

/**
 * Text with the joiner inside every delimiter, reader tokens included: for a reader's value,
 * which must never be filled again (by a second `personalize` or an ESP).
 */
export function neutralizeRun(value: string): string {
  return value.replace(delimiterStart, `$&${wordJoiner}`);
}

/**
 * A URL with the characters of ESP delimiters percent-encoded (`{` `}` `|` `<` `>`), and every `%`
 * that does not start an escape written `%25`: `https://x.test/?to={{email}}` becomes
 * `https://x.test/?to=%7B%7Bemail%7D%7D`, the same URL to a server and nothing an ESP merges.
 */
export function neutralizeMergeHref(value: string): string {
  return value.replace(/[{}|<>]|%(?![0-9A-Fa-f]{2})/g, (character) =>
    character === '%' ? '%25' : encodeURIComponent(character),
  );
}

/** How the edition treats copy: as written, or with ESP syntax neutralized. */
export interface CopyGuard {
  /** A plain-text field (title, alt text, a section label). */
  text(value: string): string;
  /** Parsed story text: text runs neutralized, link targets encoded. */
  nodes(nodes: readonly InlineNode[]): readonly InlineNode[];
  /** A story URL (image, source, sponsor); never a footer URL, whose merge tags are meant. */
  href(value: string): string;
}

/** Copy as written: ESP syntax reaches the ESP live. */
export const trustedCopy: CopyGuard = {
  text: (value) => value,
  nodes: (nodes) => nodes,
  href: (value) => value,
};

function neutralizeNodes(nodes: readonly InlineNode[]): InlineNode[] {
  return nodes.map((node): InlineNode => {
    if (node.type === 'text') return { type: 'text', value: neutralizeMergeText(node.value) };
    if (node.type === 'link')
      return { type: 'link', href: neutralizeMergeHref(node.href), children: neutralizeNodes(node.children) };
    return { type: node.type, children: neutralizeNodes(node.children) };
  });
}

/**
 * The copy guard for `neutralizeMergeSyntax`. Neutralized text is cached per parsed text for the
 * life of the renderer, as tracked links are, so an edition rendered again costs no more.
 */
export function copyGuard(neutralize: boolean): CopyGuard {
  if (!neutralize) return trustedCopy;
  return { text: neutralizeMergeText, nodes: memoizeByNodes(neutralizeNodes), href: neutralizeMergeHref };
}
