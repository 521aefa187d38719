/**
 * Where each field of a JSON briefing sits in its source text, so a finding or a validation issue
 * about `stories[1].lede` can select that value. `JSON.parse` says whether the text is valid and
 * what the data is; this scanner only walks the same grammar to record offsets, and finds where a
 * syntax error is, because engines word (and place) that differently.
 */

/** A range of a source text as UTF-16 offsets, `end` exclusive (what `setSelectionRange` takes). */
export interface SourceRange {
  start: number;
  end: number;
}

/**
 * How deep JSON may nest before the editor stops reading it. A briefing nests 8 levels at most
 * (`stories[].sections[].body[].bullets[]`); the scanner recurses once per level, and 100,000
 * levels of `[` would overflow the stack.
 */
export const maxJsonDepth = 100;

/** Thrown inside the scanner at the first character that breaks JSON syntax (or nests too deep). */
class SyntaxAt {
  constructor(
    readonly offset: number,
    readonly tooDeep = false,
  ) {}
}

/** Where a JSON text fails: `tooDeep` when it opens more than `maxJsonDepth` levels there. */
export interface JsonFailure {
  errorAt: number;
  tooDeep?: true;
}

const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const whitespace = /[ \t\n\r]*/y;

/**
 * Scans JSON text into a map from field paths (`stories[0].sections[1].bullets[2]`, `''` for the
 * root) to the range of each value; a string's range is its content, without the quotes.
 * Returns the offset of the first syntax error instead when the text is not JSON, or of the
 * bracket that opens level `maxJsonDepth + 1`.
 */
export function scanJson(text: string): Map<string, SourceRange> | JsonFailure {
  const ranges = new Map<string, SourceRange>();
  let i = 0;

  const skipWhitespace = () => {
    whitespace.lastIndex = i;
    whitespace.test(text);
    i = whitespace.lastIndex;
  };
  const expect = (char: string) => {
    if (text[i] !== char) throw new SyntaxAt(i);
    i += 1;
  };
  /** Scans a string at `i` (its opening quote); returns its content's range. */
  const string = (): SourceRange => {
    expect('"');
    const start = i;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i += 1;
        return { start, end: i - 1 };
      }
      if (code < 0x20) throw new SyntaxAt(i);
      if (code === 0x5c) {
        const escaped = text[i + 1] ?? '';
        if (escaped === 'u') {
          if (!/^[\da-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new SyntaxAt(i);
          i += 6;
        } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') i += 2;
        else throw new SyntaxAt(i);
      } else i += 1;
    }
    throw new SyntaxAt(i);
  };
  /** Scans comma-separated items up to `close`; `i` is just past the opening bracket. */
  const items = (close: string, item: (index: number) => void) => {
    skipWhitespace();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      item(index);
      skipWhitespace();
      if (text[i] !== ',') return expect(close);
      i += 1;
    }
  };
  const value = (path: string, depth: number): void => {
    skipWhitespace();
    const start = i;
    const char = text[i];
    if (char === '{' || char === '[') {
      if (depth === maxJsonDepth) throw new SyntaxAt(i, true);
      i += 1;
      if (char === '[') items(']', (index) => value(`${path}[${index}]`, depth + 1));
      else
        items('}', () => {
          skipWhitespace();
          const key = string();
          const name = JSON.parse(text.slice(key.start - 1, key.end + 1)) as string;
          skipWhitespace();
          expect(':');
          value(path === '' ? name : `${path}.${name}`, depth + 1);
        });
      ranges.set(path, { start, end: i });
    } else if (char === '"') {
      ranges.set(path, string());
    } else {
      literal.lastIndex = i;
      if (!literal.test(text)) throw new SyntaxAt(i);
      i = literal.lastIndex;
      ranges.set(path, { start, end: i });
    }
  };

  try {
    value('', 0);
    skipWhitespace();
    if (i < text.length) throw new SyntaxAt(i);
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    const errorAt = Math.min(error.offset, text.length);
    return error.tooDeep ? { errorAt, tooDeep: true } : { errorAt };
  }
  return ranges;
}

/**
 * The offset of the bracket that opens level `maxJsonDepth + 1` of a JSON text, or `undefined`
 * when it nests no deeper. A loop, not a recursion: any depth is counted in constant stack.
 */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === 0x5c) at += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (depth === maxJsonDepth) return at;
      depth += 1;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return undefined;
}
