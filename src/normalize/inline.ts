/**
 * The inline Markdown subset of story text: `**bold**`, `*italic*` / `_italic_`, `[label](url)`.
 * Anything that does not form one of these is literal text, so `<`, `{{`, `*` and `[` stay as typed.
 */

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] };

// Sticky (`y`) patterns are matched in place at `lastIndex`, so no `source.slice(i)` per marker.
const linkPattern = /\[([^\]\n]+)\]\(((?:[^\s()]|\([^\s()]*\))+)\)/y;
const wordChar = /[\p{L}\p{N}]/u;
const whitespace = /\s/;
/** Mailchimp merge tags (`*|FNAME|*`) are literal text, not emphasis around `|FNAME|`. */
const mailchimpTag = /\*\|[A-Za-z0-9_:-]+\|\*/y;
/** The characters that can start markup; everything between them is literal text. */
const markerChar = /[*_[]/g;

/**
 * Parsed fields, shared by validation (link checks), the edition and lint, and across renders of
 * the same edition (one per segment or A/B variant). Bounded by total characters; cleared when
 * full. Nodes are never mutated after parsing, so sharing them is safe.
 */
const parsed = new Map<string, readonly InlineNode[]>();
const cacheCharLimit = 1_000_000;
let cachedChars = 0;

/** Splits story text into inline nodes. Never throws: unmatched markers are text. */
export function parseInline(source: string): readonly InlineNode[] {
  const hit = parsed.get(source);
  if (hit) return hit;
  const nodes = parseRun(source, true);
  if (cachedChars + source.length > cacheCharLimit) {
    parsed.clear();
    cachedChars = 0;
  }
  parsed.set(source, nodes);
  cachedChars += source.length;
  return nodes;
}

/** Index of the next `*`, `_` or `[` at or after `from`, or the end of `source`. */
function nextMarker(source: string, from: number): number {
  markerChar.lastIndex = from;
  return markerChar.test(source) ? markerChar.lastIndex - 1 : source.length;
}

function parseRun(source: string, allowLinks: boolean): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const next = nextMarker(source, i);
    if (next > i) {
      // A run of literal text up to the next marker character.
      text += source.slice(i, next);
      i = next;
      if (i >= source.length) break;
    }
    const ch = source[i] as string;
    if (ch === '*' && source[i + 1] === '|') {
      mailchimpTag.lastIndex = i;
      const tag = mailchimpTag.exec(source);
      if (tag) {
        text += tag[0];
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '[') {
      if (allowLinks) {
        linkPattern.lastIndex = i;
        const match = linkPattern.exec(source);
        if (match?.[1]?.trim() && match[2]) {
          if (text) nodes.push({ type: 'text', value: text });
          text = '';
          nodes.push({ type: 'link', href: match[2], children: parseRun(match[1], false) });
          i += match[0].length;
          continue;
        }
      }
    } else if (ch === '*' && source[i + 1] === '*') {
      const end = findCloser(source, i + 2, '**');
      if (end > 0) {
        if (text) nodes.push({ type: 'text', value: text });
        text = '';
        nodes.push({ type: 'strong', children: parseRun(source.slice(i + 2, end), allowLinks) });
        i = end + 2;
        continue;
      }
    } else if (ch === '*' || !wordChar.test(source[i - 1] ?? '')) {
      // `ch` is `*`, or `_` that does not follow a letter or digit.
      const end = findCloser(source, i + 1, ch);
      if (end > 0) {
        if (text) nodes.push({ type: 'text', value: text });
        text = '';
        nodes.push({ type: 'em', children: parseRun(source.slice(i + 1, end), allowLinks) });
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  if (text) nodes.push({ type: 'text', value: text });
  return nodes;
}

/**
 * Finds the closing marker for an opener whose content starts at `from`. Content must not start
 * or end with whitespace (so `5 * 3 * 2` stays literal), and an underscore must close a word.
 */
function findCloser(source: string, from: number, marker: string): number {
  if (from >= source.length || whitespace.test(source[from] ?? '')) return -1;
  let at = source.indexOf(marker, from);
  while (at > from) {
    const before = source[at - 1] ?? '';
    const after = source[at + marker.length] ?? '';
    const singleStar = marker === '*' && (after === '*' || before === '*');
    const underscoreInWord = marker === '_' && wordChar.test(after);
    if (!whitespace.test(before) && !singleStar && !underscoreInWord) return at;
    at = source.indexOf(marker, at + 1);
  }
  return -1;
}

/**
 * Caches a function of parsed text by node array. Parsed nodes are shared (see the parse cache)
 * and never mutated, so what is derived from them (html, plain text, word counts) can be too;
 * entries go when their nodes are dropped.
 */
export function memoizeByNodes<T>(
  derive: (nodes: readonly InlineNode[]) => T,
): (nodes: readonly InlineNode[]) => T {
  const memo = new WeakMap<readonly InlineNode[], T>();
  return (nodes) => {
    let value = memo.get(nodes);
    if (value === undefined) {
      value = derive(nodes);
      memo.set(nodes, value);
    }
    return value;
  };
}

/** Every link target in the text, for validation. */
export function inlineLinks(nodes: readonly InlineNode[], hrefs: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'link') hrefs.push(node.href);
    if (node.type !== 'text') inlineLinks(node.children, hrefs);
  }
  return hrefs;
}

/** The text a reader sees, markers removed; links as their label. */
export function inlinePlain(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.value : inlinePlain(node.children);
  return out;
}

const wordCharAt = /[\p{L}\p{N}]/uy;

/**
 * Words in plain text: whitespace-separated tokens holding a letter or a digit (what
 * `text.split(/\s+/)` and a `\p{L}`/`\p{N}` test per token would count, in one pass).
 */
export function countWords(text: string): number {
  let count = 0;
  let counted = false; // the current token already holds a letter or digit
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) counted = false;
      else if (
        !counted &&
        ((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a))
      ) {
        count += 1;
        counted = true;
      }
    } else if (isSpace(code)) counted = false;
    else if (!counted) {
      wordCharAt.lastIndex = i;
      if (wordCharAt.test(text)) {
        count += 1;
        counted = true;
      }
    }
  }
  return count;
}

const whitespaceRun = /\s+/g;
/** Whitespace that is not a plain space (`\s` spelled out), or two spaces in a row. */
const uncollapsed = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/**
 * `text.replace(/\s+/g, ' ').trim()`, without rebuilding text that is already collapsed (most
 * story text: single spaces between words, none at the ends).
 */
export function collapseWhitespace(text: string): string {
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(text.length - 1) === 0x20 || uncollapsed.test(text))
    return text.replace(whitespaceRun, ' ').trim();
  return text;
}

/** Non-ASCII code units that `\s` matches. */
function isSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
