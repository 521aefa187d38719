/**
 * The Markdown form: each `# Heading` starts a story. Block structure (paragraphs, lists, headings,
 * quotes, code) comes from `markdownBlocks`, a line scanner for the CommonMark block subset pastes
 * use; inline text is kept as newsbrief's inline subset by `inlineSubset`. Both run in one pass.
 */
import type { Story } from '../model.js';
import { collapseWhitespace } from '../normalize/inline.js';
import { displayLabel } from './axioms.js';
import { parseError } from './errors.js';
import { inlineSubset } from './inline-source.js';
import { readLabel, splitKicker } from './labels.js';
import {
  atxHeading,
  closesFence,
  type ListItem,
  type MarkdownBlock,
  markdownBlocks,
  openingFence,
  type SourceLine,
} from './markdown-blocks.js';
import type { SourcePosition } from './positions.js';
import {
  addListItem,
  addParagraphOrImage,
  dotBullet,
  StoryBuilder,
  type StoryPositions,
} from './story-builder.js';

/** What the Markdown body holds: the stories, and any paragraphs written before the first one. */
export interface MarkdownEdition {
  stories: Story[];
  /** Where each story's parts were written, by path relative to the story. */
  positions: StoryPositions[];
  /** Paragraphs before the first `# Heading`, joined; the caller uses them as the greeting. */
  intro?: { text: string; line: number };
}

/**
 * True when the body has an ATX level-1 heading (`# Headline`) outside fenced code blocks, read
 * with the block scan's own heading and fence rules. A scan of line starts, cheaper than the block
 * scan: it decides the form of every paste.
 */
export function hasStoryHeading(body: string): boolean {
  let open: string | undefined;
  for (const line of body.split('\n')) {
    if (open) {
      if (closesFence(open, line)) open = undefined;
      continue;
    }
    const fence = openingFence(line);
    if (fence) open = fence[2];
    else if (atxHeading.exec(line)?.[1] === '#') return true;
  }
  return false;
}

/**
 * Parses a Markdown body into stories. `lineOffset` is the number of source lines before `body`
 * (front matter), so errors and positions name the line in the original source.
 */
export function parseMarkdown(body: string, lineOffset = 0): MarkdownEdition {
  const stories: Story[] = [];
  const positions: StoryPositions[] = [];
  const finish = (done: StoryBuilder) => {
    stories.push(done.build());
    positions.push(done.positions);
  };
  const intro: string[] = [];
  let introLine = 0;
  let builder: StoryBuilder | undefined;
  const at = (lines: SourceLine[]) => spotOf(lines, lineOffset);

  for (const block of markdownBlocks(body)) {
    const spot = at(block.lines);
    if (block.type === 'heading' && block.depth === 1) {
      if (builder) finish(builder);
      const written = inlineSubset(block.text);
      if (!written)
        throw parseError(spot.line, 'a "# " heading needs headline text after the "#"', spot.column);
      const { kicker, headline } = splitKicker(written);
      builder = new StoryBuilder(headline, kicker, spot);
      continue;
    }
    if (!builder) {
      if (isFiller(block)) continue;
      if (block.type !== 'paragraph') {
        throw parseError(
          spot.line,
          `only greeting paragraphs may come before the first "# Headline", found a ${block.type}`,
        );
      }
      if (intro.length === 0) introLine = spot.line;
      intro.push(inlineSubset(textOf(block.lines)));
      continue;
    }
    addBlock(builder, block, at, spot);
  }
  if (builder) finish(builder);
  const edition: MarkdownEdition = { stories, positions };
  if (intro.length > 0) edition.intro = { text: intro.join('\n\n'), line: introLine };
  return edition;
}

type Locate = (lines: SourceLine[]) => SourcePosition;

/** Where `lines` were written: from the first one's first character to the last one's end. */
function spotOf(lines: SourceLine[], lineOffset: number): SourcePosition {
  const first = lines[0] as SourceLine;
  let end = lines.length - 1;
  while (end > 0 && (lines[end] as SourceLine).endColumn <= (lines[end] as SourceLine).column) end -= 1;
  const last = lines[end] as SourceLine;
  const lead = first.text.length - first.text.trimStart().length;
  return {
    line: lineOffset + first.line,
    column: first.column + lead,
    endLine: lineOffset + last.line,
    endColumn: last.endColumn,
  };
}

function textOf(lines: SourceLine[]): string {
  return lines.map((line) => line.text).join('\n');
}

/** Blocks that carry no story text: `---` rules and HTML comments. */
function isFiller(block: MarkdownBlock): boolean {
  return block.type === 'hr' || (block.type === 'html' && block.comment);
}

function addBlock(builder: StoryBuilder, block: MarkdownBlock, at: Locate, spot = at(block.lines)): void {
  switch (block.type) {
    case 'hr':
      return;
    case 'heading': {
      // A `##` heading inside a story reads as an axiom label; the paragraphs below are its text.
      const label = inlineSubset(block.text);
      // An empty one is a paste cut short: as a label-less section it would parse, then fail
      // validation far from the line that caused it.
      if (!label) {
        const marks = '#'.repeat(block.depth);
        throw parseError(
          spot.line,
          `a "${marks} " heading needs label text after the "${marks}"`,
          spot.column,
        );
      }
      builder.section(displayLabel(label), '', spot);
      return;
    }
    case 'paragraph':
      addParagraph(builder, block.lines, at);
      return;
    case 'list':
      for (const item of block.items)
        for (const { text, lines } of listItemTexts(item))
          addListItem(builder, block.ordered ? 'numbered' : 'bullets', text, at(lines));
      return;
    case 'blockquote':
      for (const child of block.blocks) addBlock(builder, child, at);
      return;
    case 'html':
      if (!block.comment) builder.paragraph(collapseWhitespace(textOf(block.lines)), spot);
      return;
    case 'code':
      builder.paragraph(collapseWhitespace(block.text), spot);
      return;
  }
}

/**
 * A Markdown paragraph can hold several blocks of a paste: `•` lines (not a Markdown list marker)
 * and lines that open with a label (`**Why it matters:** …` right under the lede, without a blank
 * line) each start a block of their own.
 */
function addParagraph(builder: StoryBuilder, lines: SourceLine[], at: Locate): void {
  let run: { kind: 'text' | 'bullets'; lines: SourceLine[]; texts: string[] } | undefined;
  const flush = () => {
    if (!run) return;
    const source = run.texts.join('\n');
    const spot = at(run.lines);
    if (run.kind === 'bullets') addListItem(builder, 'bullets', inlineSubset(source), spot);
    else addParagraphOrImage(builder, source, spot, inlineSubset(source));
  };
  for (const line of lines) {
    // `•` is not a Markdown list marker, so pasted `• ` lines arrive inside a paragraph.
    const bullet = dotBullet.exec(line.text);
    if (bullet || !run || readLabel(line.text.trim()) !== undefined) {
      flush();
      run = {
        kind: bullet ? 'bullets' : 'text',
        lines: [line],
        texts: [bullet ? (bullet[1] ?? '') : line.text],
      };
      continue;
    }
    run.lines.push(line);
    run.texts.push(line.text);
  }
  flush();
}

/**
 * The text of a list item, then the texts of any list nested in it (flattened after it), each with
 * the lines it was written on.
 */
function listItemTexts(item: ListItem): { text: string; lines: SourceLine[] }[] {
  const text: string[] = [];
  const nested: { text: string; lines: SourceLine[] }[] = [];
  for (const child of item.blocks) {
    if (child.type === 'list') for (const inner of child.items) nested.push(...listItemTexts(inner));
    else if (child.type === 'paragraph') text.push(inlineSubset(textOf(child.lines)));
    else if (!(child.type === 'html' && child.comment)) text.push(collapseWhitespace(textOf(child.lines)));
  }
  // The item's own lines end where a nested list starts, so each nested item has its own span.
  const firstNested = item.blocks.find((child) => child.type === 'list')?.lines[0];
  const own = firstNested ? item.lines.filter((line) => line.line < firstNested.line) : item.lines;
  return [{ text: collapseWhitespace(text.join(' ')), lines: own.length > 0 ? own : item.lines }, ...nested];
}
