/**
 * The Markdown form: each `# Heading` starts a story. Block structure (paragraphs, lists, headings,
 * quotes, code) comes from `marked`'s block lexer, so it follows CommonMark; inline text is kept as
 * newsbrief's inline subset by `inlineSubset`, which runs in one pass.
 */
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import type { Story } from '../model.js';
import { displayLabel } from './axioms.js';
import { parseError } from './errors.js';
import { imageWithSize } from './image.js';
import { imageOf, inlineSubset } from './inline-source.js';
import { readLabel, splitKicker } from './labels.js';
import { type SourcePosition, spanOf } from './positions.js';
import { isByline, StoryBuilder, type StoryPositions, squash } from './story-builder.js';

/** What the Markdown body holds: the stories, and any paragraphs written before the first one. */
export interface MarkdownEdition {
  stories: Story[];
  /** Where each story's parts were written, by path relative to the story. */
  positions: StoryPositions[];
  /** Paragraphs before the first `# Heading`, joined; the caller uses them as the greeting. */
  intro?: { text: string; line: number };
}

const lexerOptions = { gfm: true } as const;
/** `•` is not a Markdown list marker, so pasted `• ` lines arrive inside a paragraph. */
const dotBullet = /^\s*[•●▪◦‣·]\s*(.*)$/u;

const atxStoryHeading = /^ {0,3}#(?:[ \t]|$)/;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * True when the body has an ATX level-1 heading (`# Headline`) outside fenced code blocks. A scan
 * of line starts, not a Markdown lex: it decides the form of every paste, and marked's inline
 * lexer slows down quadratically on some hostile pastes (`*|*|*|…`).
 */
export function hasStoryHeading(body: string): boolean {
  let open: string | undefined;
  for (const line of body.split('\n')) {
    const marker = fence.exec(line)?.[1];
    if (open) {
      if (marker && marker[0] === open[0] && marker.length >= open.length) open = undefined;
      continue;
    }
    if (marker) open = marker;
    else if (atxStoryHeading.test(line)) return true;
  }
  return false;
}

/**
 * Parses a Markdown body into stories. `lineOffset` is the number of source lines before `body`
 * (front matter), so errors name the line in the original source.
 */
export function parseMarkdown(body: string, lineOffset = 0): MarkdownEdition {
  const blocks = lex(body);
  const stories: Story[] = [];
  const positions: StoryPositions[] = [];
  const finish = (done: StoryBuilder) => {
    stories.push(done.build());
    positions.push(done.positions);
  };
  const intro: string[] = [];
  let introLine = 0;
  let builder: StoryBuilder | undefined;

  for (const { token, line: bodyLine } of blocks) {
    const line = lineOffset + bodyLine;
    if (isStoryHeading(token)) {
      if (builder) finish(builder);
      const written = inlineSubset((token as Tokens.Heading).text);
      if (!written) throw parseError(line, 'a "# " heading needs headline text after the "#"');
      const { kicker, headline } = splitKicker(written);
      builder = new StoryBuilder(headline, kicker, spanOf(token.raw.replace(/^\n+/, ''), line, 1));
      continue;
    }
    if (!builder) {
      if (isFiller(token)) continue;
      if (token.type !== 'paragraph') {
        throw parseError(
          line,
          `only greeting paragraphs may come before the first "# Headline", found a ${token.type}`,
        );
      }
      if (intro.length === 0) introLine = line;
      intro.push(inlineSubset((token as Tokens.Paragraph).text));
      continue;
    }
    addBlock(builder, token, line);
  }
  if (builder) finish(builder);
  const edition: MarkdownEdition = { stories, positions };
  if (intro.length > 0) edition.intro = { text: intro.join('\n\n'), line: introLine };
  return edition;
}

interface Block {
  token: Token;
  /** 1-based line of the token within the body. */
  line: number;
}

/** Top-level tokens with their line numbers, counted from each token's raw source. */
function lex(body: string): Block[] {
  let line = 1;
  // Block tokens only: inline text is read by inlineSubset (see there why not marked's inline lexer).
  return new Lexer(lexerOptions).blockTokens(body, []).map((token) => {
    const block = { token, line: line + leadingNewlines(token.raw) };
    line += (token.raw.match(/\n/g) ?? []).length;
    return block;
  });
}

function leadingNewlines(raw: string): number {
  return raw.length - raw.replace(/^\n+/, '').length;
}

function isStoryHeading(token: Token): token is Tokens.Heading {
  return token.type === 'heading' && (token as Tokens.Heading).depth === 1;
}

/** Blocks that carry no story text: blank space, `---` rules, HTML comments. */
function isFiller(token: Token): boolean {
  if (token.type === 'space' || token.type === 'hr') return true;
  return token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw);
}

function addBlock(builder: StoryBuilder, token: Token, line: number): void {
  const block = token as MarkedToken;
  const spot = spanOf(token.raw.replace(/^\n+/, ''), line, 1);
  switch (block.type) {
    case 'space':
    case 'hr':
    case 'def':
      return;
    case 'heading':
      // A `##` heading inside a story reads as an axiom label; the paragraphs below are its text.
      builder.section(displayLabel(inlineSubset(block.text)), '', spot);
      return;
    case 'paragraph':
      addParagraph(builder, block, spot);
      return;
    case 'list':
      addList(builder, block, spot);
      return;
    case 'blockquote':
      for (const child of block.tokens) addBlock(builder, child, line);
      return;
    case 'html':
      if (!isFiller(block)) builder.paragraph(squash(block.raw), spot);
      return;
    case 'code':
      builder.paragraph(squash(block.text), spot);
      return;
    default:
      builder.paragraph(squash(block.raw), spot);
  }
}

/**
 * A paragraph as marked reads it can hold several blocks of a paste: `•` lines (not a Markdown
 * list marker) and lines that open with a label (`**Why it matters:** …` right under the lede,
 * without a blank line) each start a block of their own.
 */
function addParagraph(builder: StoryBuilder, paragraph: Tokens.Paragraph, spot: SourcePosition): void {
  const lines = paragraph.text.split('\n');
  if (lines.length === 1 || !lines.some((text, index) => index > 0 && startsBlock(text))) {
    addText(builder, paragraph.text, spot);
    return;
  }
  let run: { kind: 'text' | 'bullets'; lines: string[]; line: number } | undefined;
  const flush = () => {
    if (!run) return;
    const source = run.lines.join('\n');
    const at = spanOf(source, run.line, 1);
    if (run.kind === 'bullets') addItem(builder, 'bullets', inlineSubset(source), at);
    else addText(builder, source, at);
  };
  lines.forEach((text, index) => {
    const bullet = dotBullet.exec(text);
    if (bullet || !run || startsBlock(text)) {
      flush();
      run = {
        kind: bullet ? 'bullets' : 'text',
        lines: [bullet ? (bullet[1] ?? '') : text],
        line: spot.line + index,
      };
      return;
    }
    run.lines.push(text);
  });
  flush();
}

/** A line that starts a block inside a Markdown paragraph: a `•` bullet or a label. */
function startsBlock(text: string): boolean {
  return dotBullet.test(text) || readLabel(text.trim()) !== undefined;
}

/** A list item, or a section when it opens with a known axiom ("- Why it matters: …"). */
function addItem(
  builder: StoryBuilder,
  kind: 'bullets' | 'numbered',
  text: string,
  spot: SourcePosition,
): void {
  const label = kind === 'bullets' ? readLabel(text, { knownOnly: true }) : undefined;
  if (label) builder.section(label.label, label.rest, spot);
  else builder.item(kind, text, spot);
}

/** Each item of a list; nested lists are flattened after their parent item. */
function addList(builder: StoryBuilder, list: Tokens.List, spot: SourcePosition): void {
  const kind = list.ordered ? 'numbered' : 'bullets';
  let itemLine = spot.line;
  for (const item of list.items) {
    const itemSpot = spanOf(item.raw, itemLine, 1);
    for (const text of listItemTexts(item)) addItem(builder, kind, text, itemSpot);
    itemLine += (item.raw.match(/\n/g) ?? []).length;
  }
}

const emphasised = /^([_*])(.+)\1$/u;

/** One paragraph's Markdown source: an image, a labelled section, a byline or text. */
function addText(builder: StoryBuilder, raw: string, spot: SourcePosition): void {
  const image = imageWithSize(raw, spot.line, imageOf);
  if (image) {
    builder.setImage(image, spot);
    return;
  }
  const text = inlineSubset(raw);
  if (builder.atStart) {
    const emphasis = emphasised.exec(text);
    const plain = emphasis?.[2] ?? text;
    if (isByline(plain, emphasis !== null)) {
      builder.setByline(plain, spot);
      return;
    }
  }
  const label = readLabel(text);
  // As in plain text, the first paragraph is the lede unless it opens with a known axiom; a bold
  // label (`**Any label:**`) was marked up on purpose and counts anywhere.
  if (label && (label.known || !builder.atStart)) {
    builder.section(label.label, label.rest, spot);
    return;
  }
  builder.paragraph(text, spot);
}

/** The text of a list item, then the texts of any list nested in it. */
function listItemTexts(item: Tokens.ListItem): string[] {
  const text: string[] = [];
  const nested: string[] = [];
  for (const child of item.tokens as MarkedToken[]) {
    if (child.type === 'list') for (const inner of child.items) nested.push(...listItemTexts(inner));
    else if (child.type === 'text' || child.type === 'paragraph') text.push(inlineSubset(child.text));
    else if (child.type !== 'space' && child.type !== 'checkbox') text.push(squash(child.raw));
  }
  return [squash(text.join(' ')), ...nested];
}
