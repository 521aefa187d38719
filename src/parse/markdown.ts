/**
 * The Markdown form: each `# Heading` starts a story. Block structure comes from `marked`'s lexer,
 * so lists, emphasis and links follow CommonMark instead of a home-made approximation; inline
 * tokens are written back as newsbrief's inline subset (`**bold**`, `*italic*`, `[label](url)`).
 */
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import type { Story, StoryImage } from '../model.js';
import { displayLabel, matchAxiomLabel, splitDecoration } from './axioms.js';
import { parseError } from './errors.js';
import { imageWithSize } from './image.js';
import { isByline, StoryBuilder, squash } from './story-builder.js';

/** What the Markdown body holds: the stories, and any paragraphs written before the first one. */
export interface MarkdownEdition {
  stories: Story[];
  /** Paragraphs before the first `# Heading`, joined; the caller uses them as the greeting. */
  intro?: { text: string; line: number };
}

const lexerOptions = { gfm: true } as const;
/** `•` is not a Markdown list marker, so pasted `• ` lines arrive inside a paragraph. */
const sourceWord = /^\s*(?:sources?|go deeper|read more|via)\s*[:：]?\s*$/i;
const dotBullet = /^\s*[•●▪◦‣·]\s*(.*)$/u;

/** True when the body has an ATX level-1 heading (`# Headline`) outside code blocks. */
export function hasStoryHeading(body: string): boolean {
  return lex(body).some(({ token }) => isStoryHeading(token) && /^ {0,3}#/.test(token.raw));
}

/**
 * Parses a Markdown body into stories. `lineOffset` is the number of source lines before `body`
 * (front matter), so errors name the line in the original source.
 */
export function parseMarkdown(body: string, lineOffset = 0): MarkdownEdition {
  const blocks = lex(body);
  const stories: Story[] = [];
  const intro: string[] = [];
  let introLine = 0;
  let builder: StoryBuilder | undefined;

  blocks.forEach(({ token, line: bodyLine }, index) => {
    const line = lineOffset + bodyLine;
    if (isStoryHeading(token)) {
      if (builder) stories.push(builder.build());
      const headline = inlineSource(token.tokens ?? []);
      if (!headline) throw parseError(line, 'a "# " heading needs headline text after the "#"');
      builder = new StoryBuilder(headline);
      return;
    }
    if (!builder) {
      if (isFiller(token)) return;
      if (token.type !== 'paragraph') {
        throw parseError(
          line,
          `only greeting paragraphs may come before the first "# Headline", found a ${token.type}`,
        );
      }
      if (intro.length === 0) introLine = line;
      intro.push(inlineSource(token.tokens ?? []));
      return;
    }
    addBlock(builder, token, line, endsStory(blocks, index));
  });
  if (builder) stories.push(builder.build());
  const edition: MarkdownEdition = { stories };
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

/** True when nothing but filler follows `index` before the next story or the end. */
function endsStory(blocks: Block[], index: number): boolean {
  for (const { token } of blocks.slice(index + 1)) {
    if (isStoryHeading(token)) return true;
    if (!isFiller(token)) return false;
  }
  return true;
}

function addBlock(builder: StoryBuilder, token: Token, line: number, isLast: boolean): void {
  const block = token as MarkedToken;
  switch (block.type) {
    case 'space':
    case 'hr':
    case 'def':
      return;
    case 'heading':
      // A `##` heading inside a story reads as an axiom label; the paragraphs below are its text.
      builder.section(displayLabel(inlineSource(block.tokens)), '');
      return;
    case 'paragraph':
      addParagraph(builder, block, line, isLast);
      return;
    case 'list':
      builder.bullets(listBullets(block));
      return;
    case 'blockquote':
      for (const child of block.tokens) addBlock(builder, child, line, false);
      return;
    case 'html':
      if (!isFiller(block)) builder.paragraph(squash(block.raw));
      return;
    case 'code':
      builder.paragraph(squash(block.text));
      return;
    default:
      builder.paragraph(squash(block.raw));
  }
}

function addParagraph(
  builder: StoryBuilder,
  paragraph: Tokens.Paragraph,
  line: number,
  isLast: boolean,
): void {
  const lines = paragraph.text.split('\n');
  if (!lines.some((text) => dotBullet.test(text))) {
    addInline(builder, paragraph.tokens, line, isLast);
    return;
  }
  const textLines: string[] = [];
  const bullets: string[] = [];
  for (const text of lines) {
    const bullet = dotBullet.exec(text);
    if (bullet) bullets.push(bullet[1] ?? '');
    else if (bullets.length > 0) bullets[bullets.length - 1] = `${bullets.at(-1)} ${text}`;
    else textLines.push(text);
  }
  if (textLines.length > 0)
    addInline(builder, Lexer.lexInline(textLines.join('\n'), lexerOptions), line, false);
  builder.bullets(bullets.map((bullet) => inlineSource(Lexer.lexInline(bullet, lexerOptions))));
}

/** One paragraph's inline tokens: an image, the source link, a labelled section, a byline or text. */
function addInline(builder: StoryBuilder, tokens: Token[], line: number, isLast: boolean): void {
  const content = tokens.filter((token) => !(token.type === 'text' && token.raw.trim() === ''));
  const only = content.length === 1 ? (content[0] as MarkedToken) : undefined;

  const image = imageWithSize(content, line, imageOf);
  if (image) {
    builder.setImage(image, line);
    return;
  }
  const link = isLast ? sourceLink(content) : undefined;
  if (link) {
    const label = inlineSource(link.tokens);
    builder.setSource(label && label !== link.href ? { label, url: link.href } : { url: link.href });
    return;
  }
  const labelled = boldLabel(content);
  if (labelled) {
    builder.section(labelled.label, labelled.rest);
    return;
  }
  const text = inlineSource(content);
  const axiom = matchAxiomLabel(text);
  if (axiom) {
    builder.section(axiom.label, axiom.rest);
    return;
  }
  if (builder.atStart) {
    const emphasised = only?.type === 'em';
    const plain = emphasised ? inlineSource(only.tokens) : text;
    if (isByline(plain, emphasised)) {
      builder.setByline(plain);
      return;
    }
  }
  builder.paragraph(text);
}

/** A paragraph that is only a link, or a link after a source word: `Source: [Axios](https://…)`. */
function sourceLink(tokens: Token[]): Tokens.Link | undefined {
  const [first, second] = tokens;
  if (tokens.length === 1 && first?.type === 'link') return first as Tokens.Link;
  if (
    tokens.length === 2 &&
    first?.type === 'text' &&
    second?.type === 'link' &&
    sourceWord.test(first.raw)
  ) {
    return second as Tokens.Link;
  }
  return undefined;
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

/** Every item of a list, nested lists flattened after their parent item. */
function listBullets(list: Tokens.List): string[] {
  const bullets: string[] = [];
  for (const item of list.items) {
    const text: string[] = [];
    const nested: string[] = [];
    for (const child of item.tokens as MarkedToken[]) {
      if (child.type === 'list') nested.push(...listBullets(child));
      else if (child.type === 'text' || child.type === 'paragraph')
        text.push(inlineSource(child.tokens ?? []));
      else if (child.type !== 'space' && child.type !== 'checkbox') text.push(squash(child.raw));
    }
    bullets.push(squash(text.join(' ')), ...nested);
  }
  return bullets;
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
