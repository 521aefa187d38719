/**
 * The Markdown form: each `# Heading` starts a story. Block structure comes from `marked`'s lexer,
 * so lists, emphasis and links follow CommonMark instead of a home-made approximation; inline
 * tokens are written back as newsbrief's inline subset (`**bold**`, `*italic*`, `[label](url)`).
 */
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import type { Story, StoryImage } from '../model.js';
import { displayLabel, splitDecoration } from './axioms.js';
import { parseError } from './errors.js';
import { imageWithSize } from './image.js';
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
      const written = inlineSource(token.tokens ?? []);
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
      intro.push(inlineSource(token.tokens ?? []));
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
  return new Lexer(lexerOptions).lex(body).map((token) => {
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
      builder.section(displayLabel(inlineSource(block.tokens)), '', spot);
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
    addInline(builder, paragraph.tokens, spot);
    return;
  }
  let run: { kind: 'text' | 'bullets'; lines: string[]; line: number } | undefined;
  const flush = () => {
    if (!run) return;
    const source = run.lines.join('\n');
    if (run.kind === 'bullets')
      addItem(
        builder,
        'bullets',
        inlineSource(Lexer.lexInline(source, lexerOptions)),
        spanOf(source, run.line, 1),
      );
    else addInline(builder, Lexer.lexInline(source, lexerOptions), spanOf(source, run.line, 1));
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

/** One paragraph's inline tokens: an image, a labelled section, a byline or text. */
function addInline(builder: StoryBuilder, tokens: Token[], spot: SourcePosition): void {
  const content = tokens.filter((token) => !(token.type === 'text' && token.raw.trim() === ''));
  const only = content.length === 1 ? (content[0] as MarkedToken) : undefined;

  const image = imageWithSize(content, spot.line, imageOf);
  if (image) {
    builder.setImage(image, spot);
    return;
  }
  const labelled = boldLabel(content);
  if (labelled) {
    builder.section(labelled.label, labelled.rest, spot);
    return;
  }
  const text = inlineSource(content);
  if (builder.atStart) {
    const emphasised = only?.type === 'em';
    const plain = emphasised ? inlineSource(only.tokens) : text;
    if (isByline(plain, emphasised)) {
      builder.setByline(plain, spot);
      return;
    }
  }
  const label = readLabel(text);
  // As in plain text, the first paragraph is the lede unless it opens with a known axiom.
  if (label && (label.known || !builder.atStart)) {
    builder.section(label.label, label.rest, spot);
    return;
  }
  builder.paragraph(text, spot);
}

/** `![alt](src "credit")`, or the same image wrapped in a link (`[![alt](src)](href)`). */
function imageOf(token: MarkedToken): StoryImage | undefined {
  if (token.type === 'link' && token.tokens.length === 1) {
    const inner = imageOf(token.tokens[0] as MarkedToken);
    return inner ? { ...inner, href: token.href } : undefined;
  }
  if (token.type !== 'image') return undefined;
  const image: StoryImage = { src: token.href, alt: squash(token.text) };
  if (token.title) image.credit = token.title;
  return image;
}

/**
 * `**Label:** text` or `**Label**: text`, optionally after an emoji (`🔭 **Zoom out:**`). Any bold
 * label counts in Markdown, where the author marked it up on purpose; known variants are
 * rewritten to the canonical axiom.
 */
function boldLabel(tokens: Token[]): { label: string; rest: string } | undefined {
  let start = 0;
  let prefix = '';
  const first = tokens[0];
  if (first?.type === 'text' && !('tokens' in first && first.tokens)) {
    const { prefix: decoration, words } = splitDecoration(first.raw);
    if (!decoration || words) return undefined;
    prefix = decoration;
    start = 1;
  }
  const strong = tokens[start];
  if (strong?.type !== 'strong') return undefined;
  const inner = inlineSource((strong as Tokens.Strong).tokens);
  const after = tokens.slice(start + 1);
  let rest: string;
  if (/[:：]$/.test(inner)) {
    rest = inlineSource(after);
  } else {
    const next = after[0];
    if (next?.type !== 'text' || !/^\s*[:：]/.test(next.raw)) return undefined;
    rest = `${next.raw.replace(/^\s*[:：]/, '')}${inlineSource(after.slice(1))}`;
  }
  const label = displayLabel(prefix ? `${prefix} ${inner}` : inner);
  return label ? { label, rest: squash(rest) } : undefined;
}

/** The text of a list item, then the texts of any list nested in it. */
function listItemTexts(item: Tokens.ListItem): string[] {
  const text: string[] = [];
  const nested: string[] = [];
  for (const child of item.tokens as MarkedToken[]) {
    if (child.type === 'list') for (const inner of child.items) nested.push(...listItemTexts(inner));
    else if (child.type === 'text' || child.type === 'paragraph') text.push(inlineSource(child.tokens ?? []));
    else if (child.type !== 'space' && child.type !== 'checkbox') text.push(squash(child.raw));
  }
  return [squash(text.join(' ')), ...nested];
}

/**
 * Inline tokens written back as newsbrief's inline subset. Syntax outside the subset keeps its
 * visible text: code spans lose their backticks, `~~struck~~` text stays, autolinks become links.
 */
export function inlineSource(tokens: Token[]): string {
  return squash(tokens.map((token) => inlineToken(token as MarkedToken)).join(''));
}

function inlineToken(token: MarkedToken): string {
  switch (token.type) {
    case 'text':
      return token.tokens
        ? token.tokens.map((child) => inlineToken(child as MarkedToken)).join('')
        : token.text;
    case 'escape':
    case 'codespan':
      return token.text;
    case 'strong':
      return `**${inlineSource(token.tokens)}**`;
    case 'em': {
      const marker = token.raw.startsWith('_') ? '_' : '*';
      return `${marker}${inlineSource(token.tokens)}${marker}`;
    }
    case 'link': {
      const label = inlineSource(token.tokens) || token.href;
      return `[${label}](${token.href})`;
    }
    case 'image':
      return token.text;
    case 'del':
      return inlineSource(token.tokens);
    case 'br':
      return ' ';
    default:
      return token.raw;
  }
}
