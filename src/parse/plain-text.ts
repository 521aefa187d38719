/**
 * The plain-text form, as newsrooms paste it: the first line is the headline (maybe after a kicker,
 * "1 big thing: …"), then paragraphs, labels (`Why it matters: …`), `•` / `-` / `*` bullets and
 * `1.` / `2)` numbered items, and a source line at the end.
 *
 * Pastes from web pages and CMS exports separate paragraphs with one line break, emails with a
 * blank line and hard-wrapped lines. A line starts a new block when it starts with a list marker or
 * a label, or when the line above was not wrapped (see `startsParagraph`).
 *
 * Every step is one pass over the lines with anchored, bounded patterns, so parsing time grows in
 * step with the paste, however hostile.
 */
import type { Story } from '../model.js';
import { collapseWhitespace } from '../normalize/inline.js';
import { parseError } from './errors.js';
import { imageOf } from './inline-source.js';
import { readLabel, splitKicker } from './labels.js';
import type { SourcePosition } from './positions.js';
import {
  addListItem,
  addParagraphOrImage,
  dotBullet,
  StoryBuilder,
  type StoryPositions,
} from './story-builder.js';

/** A paragraph or list item as written, with where it starts. */
interface TextBlock {
  kind: 'text' | 'bullets' | 'numbered';
  lines: string[];
  first: PastedLine;
  last: PastedLine;
}

/** A non-blank line of the paste, trimmed (markdown-blocks has its own `SourceLine` for Markdown). */
interface PastedLine {
  text: string;
  /** 1-based line number in the whole source. */
  line: number;
  /** 1-based column of the first character of `text`. */
  column: number;
  /** True when a blank line (or a rule) comes before it: it always starts a block. */
  afterBlank: boolean;
}

/** A `-`, `*` or `+` bullet; `•` bullets are read with `dotBullet`, as in Markdown. */
const dashBullet = /^[-*+]\s+(.*)$/u;
const numberedLine = /^(\d{1,3})[.)]\s+(\S.*)$/u;
const rule = /^(?:[-=_*]\s*){3,}$/;

/**
 * Hard-wrapped text (email, terminals) stays within about 80 columns; a line longer than this
 * means the paste was not wrapped, so each line break ends a paragraph.
 */
const hardWrapWidth = 80;

/**
 * Parses a plain-text paste into one story. `lineOffset` is the number of source lines before
 * `body` (front matter), so errors and positions name the line in the original source.
 */
export function parsePlainText(body: string, lineOffset = 0): { story: Story; positions: StoryPositions } {
  const lines = sourceLines(body, lineOffset);
  const first = lines.shift();
  if (!first) throw parseError(lineOffset + 1, 'the source is empty; expected a headline');
  const { kicker, headline } = splitKicker(collapseWhitespace(first.text));
  const builder = new StoryBuilder(headline, kicker, lineSpan(first, first));
  for (const block of textBlocks(lines)) addBlock(builder, block);
  const story = builder.build();
  return { story, positions: builder.positions };
}

/** Non-blank lines with their positions; layout rules (`---`, `===`) are dropped. */
function sourceLines(body: string, lineOffset: number): PastedLine[] {
  const lines: PastedLine[] = [];
  let blankBefore = false;
  body.split('\n').forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || rule.test(text)) {
      // A rule is a break between paragraphs, like a blank line.
      blankBefore = true;
      return;
    }
    const column = raw.length - raw.trimStart().length + 1;
    lines.push({ text, line: lineOffset + index + 1, column, afterBlank: blankBefore });
    blankBefore = false;
  });
  return lines;
}

/**
 * Groups lines into blocks: list items, labelled paragraphs and paragraphs. Within a run of lines
 * without a blank line, `widest` is the longest line, the wrap width when the run is hard-wrapped.
 */
function textBlocks(lines: PastedLine[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  let widest = 0;
  lines.forEach((line, index) => {
    if (index === 0 || line.afterBlank) widest = runWidth(lines, index);
    const bullet = dotBullet.exec(line.text) ?? dashBullet.exec(line.text);
    const numbered = bullet ? null : numberedLine.exec(line.text);
    if (bullet || numbered) {
      const text = bullet ? (bullet[1] ?? '') : (numbered?.[2] ?? '');
      current = {
        kind: bullet ? 'bullets' : 'numbered',
        lines: [text],
        first: line,
        last: line,
      };
      blocks.push(current);
      return;
    }
    const previous = lines[index - 1];
    if (!current || !previous || line.afterBlank || startsParagraph(previous, line, widest)) {
      current = { kind: 'text', lines: [line.text], first: line, last: line };
      blocks.push(current);
      return;
    }
    current.lines.push(line.text);
    current.last = line;
  });
  return blocks;
}

/** The longest line of the run of lines starting at `start` (up to the next blank line). */
function runWidth(lines: PastedLine[], start: number): number {
  let widest = 0;
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index] as PastedLine;
    if (index > start && line.afterBlank) break;
    widest = Math.max(widest, line.column - 1 + line.text.length);
  }
  return widest;
}

/**
 * True when `line` starts a new paragraph although no blank line comes before it: it starts with a
 * label or an image, the run is not hard-wrapped (some line is wider than an email wraps), or the
 * line above ended early, leaving room for this line's first word (a wrapping editor would have
 * put it there).
 */
function startsParagraph(previous: PastedLine, line: PastedLine, widest: number): boolean {
  if (readLabel(line.text) || imageOf(line.text)) return true;
  if (widest > hardWrapWidth && line.column <= previous.column) return true;
  // A hanging indent continues the line above (a wrapped bullet: "• Texas offered land\n    near Austin").
  if (line.column > previous.column) return false;
  const space = line.text.search(/\s/);
  const firstWord = space < 0 ? line.text.length : space;
  return previous.column - 1 + previous.text.length + 1 + firstWord <= widest;
}

function addBlock(builder: StoryBuilder, block: TextBlock): void {
  const text = collapseWhitespace(block.lines.join(' '));
  const spot = lineSpan(block.first, block.last);
  if (block.kind !== 'text') {
    addListItem(builder, block.kind, text, spot);
    return;
  }
  // The same image syntax as Markdown, size block included: ![alt](src "credit"){width=1200 height=800}.
  addParagraphOrImage(builder, text, spot);
}

/** The span from the first character of `first` to the end of `last`. */
function lineSpan(first: PastedLine, last: PastedLine): SourcePosition {
  return {
    line: first.line,
    column: first.column,
    endLine: last.line,
    endColumn: last.column + last.text.length,
  };
}
