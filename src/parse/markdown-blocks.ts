/**
 * Markdown block structure, line by line: the CommonMark block subset real briefings are written
 * in (ATX headings, paragraphs with lazy continuation, `-` `*` `+` and `1.` `1)` lists with nested
 * lists, `>` quotes, fenced and indented code, HTML blocks and comments, thematic breaks, link
 * reference definitions). Inline text is left as written, for `inlineSubset`.
 *
 * Each line is classified once per container it sits in, with patterns that look at its start
 * only, and containers (quotes, list items) nest at most `maxDepth` deep; deeper markers stay text.
 * So a paste costs a bounded number of passes over its lines whatever it holds.
 *
 * Not supported on purpose: setext headings (`Title` over `===` / `---`). In a paste, `---` under a
 * paragraph is a divider, not a heading, and `===` lines stay text; story headings are `# ` only.
 */

/** One source line as a container sees it: its text after the container's markers. */
export interface SourceLine {
  text: string;
  /** 1-based line within the body. */
  line: number;
  /** 1-based column where `text` starts in the source line. */
  column: number;
  /** 1-based column just after the source line's last non-blank character. */
  endColumn: number;
}

/** What a block covers: the source lines it was written on. */
interface Spanned {
  /** The block's lines, as its container sees them (markers of enclosing containers removed). */
  lines: SourceLine[];
}

/** A block of a Markdown body. `type` names it as CommonMark does, for error messages. */
export type MarkdownBlock =
  | (Spanned & { type: 'heading'; depth: number; text: string })
  | (Spanned & { type: 'paragraph' })
  | (Spanned & { type: 'list'; ordered: boolean; items: ListItem[] })
  | (Spanned & { type: 'blockquote'; blocks: MarkdownBlock[] })
  | (Spanned & { type: 'code'; text: string })
  | (Spanned & { type: 'html'; comment: boolean })
  | (Spanned & { type: 'hr' });

/** One list item: its lines (marker included) and the blocks inside it. */
export interface ListItem extends Spanned {
  blocks: MarkdownBlock[];
}

/** Quotes and list items nest this deep at most; markers below stay paragraph text. */
const maxDepth = 12;

/** Splits a Markdown body (`\n` line breaks) into blocks. */
export function markdownBlocks(body: string): MarkdownBlock[] {
  const lines = body.split('\n').map((text, index) => ({
    text,
    line: index + 1,
    column: 1,
    endColumn: trimEnd(text).length + 1,
  }));
  return parseBlocks(lines, 0);
}

const blank = /^[ \t]*$/;
/** An ATX heading: its `#` run and the rest of the line. */
export const atxHeading = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
/** A code fence line: its indent, its run of backticks or tildes, and what follows. */
const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const quoteMarker = /^ {0,3}> ?/;
const bulletMarker = /^( {0,3})([-*+])([ \t]+|$)/;
const orderedMarker = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)/;
const htmlComment = /^ {0,3}<!--/;
/** A setext underline (`===`, `---`, or a lone `-`): here a divider, never a heading. */
const underline = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** CommonMark HTML blocks 1 and 6: a tag that opens a block and may interrupt a paragraph. */
const htmlBlockTag =
  /^ {0,3}<\/?(?:address|article|aside|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|pre|script|search|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
/** CommonMark HTML block 7: any lone open or close tag; it cannot interrupt a paragraph. */
const htmlLoneTag = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]{0,60}(?:\s[^<>]{0,2000})?\/?>[ \t]*$/;
const linkDefinition =
  /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*(?:<[^<>\n]{0,2000}>|[^\s<>]{1,2000})(?:[ \t]+(?:"[^"\n]{0,999}"|'[^'\n]{0,999}'|\([^()\n]{0,999}\)))?[ \t]*$/;

/** `text` without trailing spaces and tabs; a loop, as `/[ \t]+$/` is quadratic on a long run. */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end -= 1;
  return text.slice(0, end);
}

/** Columns of leading whitespace, a tab advancing to the next multiple of four. */
function indentOf(text: string): number {
  let columns = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20) columns += 1;
    else if (code === 0x09) columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** `line` with `columns` of indentation removed (fewer when it has fewer); a split tab leaves spaces. */
function dedent(line: SourceLine, columns: number): SourceLine {
  let used = 0;
  let index = 0;
  while (used < columns && index < line.text.length) {
    const code = line.text.charCodeAt(index);
    if (code === 0x20) used += 1;
    else if (code === 0x09) used += 4 - (used % 4);
    else break;
    index += 1;
  }
  const rest = ' '.repeat(Math.max(0, used - columns)) + line.text.slice(index);
  return { ...line, text: rest, column: line.column + index };
}

/** `line` from `offset` characters on (a container marker removed). */
function after(line: SourceLine, offset: number): SourceLine {
  return { ...line, text: line.text.slice(offset), column: line.column + offset };
}

/**
 * The fence a line opens, or `undefined`: three or more backticks or tildes (a backtick fence's
 * info string holds no backtick, else the line is inline code).
 */
export function openingFence(text: string): RegExpExecArray | undefined {
  const fence = fenceOpen.exec(text);
  if (!fence || (fence[2]?.startsWith('`') && fence[3]?.includes('`'))) return undefined;
  return fence;
}

/** True when `text` closes the fence opened by `open` (its backtick or tilde run). */
export function closesFence(open: string, text: string): boolean {
  const close = fenceOpen.exec(text)?.[2] ?? '';
  const rest = text.trimStart().slice(close.length);
  return close[0] === open[0] && close.length >= open.length && blank.test(rest);
}

function isThematicBreak(text: string): boolean {
  if (indentOf(text) > 3) return false;
  let marker = 0;
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x09) continue;
    if (marker === 0 && (code === 0x2d || code === 0x2a || code === 0x5f)) marker = code;
    if (code !== marker) return false;
    count += 1;
  }
  return count >= 3;
}

interface Marker {
  ordered: boolean;
  /** `-`, `*`, `+`, or the ordered delimiter `.` / `)`: a different one starts a new list. */
  kind: string;
  /** Columns from the line start to the item's content. */
  contentIndent: number;
  /** Characters from the line start to the marker's end. */
  markerEnd: number;
  /** True when nothing follows the marker on its line. */
  empty: boolean;
  /** The number of an ordered item. */
  start: number;
}

function listMarker(text: string): Marker | undefined {
  const bullet = bulletMarker.exec(text);
  const ordered = bullet ? undefined : orderedMarker.exec(text);
  const match = bullet ?? ordered;
  if (!match) return undefined;
  const lead = (match[1] ?? '').length;
  const mark = bullet ? 1 : (match[2] ?? '').length + 1;
  const rest = text.slice(lead + mark);
  const empty = blank.test(rest);
  const gap = indentOf(rest);
  // Five or more spaces after the marker start indented code inside the item: content is one in.
  const contentIndent = lead + mark + (empty || gap > 4 ? 1 : gap);
  return {
    ordered: !bullet,
    kind: bullet ? (match[2] ?? '-') : (match[3] ?? '.'),
    contentIndent,
    markerEnd: lead + mark,
    empty,
    start: ordered ? Number(match[2]) : 0,
  };
}

/** True when `text` ends a paragraph above it: a block that may interrupt one starts here. */
function interruptsParagraph(text: string, depth: number): boolean {
  if (atxHeading.test(text) || fenceOpen.test(text) || isThematicBreak(text)) return true;
  if (htmlComment.test(text) || htmlBlockTag.test(text)) return true;
  if (depth >= maxDepth) return false;
  if (quoteMarker.test(text)) return true;
  const marker = listMarker(text);
  return marker !== undefined && !marker.empty && (!marker.ordered || marker.start === 1);
}

/** The blocks of a container's lines; `depth` counts the containers around them. */
function parseBlocks(lines: SourceLine[], depth: number): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const lastClose = lastCommentClose(lines);
  let index = 0;
  while (index < lines.length) {
    const first = lines[index] as SourceLine;
    const text = first.text;
    if (blank.test(text)) {
      index += 1;
      continue;
    }
    const indent = indentOf(text);
    if (indent >= 4) {
      index = indentedCode(lines, index, blocks);
      continue;
    }
    const fence = openingFence(text);
    if (fence) {
      index = fencedCode(lines, index, fence, blocks);
      continue;
    }
    const heading = atxHeading.exec(text);
    if (heading) {
      blocks.push({
        type: 'heading',
        depth: (heading[1] ?? '#').length,
        text: headingText(heading[2] ?? ''),
        lines: [first],
      });
      index += 1;
      continue;
    }
    if (isThematicBreak(text)) {
      blocks.push({ type: 'hr', lines: [first] });
      index += 1;
      continue;
    }
    if (htmlComment.test(text) && commentCloses(text, index, lastClose)) {
      index = htmlBlock(lines, index, blocks, true);
      continue;
    }
    if (htmlBlockTag.test(text) || htmlLoneTag.test(text)) {
      index = htmlBlock(lines, index, blocks, false);
      continue;
    }
    if (depth < maxDepth && quoteMarker.test(text)) {
      index = blockquote(lines, index, depth, blocks);
      continue;
    }
    const marker = depth < maxDepth ? listMarker(text) : undefined;
    if (marker) {
      index = list(lines, index, marker, depth, blocks);
      continue;
    }
    if (linkDefinition.test(text)) {
      // A reference definition (`[1]: https://…`) defines, it shows nothing: newsbrief's inline
      // subset has no reference links, so it is dropped as CommonMark renders it.
      index += 1;
      continue;
    }
    index = paragraph(lines, index, depth, blocks);
  }
  return blocks;
}

/** The index of the last line holding `-->`, or -1: where a comment can still close. */
function lastCommentClose(lines: SourceLine[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1)
    if ((lines[index] as SourceLine).text.includes('-->')) return index;
  return -1;
}

/**
 * True when the `<!--` opening line `index` is closed by a `-->`. An unclosed one stays text, so
 * one typo does not hide the rest of the edition (CommonMark would hide it to the end).
 */
function commentCloses(text: string, index: number, lastClose: number): boolean {
  return lastClose > index || text.indexOf('-->', text.indexOf('<!--') + 4) >= 0;
}

/** Heading text without the optional closing `#` run (`## Zoom in ##`). */
function headingText(rest: string): string {
  let text = rest.trim();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x23) end -= 1;
  if (end === 0) return '';
  if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end);
  return text.trim();
}

function paragraph(lines: SourceLine[], start: number, depth: number, blocks: MarkdownBlock[]): number {
  let index = start + 1;
  while (index < lines.length) {
    const text = (lines[index] as SourceLine).text;
    if (blank.test(text) || interruptsParagraph(text, depth)) break;
    if (underline.test(text)) {
      // CommonMark would make the paragraph a heading; a paste means a divider under it.
      blocks.push({ type: 'paragraph', lines: lines.slice(start, index) });
      blocks.push({ type: 'hr', lines: [lines[index] as SourceLine] });
      return index + 1;
    }
    index += 1;
  }
  blocks.push({ type: 'paragraph', lines: lines.slice(start, index) });
  return index;
}

function indentedCode(lines: SourceLine[], start: number, blocks: MarkdownBlock[]): number {
  let index = start;
  let last = start;
  while (index < lines.length) {
    const text = (lines[index] as SourceLine).text;
    if (!blank.test(text)) {
      if (indentOf(text) < 4) break;
      last = index;
    }
    index += 1;
  }
  const code = lines.slice(start, last + 1);
  blocks.push({ type: 'code', text: code.map((line) => dedent(line, 4).text).join('\n'), lines: code });
  return last + 1;
}

function fencedCode(
  lines: SourceLine[],
  start: number,
  fence: RegExpExecArray,
  blocks: MarkdownBlock[],
): number {
  const lead = (fence[1] ?? '').length;
  const open = fence[2] ?? '```';
  let index = start + 1;
  let closed = false;
  while (index < lines.length) {
    index += 1;
    if (closesFence(open, (lines[index - 1] as SourceLine).text)) {
      closed = true;
      break;
    }
  }
  // An unclosed fence runs to the end of its container, less the blank lines there.
  if (!closed) while (index > start + 1 && blank.test((lines[index - 1] as SourceLine).text)) index -= 1;
  const inner = lines.slice(start + 1, closed ? index - 1 : index);
  const text = inner.map((line) => dedent(line, lead).text).join('\n');
  blocks.push({ type: 'code', text, lines: lines.slice(start, index) });
  return index;
}

/** An HTML block: a comment runs to the line holding `-->`, other HTML to a blank line. */
function htmlBlock(lines: SourceLine[], start: number, blocks: MarkdownBlock[], comment: boolean): number {
  let index = start;
  if (comment) {
    const opened = (lines[start] as SourceLine).text.indexOf('<!--');
    let found = (lines[start] as SourceLine).text.indexOf('-->', opened + 4) >= 0;
    index += 1;
    while (!found && index < lines.length) {
      found = (lines[index] as SourceLine).text.includes('-->');
      index += 1;
    }
  } else {
    while (index < lines.length && !blank.test((lines[index] as SourceLine).text)) index += 1;
  }
  const block = lines.slice(start, index);
  blocks.push({ type: 'html', comment: comment && isOnlyComments(block), lines: block });
  return index;
}

/** True when the lines hold comments and nothing else, so the block shows nothing. */
function isOnlyComments(lines: SourceLine[]): boolean {
  const text = lines.map((line) => line.text).join('\n');
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('<!--', index);
    if (open < 0) return blank.test(text.slice(index).replace(/\n/g, ''));
    if (!blank.test(text.slice(index, open).replace(/\n/g, ''))) return false;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return true;
    index = close + 3;
  }
  return true;
}

/** A `>` quote: its marked lines, and lazy lines that continue a paragraph inside it. */
function blockquote(lines: SourceLine[], start: number, depth: number, blocks: MarkdownBlock[]): number {
  const inner: SourceLine[] = [];
  let index = start;
  let openParagraph = false;
  while (index < lines.length) {
    const line = lines[index] as SourceLine;
    const marker = quoteMarker.exec(line.text);
    if (marker) {
      const content = after(line, marker[0].length);
      inner.push(content);
      openParagraph = continuesParagraph(content.text, depth + 1, openParagraph);
    } else if (openParagraph && !blank.test(line.text) && !interruptsParagraph(line.text, depth)) {
      inner.push(line);
    } else break;
    index += 1;
  }
  blocks.push({
    type: 'blockquote',
    blocks: parseBlocks(inner, depth + 1),
    lines: lines.slice(start, index),
  });
  return index;
}

/**
 * Whether a paragraph is open after `text`, for lazy continuation: text that is not blank and
 * starts no other block opens or continues one (an approximation of CommonMark's open-block
 * check that needs no parse of the container so far).
 */
function continuesParagraph(text: string, depth: number, open: boolean): boolean {
  if (blank.test(text)) return false;
  if (indentOf(text) >= 4) return open;
  const marker = depth < maxDepth ? listMarker(text) : undefined;
  if (marker) return !marker.empty;
  if (depth < maxDepth && quoteMarker.test(text)) return true;
  return !(atxHeading.test(text) || fenceOpen.test(text) || isThematicBreak(text) || htmlComment.test(text));
}

/** A list: consecutive items with the same kind of marker. */
function list(
  lines: SourceLine[],
  start: number,
  first: Marker,
  depth: number,
  blocks: MarkdownBlock[],
): number {
  const items: ListItem[] = [];
  let index = start;
  let marker: Marker | undefined = first;
  while (marker && marker.ordered === first.ordered && marker.kind === first.kind) {
    const end = listItem(lines, index, marker, depth, items);
    // Blank lines between items keep the list going; anything else not a marker ends it.
    let next = end;
    while (next < lines.length && blank.test((lines[next] as SourceLine).text)) next += 1;
    const text = (lines[next] as SourceLine | undefined)?.text;
    marker = text !== undefined && !isThematicBreak(text) ? listMarker(text) : undefined;
    if (marker && marker.ordered === first.ordered && marker.kind === first.kind) index = next;
    else index = end;
  }
  const covered = lines.slice(start, index);
  blocks.push({ type: 'list', ordered: first.ordered, items, lines: covered });
  return index;
}

/** One item: the marker line, then lines indented to its content, blank ones, and lazy ones. */
function listItem(
  lines: SourceLine[],
  start: number,
  marker: Marker,
  depth: number,
  items: ListItem[],
): number {
  const first = lines[start] as SourceLine;
  const inner: SourceLine[] = [
    dedent(after(first, marker.markerEnd), marker.contentIndent - marker.markerEnd),
  ];
  let openParagraph = continuesParagraph((inner[0] as SourceLine).text, depth + 1, false);
  let index = start + 1;
  let last = start;
  while (index < lines.length) {
    const line = lines[index] as SourceLine;
    if (blank.test(line.text)) {
      // An item that starts blank holds only its marker line when a blank line follows.
      if (marker.empty && index === start + 1) break;
      inner.push(dedent(line, marker.contentIndent));
      openParagraph = false;
      index += 1;
      continue;
    }
    if (indentOf(line.text) >= marker.contentIndent) {
      const content = dedent(line, marker.contentIndent);
      inner.push(content);
      openParagraph = continuesParagraph(content.text, depth + 1, openParagraph);
    } else if (openParagraph && !interruptsParagraph(line.text, depth) && !listMarker(line.text)) {
      // A lazy line: it continues the item's paragraph although it is not indented.
      inner.push(line);
    } else break;
    last = index;
    index += 1;
  }
  const used = last - start + 1;
  items.push({ blocks: parseBlocks(inner.slice(0, used), depth + 1), lines: lines.slice(start, last + 1) });
  return last + 1;
}
