/**
 * The plain-text form, as newsrooms paste it: first line the headline, blank lines between
 * paragraphs, known axioms written `Label:` at the start of a paragraph, `•` / `-` / `*` bullets,
 * and a lone `Source` or `Go deeper` line (optionally with a URL) at the end.
 */
import type { Story, StoryImage } from '../model.js';
import { displayLabel, matchAxiomLabel } from './axioms.js';
import { parseError } from './errors.js';
import { isByline, StoryBuilder, squash } from './story-builder.js';

interface Paragraph {
  lines: string[];
  /** 1-based source line of the first line. */
  line: number;
}

const bulletLine = /^\s*(?:[•●▪◦‣·]\s*|[-*+]\s+)(.*)$/u;
const urlOnly = /^<?((?:https?:\/\/|mailto:)\S+?)>?$/i;
/** `[Go deeper](https://…)`, or a link after a source word: `Source: [Axios](https://…)`. */
const linkOnly =
  /^(?:(?:sources?|go deeper|read more|via)\s*[:：]?\s*)?\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)$/i;
/** A source line: stray punctuation (the seed has ".Source"), a source word, maybe a URL. */
const sourceLine =
  /^[\s.·•>»:*_-]*(sources?|go deeper|read more|read the full story|full story|more)[\s:.–—-]*(\S*)$/iu;
const boldLabel = /^\*\*([^*\n]{1,60}?)(?::\*\*|\*\*\s*:)\s*([\s\S]*)$/u;
const imageOnly = /^!\[([^\]\n]*)\]\(((?:https?:\/\/)[^\s)]+)(?:\s+"([^"\n]*)")?\)$/i;
const emphasised = /^([_*])(.+)\1$/u;
const rule = /^(?:[-=_*]\s*){3,}$/;

/**
 * Parses a plain-text paste into one story. `lineOffset` is the number of source lines before
 * `body` (front matter), so errors name the line in the original source.
 */
export function parsePlainText(body: string, lineOffset = 0): Story {
  const paragraphs = splitParagraphs(body, lineOffset);
  const first = paragraphs.shift();
  if (!first) throw parseError(lineOffset + 1, 'the source is empty; expected a headline');
  const [headline = '', ...rest] = first.lines;
  if (rest.length > 0) paragraphs.unshift({ lines: rest, line: first.line + 1 });

  const builder = new StoryBuilder(squash(headline));
  const source = takeSource(paragraphs);
  for (const paragraph of paragraphs) addParagraph(builder, paragraph);
  if (source) builder.setSource(source);
  return builder.build();
}

function splitParagraphs(body: string, lineOffset: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  body.split('\n').forEach((text, index) => {
    if (text.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { lines: [], line: lineOffset + index + 1 };
      paragraphs.push(current);
    }
    current.lines.push(text.trim());
  });
  // Rules (`---`, `***`) and setext underlines are layout, not text.
  for (const paragraph of paragraphs) paragraph.lines = paragraph.lines.filter((line) => !rule.test(line));
  return paragraphs.filter((paragraph) => paragraph.lines.length > 0);
}

/** Removes and returns the source link written as the last paragraph (or the last two). */
function takeSource(paragraphs: Paragraph[]): NonNullable<Story['source']> | undefined {
  const last = paragraphs.at(-1);
  if (!last || last.lines.length > 2) return undefined;
  const [head = '', next] = last.lines;
  const link = linkOnly.exec(head);
  if (link?.[1] && link[2] && next === undefined) {
    paragraphs.pop();
    return { label: link[1].trim(), url: link[2] };
  }
  const url = urlOnly.exec(head);
  if (url?.[1] && next === undefined) {
    paragraphs.pop();
    const before = paragraphs.at(-1);
    const label = before?.lines.length === 1 ? sourceLine.exec(before.lines[0] ?? '') : null;
    if (label?.[1] && !label[2]) {
      paragraphs.pop();
      return { label: capitalise(label[1]), url: url[1] };
    }
    return { url: url[1] };
  }
  const word = sourceLine.exec(head);
  if (!word?.[1]) return undefined;
  const inlineUrl = word[2] ? urlOnly.exec(word[2])?.[1] : undefined;
  const nextUrl = next === undefined ? undefined : urlOnly.exec(next)?.[1];
  if ((word[2] && !inlineUrl) || (next !== undefined && (!nextUrl || inlineUrl))) return undefined;
  paragraphs.pop();
  const found = inlineUrl ?? nextUrl;
  return found ? { label: capitalise(word[1]), url: found } : { label: capitalise(word[1]) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function addParagraph(builder: StoryBuilder, paragraph: Paragraph): void {
  const textLines: string[] = [];
  const bullets: string[] = [];
  for (const line of paragraph.lines) {
    const bullet = bulletLine.exec(line);
    if (bullet) bullets.push(bullet[1]?.trim() ?? '');
    else if (bullets.length > 0) bullets[bullets.length - 1] = `${bullets.at(-1)} ${line}`.trim();
    else textLines.push(line);
  }
  const text = squash(textLines.join(' '));
  if (text) addText(builder, text, paragraph.line);
  builder.bullets(bullets);
}

function addText(builder: StoryBuilder, text: string, line: number): void {
  const bold = boldLabel.exec(text);
  if (bold?.[1]) {
    builder.section(displayLabel(bold[1]), bold[2]?.trim() ?? '');
    return;
  }
  const axiom = matchAxiomLabel(text);
  if (axiom) {
    builder.section(axiom.label, axiom.rest);
    return;
  }
  const image = imageOnly.exec(text);
  if (image?.[2]) {
    const found: StoryImage = { src: image[2], alt: image[1] ?? '' };
    if (image[3]) found.credit = image[3];
    builder.setImage(found, line);
    return;
  }
  if (builder.atStart) {
    const emphasis = emphasised.exec(text);
    const inner = emphasis?.[2] ?? text;
    if (isByline(inner, emphasis !== null)) {
      builder.setByline(inner.trim());
      return;
    }
  }
  builder.paragraph(text);
}
