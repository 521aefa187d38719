/**
 * A feed item's HTML → the authoring Markdown `parseBriefing` reads: paragraphs, bullet and numbered
 * lists, bold, italic and links; headings become section labels (`**Heading:**`); every other tag
 * is dropped and its text kept. Script, style and other non-text elements are dropped with their
 * content, so nothing an item holds reaches a briefing as markup: what comes out is text, and
 * text is escaped for the parser (so `*`, `[` or `# ` in a paragraph stay as written).
 *
 * One pass over the HTML, each character read a bounded number of times: a tag is scanned to its
 * `>` once, a skipped element's end is found with one `indexOf`. No DOM, no Node module.
 */
import { decodeHTML } from 'entities';
import { collapseWhitespace } from '../normalize/inline.js';

/** An item's content in authoring Markdown, and the first image it shows. */
export interface ItemContent {
  /** Blocks separated by blank lines: paragraphs, `**Label:**` paragraphs, `- ` and `1. ` lists. */
  markdown: string;
  /** The first image with an http(s) source, its alt text, and its caption when it has one. */
  image?: { src: string; alt: string; credit?: string };
  /** The plain text of the first paragraph, for an item without a title. */
  firstText?: string;
}

type InlinePart =
  | { type: 'text'; value: string }
  | { type: 'strong' | 'em'; children: InlinePart[] }
  | { type: 'link'; href?: string; children: InlinePart[] };

interface Frame {
  type: 'strong' | 'em' | 'link';
  href?: string;
  children: InlinePart[];
}

/** Elements whose content is not reader text: dropped whole. */
const skipped = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'select',
  'textarea',
  'title',
  'head',
  'button',
  'form',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
]);

/** Elements that end a paragraph (a line of text never runs across them). */
const blockTags = new Set([
  'p',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'dl',
  'dt',
  'dd',
  'address',
  'details',
  'summary',
  'hr',
  'center',
  'fieldset',
  'legend',
]);

const headingTag = /^h[1-6]$/;
/** Open bold, italic and link elements kept at once; tags nested deeper only add their text. */
const maxNesting = 16;
const inlineTags: Record<string, 'strong' | 'em'> = {
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  cite: 'em',
};
const tagStart = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;
const attribute = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Characters the inline parser reads as markup; a backslash makes each literal. */
const inlineMarkers = /[\\*_[]/g;

/**
 * Text as `parseInline` should show it: `*`, `_`, `[` and `\` backslash-escaped. For fields set
 * directly on a briefing (headline, byline, image credit).
 */
export function escapeInline(text: string): string {
  return text.replace(inlineMarkers, '\\$&');
}

/**
 * Text inside Markdown the block parser reads first: it drops one backslash before any
 * punctuation, so each inline escape is written twice (`\\*` → `\*` → `*` shown).
 */
function escapeMarkdownText(text: string): string {
  return text.replace(inlineMarkers, (ch) => (ch === '\\' ? '\\\\\\\\' : `\\\\${ch}`));
}

/**
 * A block's text at the start of a line: a leading `#`, `-`, `+`, `>`, `=`, `<`, `` ` ``, `~`, `|`
 * or `12.` would start a heading, list, quote, HTML block or fence; a backslash keeps it text.
 */
function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  return /^[#\-+>=<`~|]/.test(line) ? `\\${line}` : line;
}

/** Reads HTML attributes from the part of a tag after its name. */
function attributesOf(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(attribute)) {
    const name = (match[1] as string).toLowerCase();
    if (!found.has(name)) found.set(name, decodeHTML(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return found;
}

/**
 * An absolute http(s) or mailto URL for a link or image, resolved against the item's own link;
 * anything else (`javascript:`, `data:`, an unresolvable path) is `undefined`, and the link is text.
 * Parentheses are percent-encoded so the URL cannot end a Markdown link early.
 */
export function safeUrl(
  value: string | undefined,
  base: string | undefined,
  images = false,
): string | undefined {
  if (!value) return undefined;
  // The URL parser drops tabs and line breaks inside a URL; the characters stay out either way.
  const trimmed = value.trim();
  if (!URL.canParse(trimmed, base)) return undefined;
  const url = new URL(trimmed, base);
  const allowed = images ? ['https:', 'http:'] : ['https:', 'http:', 'mailto:'];
  if (!allowed.includes(url.protocol)) return undefined;
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Converts one item's HTML; `base` (the item's link) resolves relative links and images. */
export function htmlToMarkdown(html: string, base?: string): ItemContent {
  return new HtmlConverter(base).run(html);
}

/** Plain-text content (`content_text`, Atom `type="text"`): blank lines separate paragraphs. */
export function textToMarkdown(text: string): ItemContent {
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => collapseWhitespace(paragraph).trim())
    .filter(Boolean);
  return {
    markdown: paragraphs.map((paragraph) => escapeLineStart(escapeMarkdownText(paragraph))).join('\n\n'),
    firstText: paragraphs[0],
  };
}

class HtmlConverter {
  private readonly base: string | undefined;
  private readonly blocks: { markdown: string; plain: string; label: boolean }[] = [];
  private root: InlinePart[] = [];
  private stack: Frame[] = [];
  /** Open lists, outermost first; nested lists add their items to the outermost one. */
  private lists: { ordered: boolean; items: string[] }[] = [];
  private breaks = 0;
  private headingDepth = 0;
  private image: ItemContent['image'];
  private inFigure = false;
  /** The figure being read holds the item's image: its caption is the image credit. */
  private inImageFigure = false;
  private caption: string[] | undefined;
  private firstText: string | undefined;

  constructor(base: string | undefined) {
    this.base = base;
  }

  run(html: string): ItemContent {
    const lower = html.toLowerCase();
    const length = html.length;
    let at = 0;
    while (at < length) {
      const open = html.indexOf('<', at);
      if (open === -1) {
        this.text(html.slice(at));
        break;
      }
      if (open > at) this.text(html.slice(at, open));
      if (html.startsWith('<!--', open)) {
        const end = html.indexOf('-->', open + 4);
        at = end === -1 ? length : end + 3;
        continue;
      }
      const next = html[open + 1];
      if (next === '!' || next === '?') {
        const end = html.indexOf('>', open);
        at = end === -1 ? length : end + 1;
        continue;
      }
      tagStart.lastIndex = open;
      const tag = tagStart.exec(html);
      if (!tag) {
        this.text('<');
        at = open + 1;
        continue;
      }
      const end = tagEnd(html, open + tag[0].length);
      if (end === -1) break;
      const name = (tag[2] as string).toLowerCase();
      const closing = tag[1] === '/';
      at = end + 1;
      if (!closing && skipped.has(name)) {
        // Dropped with everything inside, up to its own end tag (or the end of the item).
        const close = lower.indexOf(`</${name}`, at);
        if (close === -1) break;
        const after = html.indexOf('>', close);
        at = after === -1 ? length : after + 1;
        continue;
      }
      this.tag(name, closing, html.slice(open + tag[0].length, end));
    }
    this.endParagraph();
    while (this.lists.length > 0) this.closeList();
    return {
      markdown: storyBlocks(this.blocks).join('\n\n'),
      ...(this.image ? { image: this.image } : {}),
      ...(this.firstText ? { firstText: this.firstText } : {}),
    };
  }

  private get top(): InlinePart[] {
    return this.stack[this.stack.length - 1]?.children ?? this.root;
  }

  private text(raw: string): void {
    const value = decodeHTML(raw);
    if (value === '') return;
    if (/\S/.test(value)) this.breaks = 0;
    this.top.push({ type: 'text', value });
    this.caption?.push(value);
  }

  private tag(name: string, closing: boolean, attributes: string): void {
    if (name === 'br') {
      // One <br> is a line break inside a paragraph; two in a row end it, as they look.
      if (++this.breaks >= 2) this.endParagraph();
      else this.top.push({ type: 'text', value: ' ' });
      return;
    }
    const inline = name === 'a' ? 'link' : inlineTags[name];
    if (inline) {
      if (closing) this.close(inline);
      else
        this.open({
          type: inline,
          href: inline === 'link' ? attributesOf(attributes).get('href') : undefined,
          children: [],
        });
      return;
    }
    if (name === 'img') {
      this.imageTag(attributes);
      return;
    }
    if (name === 'ul' || name === 'ol') {
      this.endParagraph();
      if (closing) this.closeList();
      else this.lists.push({ ordered: this.lists[0]?.ordered ?? name === 'ol', items: [] });
      return;
    }
    if (name === 'li' || blockTags.has(name)) {
      this.endParagraph();
      return;
    }
    if (headingTag.test(name)) {
      this.endParagraph();
      this.headingDepth = closing ? 0 : 1;
      return;
    }
    if (name === 'figure') {
      this.endParagraph();
      this.inFigure = !closing;
      if (closing) this.inImageFigure = false;
      return;
    }
    if (name === 'figcaption') {
      this.endParagraph();
      if (!closing && this.inImageFigure && this.image && this.image.credit === undefined) this.caption = [];
      else if (closing && this.caption) {
        const credit = collapseWhitespace(this.caption.join('')).trim();
        if (this.image && credit) this.image.credit = credit;
        this.caption = undefined;
      }
      return;
    }
    // Table cells side by side read as words apart; each row (a block tag) is a paragraph.
    if (name === 'td' || name === 'th') this.top.push({ type: 'text', value: ' ' });
  }

  private imageTag(attributes: string): void {
    if (this.image) return;
    const found = attributesOf(attributes);
    const src = safeUrl(found.get('src'), this.base, true);
    if (!src) return;
    this.image = { src, alt: collapseWhitespace(found.get('alt') ?? '').trim() };
    this.inImageFigure = this.inFigure;
  }

  private open(frame: Frame): void {
    // Deeper nesting adds no formatting a reader sees; the cap keeps serializing shallow.
    if (this.stack.length < maxNesting) this.stack.push(frame);
  }

  /** Closes the innermost open `type` and everything opened inside it; a stray end tag is ignored. */
  private close(type: Frame['type']): void {
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]?.type !== type) index -= 1;
    if (index < 0) return;
    while (this.stack.length > index) this.popFrame();
  }

  private popFrame(): void {
    const { type, href, children } = this.stack.pop() as Frame;
    this.top.push(type === 'link' ? { type, href, children } : { type, children });
  }

  /** Ends the paragraph (or list item, or heading) being written, if it holds any text. */
  private endParagraph(): void {
    while (this.stack.length > 0) this.popFrame();
    const nodes = this.root;
    this.root = [];
    this.breaks = 0;
    if (this.caption) return;
    const line = serialize(nodes, this.base, {}).trim();
    if (!line) return;
    const list = this.lists[0];
    if (list) {
      list.items.push(line);
      return;
    }
    if (this.headingDepth > 0) {
      const label = plainOf(nodes).replace(/[\s.:?!]+$/, '');
      if (label)
        this.blocks.push({ markdown: `**${escapeMarkdownText(label)}:**`, plain: label, label: true });
      return;
    }
    const plain = plainOf(nodes);
    const parts = nodes.filter((node) => node.type !== 'text' || node.value.trim() !== '');
    if (parts.length === 1 && parts[0]?.type === 'link' && callToAction.test(plain)) return;
    this.firstText ??= plain;
    this.blocks.push({ markdown: escapeLineStart(line), plain, label: false });
  }

  private closeList(): void {
    const list = this.lists.pop();
    if (!list || this.lists.length > 0) return;
    if (list.items.length === 0) return;
    const markdown = list.items
      .map((item, index) => `${list.ordered ? `${index + 1}.` : '-'} ${escapeLineStart(item)}`)
      .join('\n');
    this.blocks.push({ markdown, plain: '', label: false });
  }
}

/** Index of the `>` that ends a tag whose name ends at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let at = from; at < html.length; at += 1) {
    const ch = html[at] as string;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      // A quote opens a value only after `=`; elsewhere (`<p class=a'b>`) it is a character.
      if (/=\s*$/.test(html.slice(Math.max(from, at - 8), at))) quote = ch;
    } else if (ch === '>') return at;
  }
  return -1;
}

function plainOf(nodes: readonly InlinePart[]): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.value : plainOf(node.children);
  return collapseWhitespace(out).trim();
}

interface Within {
  strong?: boolean;
  em?: boolean;
  link?: boolean;
}

/**
 * Inline parts → one line of authoring Markdown. Markers hug their text (`<b> x </b>` is ` **x** `,
 * as the inline parser wants), nested bold in bold and links in links are flattened, and a link
 * whose target is not a safe URL, or whose text holds `]`, stays plain text.
 */
function serialize(nodes: readonly InlinePart[], base: string | undefined, within: Within): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      // Runs of whitespace become one space, kept at the ends: it separates words from markers.
      out += escapeMarkdownText(node.value.replace(/\s+/g, ' '));
      continue;
    }
    if (node.type === 'link') {
      const href = within.link ? undefined : safeUrl(node.href, base);
      const label = serialize(node.children, base, { ...within, link: true });
      out +=
        href && label.trim() && !plainOf(node.children).includes(']')
          ? wrap(label, '[', `](${href})`)
          : label;
      continue;
    }
    const inner = serialize(node.children, base, { ...within, [node.type]: true });
    const marker = node.type === 'strong' ? '**' : '*';
    out += within[node.type] ? inner : wrap(inner, marker, marker);
  }
  return out.replace(/ {2,}/g, ' ');
}

/** Buttons newsletter platforms put in items (Substack, Ghost, WordPress): not story text. */
const callToAction =
  /^(subscribe|sign up|share|leave a comment|upgrade to paid|give a gift|donate|support us)\b/i;

/** Boilerplate WordPress feeds end items with; not part of the story. */
const wordpressFooter = /^The post .{1,2000} appeared first on .{1,500}\.$/;

/**
 * The blocks a story keeps: a last "The post … appeared first on …" line is dropped, and so is a
 * label with nothing under it (a heading before a share widget), which would be an empty section.
 */
function storyBlocks(blocks: readonly { markdown: string; plain: string; label: boolean }[]): string[] {
  const kept = blocks.filter(
    (block, index) => !(index === blocks.length - 1 && !block.label && wordpressFooter.test(block.plain)),
  );
  return kept
    .filter((block, index) => !(block.label && (kept[index + 1] === undefined || kept[index + 1]?.label)))
    .map((block) => block.markdown);
}

/** `before` + the text + `after`, with the text's outer spaces moved outside the markers. */
function wrap(inner: string, before: string, after: string): string {
  const trimmed = inner.trim();
  if (!trimmed) return inner;
  const lead = inner.startsWith(' ') ? ' ' : '';
  const trail = inner.endsWith(' ') ? ' ' : '';
  return `${lead}${before}${trimmed}${after}${trail}`;
}
