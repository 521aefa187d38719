/**
 * The inline Markdown subset of story text: `**bold**`, `*italic*` / `_italic_`, `[label](url)`,
 * and a backslash before `*`, `_`, `[` or `\\` to write that character as typed. Anything that does
 * not form one of these is literal text, so `<`, `{{`, `*|UNSUB|*` and a lone `*` or `[` stay as
 * typed.
 *
 * The scanner is linear in the length of the text whatever it holds: each character is read once
 * by the run that contains it, and the closer an opener needs is looked up in tables built once per
 * text (one backward pass each), never searched for. An editor's paste of `**a ` or `[` repeated
 * thousands of times costs what ordinary copy of the same length costs.
 */

import { hasReaderToken, readerTokenRanges } from '../readers/tokens.js';

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] };

/**
 * Parsed fields, shared by validation (link checks), the edition and lint, and across renders of
 * the same edition (one per segment or A/B variant). Bounded by total characters; cleared when
 * full. Nodes are never mutated after parsing, so sharing them is safe.
 */
const parsed = new Map<string, readonly InlineNode[]>();
const cacheCharLimit = 1_000_000;
let cachedChars = 0;

/**
 * Splits story text into inline nodes. Never throws: unmatched markers are text.
 *
 * Text without a marker (most fields of most stories) becomes one text node without touching the
 * cache: hashing a new string into a map costs more than this check, and new copy never hits.
 */
export function parseInline(source: string): readonly InlineNode[] {
  if (!hasMarker(source)) return source ? [{ type: 'text', value: source }] : noNodes;
  const hit = parsed.get(source);
  if (hit) return hit;
  const nodes = new InlineScanner(source).run(0, source.length, true);
  if (cachedChars + source.length > cacheCharLimit) {
    parsed.clear();
    cachedChars = 0;
  }
  parsed.set(source, nodes);
  cachedChars += source.length;
  return nodes;
}

const noNodes: readonly InlineNode[] = [];

const star = 0x2a;
const underscore = 0x5f;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openParen = 0x28;
const closeParen = 0x29;
const backslash = 0x5c;
const pipe = 0x7c;
const newline = 0x0a;

/**
 * Whether text holds a character that can start markup: most story text has none and skips the
 * scanner. Four `includes` (vectorised searches) beat one character-class regex here.
 */
function hasMarker(source: string): boolean {
  return source.includes('*') || source.includes('_') || source.includes('[') || source.includes('\\');
}

/** Characters a backslash makes literal; before anything else a backslash is itself literal. */
function isEscapable(code: number): boolean {
  return code === star || code === underscore || code === openBracket || code === backslash;
}

/** Letters and digits (`[\p{L}\p{N}]` on one UTF-16 unit): `_` inside a word is not emphasis. */
const wordChar = /[\p{L}\p{N}]/u;

function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return wordChar.test(String.fromCharCode(code));
}

/** What `/\s/` matches, one UTF-16 unit at a time. */
function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0xa0 && isSpace(code));
}

/** `[A-Za-z0-9_:-]`: the characters of a Mailchimp merge tag's name (`*|FNAME|*`). */
function isTagNameCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x3a) || // 0-9 and :
    ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ||
    code === underscore ||
    code === 0x2d
  );
}

/**
 * One text being parsed. Runs are index ranges of `source` (never slices), so a strong or em
 * run is parsed in place; its closer must lie inside the run, as if the run were the whole text.
 *
 * Closer rules, as they have always been: emphasis content must not start or end with whitespace
 * (so `5 * 3 * 2` stays literal); a single `*` closer must not touch another `*`; an `_` opener must
 * not follow a letter or digit and its closer must not precede one; the first valid closer wins.
 * Each `…After` table holds, for every index, the first valid closer at or after it (or the text's
 * length for none), built on first use by one backward pass.
 */
class InlineScanner {
  private readonly source: string;
  private readonly length: number;
  private escaped: Uint8Array | undefined;
  /** 1 at each character of a `*|NAME|*` merge tag. */
  private mergeTags: Uint8Array | undefined;
  private strongAfter: Int32Array | undefined;
  private starAfter: Int32Array | undefined;
  private underscoreAfter: Int32Array | undefined;
  /** First `]` or line break at or after each index: where a link label must end. */
  private labelEndAfter: Int32Array | undefined;
  /** Last non-whitespace index before each index (-1 for none): a label must not be blank. */
  private lastVisibleBefore: Int32Array | undefined;
  /** Link destinations already scanned, by the index after `](`: end index or -1. */
  private readonly destinations = new Map<number, number>();
  /** Whether the text holds a reader token, which is text as a whole, like a merge tag. */
  private readonly hasTokens: boolean;

  constructor(source: string) {
    this.source = source;
    this.length = source.length;
    this.hasTokens = hasReaderToken(source);
  }

  /** Parses `source[start, end)`; `allowLinks` is false inside a link label. */
  run(start: number, end: number, allowLinks: boolean): InlineNode[] {
    const source = this.source;
    const nodes: InlineNode[] = [];
    let text = '';
    let textStart = start;
    let i = start;
    while (i < end) {
      const code = source.charCodeAt(i);
      if (code !== star && code !== underscore && code !== openBracket && code !== backslash) {
        i += 1;
        continue;
      }
      // Inside `{{reader.first_name|_you_}}` nothing is markup: the token reaches `personalize` whole.
      if (this.hasTokens && this.inMergeTag(i)) {
        i += 1;
        continue;
      }
      const next = i + 1 < end ? source.charCodeAt(i + 1) : -1;
      // `*|FNAME|*` is literal text, not emphasis around `|FNAME|`.
      const tagEnd = code === star && next === pipe ? this.mergeTagEnd(i, end) : -1;
      if (tagEnd > 0) {
        i = tagEnd;
        continue;
      }
      let open = 0; // marker length of the node found here
      let close = -1; // where its content ends
      let after = -1; // where scanning resumes after it
      let kind: 'strong' | 'em' | 'link' = 'em';
      if (code === backslash) {
        if (isEscapable(next)) {
          text += source.slice(textStart, i);
          textStart = i + 1; // the escaped character starts the next literal run
          i += 2;
          continue;
        }
      } else if (code === openBracket) {
        if (allowLinks) {
          close = this.labelEnd(i, end);
          if (close >= 0) {
            after = this.destinationEnd(close + 2, end) + 1;
            if (after > 0) {
              open = 1;
              kind = 'link';
            }
          }
        }
      } else if (code === star && next === star) {
        close = this.strongCloser(i + 2, end);
        if (close >= 0) {
          open = 2;
          kind = 'strong';
          after = close + 2;
        }
      } else if (code === star) {
        close = this.starCloser(i + 1, end);
        if (close >= 0) {
          open = 1;
          after = close + 1;
        }
      } else if (i === 0 || !isWordCode(source.charCodeAt(i - 1))) {
        close = this.underscoreCloser(i + 1, end);
        if (close >= 0) {
          open = 1;
          after = close + 1;
        }
      }
      if (open === 0) {
        i += 1;
        continue;
      }
      text += source.slice(textStart, i);
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
      if (kind === 'link') {
        const children = this.run(i + 1, close, false);
        nodes.push({ type: 'link', href: source.slice(close + 2, after - 1), children });
      } else nodes.push({ type: kind, children: this.run(i + open, close, allowLinks) });
      i = after;
      textStart = after;
    }
    text += source.slice(textStart, end);
    if (text) nodes.push({ type: 'text', value: text });
    return nodes;
  }

  /** End of `*|NAME|*` starting at `at`, or -1. Linear: a name is read only after its own `*|`. */
  private mergeTagEnd(at: number, end: number): number {
    const source = this.source;
    let i = at + 2;
    while (i < end && isTagNameCode(source.charCodeAt(i))) i += 1;
    if (i === at + 2 || i + 1 >= end) return -1;
    return source.charCodeAt(i) === pipe && source.charCodeAt(i + 1) === star ? i + 2 : -1;
  }

  /** Whether emphasis content starting at `from` (inside `end`) may start there. */
  private canOpen(from: number, end: number): boolean {
    return from < end && !isWhitespaceCode(this.source.charCodeAt(from));
  }

  private strongCloser(from: number, end: number): number {
    if (!this.canOpen(from, end)) return -1;
    const source = this.source;
    // `****`: the closer search historically stopped at a `**` right where content starts.
    if (from + 1 < end && source.charCodeAt(from) === star && source.charCodeAt(from + 1) === star) return -1;
    this.strongAfter ??= this.closerTable((p) => this.isStrongCloser(p));
    const at = this.strongAfter[from + 1] as number;
    return at + 1 < end ? at : -1;
  }

  private starCloser(from: number, end: number): number {
    if (!this.canOpen(from, end)) return -1;
    this.starAfter ??= this.closerTable((p) => this.isStarCloser(p, this.length));
    const at = this.starAfter[from + 1] as number;
    if (at < end) return at;
    // The run's last character: nothing follows it inside the run, so a `*` after the run is no bar.
    return end - 1 > from && this.isStarCloser(end - 1, end) ? end - 1 : -1;
  }

  private underscoreCloser(from: number, end: number): number {
    if (!this.canOpen(from, end) || this.source.charCodeAt(from) === underscore) return -1;
    this.underscoreAfter ??= this.closerTable((p) => this.isUnderscoreCloser(p, this.length));
    const at = this.underscoreAfter[from + 1] as number;
    if (at < end) return at;
    return end - 1 > from && this.isUnderscoreCloser(end - 1, end) ? end - 1 : -1;
  }

  /** A `**` at `p` that can close: not escaped, not after whitespace, not in a merge tag. */
  private isStrongCloser(p: number): boolean {
    const source = this.source;
    return (
      p > 0 &&
      source.charCodeAt(p) === star &&
      source.charCodeAt(p + 1) === star &&
      !isWhitespaceCode(source.charCodeAt(p - 1)) &&
      !this.isEscaped(p) &&
      !this.inMergeTag(p) &&
      !this.inMergeTag(p + 1)
    );
  }

  /** A single `*` at `p` that can close in a run ending at `end`. */
  private isStarCloser(p: number, end: number): boolean {
    const source = this.source;
    if (p < 1 || source.charCodeAt(p) !== star || this.isEscaped(p) || this.inMergeTag(p)) return false;
    const before = source.charCodeAt(p - 1);
    if (before === star || isWhitespaceCode(before)) return false;
    return p + 1 >= end || source.charCodeAt(p + 1) !== star;
  }

  /** An `_` at `p` that can close in a run ending at `end`: not followed by a letter or digit. */
  private isUnderscoreCloser(p: number, end: number): boolean {
    const source = this.source;
    if (p < 1 || source.charCodeAt(p) !== underscore || this.isEscaped(p) || this.inMergeTag(p)) return false;
    if (isWhitespaceCode(source.charCodeAt(p - 1))) return false;
    return p + 1 >= end || !isWordCode(source.charCodeAt(p + 1));
  }

  /** For each index, the first index at or after it where `isCloser` holds; `length` for none. */
  private closerTable(isCloser: (p: number) => boolean): Int32Array {
    const table = new Int32Array(this.length + 2);
    let next = this.length;
    table[this.length + 1] = next;
    table[this.length] = next;
    for (let p = this.length - 1; p >= 0; p -= 1) {
      if (isCloser(p)) next = p;
      table[p] = next;
    }
    return table;
  }

  /**
   * Whether `p` lies inside a `*|NAME|*` merge tag or a reader token. A tag is text, so nothing in
   * it closes emphasis (`4*5 for *|FNAME|*` and `_a *|MC_X|*` stay literal). Marked by one forward
   * pass, on first use.
   */
  private inMergeTag(p: number): boolean {
    if (this.mergeTags === undefined) {
      const source = this.source;
      const tags = new Uint8Array(this.length);
      let from = source.indexOf('*|');
      while (from >= 0) {
        const tagEnd = this.mergeTagEnd(from, this.length);
        if (tagEnd > 0) tags.fill(1, from, tagEnd);
        from = source.indexOf('*|', tagEnd > 0 ? tagEnd : from + 2);
      }
      const tokens = this.hasTokens ? readerTokenRanges(source) : [];
      for (let k = 0; k < tokens.length; k += 2) tags.fill(1, tokens[k], tokens[k + 1]);
      this.mergeTags = tags;
    }
    return this.mergeTags[p] === 1;
  }

  /** Whether the character at `p` follows an odd run of backslashes (written as typed). */
  private isEscaped(p: number): boolean {
    if (this.escaped === undefined) {
      // Backslash runs never cross a run's start: the character before a run is its marker.
      const source = this.source;
      const escaped = new Uint8Array(this.length + 1);
      let pending = false;
      for (let k = 0; k < this.length; k += 1) {
        escaped[k] = pending ? 1 : 0;
        pending = !pending && source.charCodeAt(k) === backslash && isEscapable(source.charCodeAt(k + 1));
      }
      this.escaped = escaped;
    }
    return this.escaped[p] === 1;
  }

  /**
   * For a `[` at `at`: the index of the `]` that ends its label, when `](` follows inside the run
   * and the label is neither empty nor blank; else -1.
   */
  private labelEnd(at: number, end: number): number {
    const source = this.source;
    if (this.labelEndAfter === undefined) {
      this.labelEndAfter = this.closerTable((p) => {
        const code = source.charCodeAt(p);
        return (code === closeBracket && !(this.hasTokens && this.inMergeTag(p))) || code === newline;
      });
      this.lastVisibleBefore = new Int32Array(this.length + 1);
      let last = -1;
      for (let p = 0; p <= this.length; p += 1) {
        this.lastVisibleBefore[p] = last;
        if (p < this.length && !isWhitespaceCode(source.charCodeAt(p))) last = p;
      }
    }
    const close = this.labelEndAfter[at + 1] as number;
    if (close + 1 >= end || close === at + 1) return -1;
    if (source.charCodeAt(close) !== closeBracket || source.charCodeAt(close + 1) !== openParen) return -1;
    const lastVisible = (this.lastVisibleBefore as Int32Array)[close] as number;
    return lastVisible > at ? close : -1;
  }

  /**
   * The `)` that ends a link destination starting at `from`, or -1: one or more characters that
   * are neither whitespace nor parentheses, or balanced `(…)` groups of them. Each start index is
   * scanned once, however many `[` share it.
   */
  private destinationEnd(from: number, end: number): number {
    let close = this.destinations.get(from);
    if (close === undefined) {
      close = this.scanDestination(from);
      this.destinations.set(from, close);
    }
    return close < end ? close : -1;
  }

  private scanDestination(from: number): number {
    const source = this.source;
    let i = from;
    while (i < this.length) {
      const code = source.charCodeAt(i);
      if (code === closeParen) return i > from ? i : -1;
      if (isWhitespaceCode(code)) return -1;
      if (code === openParen) {
        i += 1;
        while (i < this.length) {
          const inner = source.charCodeAt(i);
          if (inner === openParen || inner === closeParen || isWhitespaceCode(inner)) break;
          i += 1;
        }
        if (source.charCodeAt(i) !== closeParen) return -1;
      }
      i += 1;
    }
    return -1;
  }
}

/**
 * Caches a function of parsed text by node array. Parsed nodes are shared (see the parse cache)
 * and never mutated, so what is derived from them (html, plain text, word counts) can be too;
 * entries go when their nodes are dropped. Text without markup is derived afresh each time:
 * that costs about what a lookup costs, and a weak map entry per new field costs the garbage
 * collector more.
 */
export function memoizeByNodes<T>(
  derive: (nodes: readonly InlineNode[]) => T,
): (nodes: readonly InlineNode[]) => T {
  const memo = new WeakMap<readonly InlineNode[], T>();
  return (nodes) => {
    if (nodes.length === 0 || (nodes.length === 1 && nodes[0]?.type === 'text')) return derive(nodes);
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
  if (nodes.length === 1 && nodes[0]?.type === 'text') return nodes[0].value;
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

/**
 * `text.replace(/\s+/g, ' ').trim()`, without rebuilding text that is already collapsed (most
 * story text: single spaces between words, none at the ends).
 */
export function collapseWhitespace(text: string): string {
  return isCollapsed(text) ? text : text.replace(whitespaceRun, ' ').trim();
}

/** No whitespace but single plain spaces between other characters (one pass, no regex). */
function isCollapsed(text: string): boolean {
  let previousSpace = true; // a space at the start is not collapsed
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if ((code >= 0x09 && code <= 0x0d) || (code >= 0xa0 && isSpace(code))) return false;
    else previousSpace = false;
  }
  return !previousSpace || text.length === 0;
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
