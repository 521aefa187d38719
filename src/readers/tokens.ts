/**
 * Reader tokens: the one place in a rendered edition where one reader's copy differs from the
 * next. The syntax is written into story text, greeting, subject, preheader and footer:
 *
 * - `{{reader.KEY}}`: the reader's value, or nothing when the reader has none;
 * - `{{reader.KEY|fallback}}`: the reader's value, or `fallback` when the reader has none.
 *
 * `KEY` is a letter or `_`, then letters, digits and `_`, in parts joined by single `.` or `-`
 * (`first_name`, `city.name`, `plan-tier`); it is matched case-sensitively and looked up as
 * written (`{{reader.city.name}}` reads `reader["city.name"]`, not a nested object). `fallback` is
 * literal text up to `}}`: spaces and punctuation are fine; braces and line breaks are not. No
 * spaces inside the braces. Anything that starts like a token (`{{reader.`) but is not one is a
 * validation error naming the field.
 *
 * Rendering leaves each token in the output as written (its fallback HTML-escaped in `html`), so a
 * rendered edition is one template for every reader: `personalize` fills it per reader, and ESP
 * payload builders translate each token to the ESP's own merge syntax with `mapReaderTokens`.
 */

/** The parts of a rendered edition that can hold reader tokens. */
export type ReaderTokenPart = 'html' | 'text' | 'subject' | 'preheader';

/** One reader token as written: its key and its fallback (`undefined` when it has none). */
export interface ReaderToken {
  /** The reader field, e.g. `first_name` for `{{reader.first_name|there}}`. */
  readonly key: string;
  /**
   * The text used when the reader has no value, as the reader sees it (`there`), or `undefined`
   * for a token without `|`. In `html` the fallback is written HTML-escaped; this is the
   * unescaped text in every part.
   */
  readonly fallback: string | undefined;
  /**
   * True when the key is a whole link target somewhere in the html (a footer URL written
   * `{{reader.KEY}}`): its value must then be a URL, and the same key is marked in every part.
   */
  readonly url: boolean;
}

/** The text parts of a rendered edition, as `RenderResult` has them. */
export interface ReaderTokenSource {
  /** The HTML document; token fallbacks in it are HTML-escaped. */
  html: string;
  /** The plain-text part. */
  text: string;
  /** The subject line. */
  subject: string;
  /** The inbox preview text. */
  preheader: string;
}

/** `html`, `text`, `subject` and `preheader` with every reader token replaced. */
export interface ReaderTokenParts {
  /** The HTML document, each token replaced by what the replacer returned for `'html'`. */
  html: string;
  /** The plain-text part, each token replaced by what the replacer returned for `'text'`. */
  text: string;
  /** The subject, each token replaced by what the replacer returned for `'subject'`. */
  subject: string;
  /** The preheader, each token replaced by what the replacer returned for `'preheader'`. */
  preheader: string;
}

/** A token's key: `[A-Za-z_][A-Za-z0-9_]*` parts joined by single `.` or `-`. */
const keySource = '[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*';
/** A whole token; group 1 is the key, group 2 the fallback (absent without `|`). */
const tokenSource = `\\{\\{reader\\.(${keySource})(?:\\|([^{}\\r\\n]*))?\\}\\}`;

/** Every token in a text, in order. */
const tokenPattern = new RegExp(tokenSource, 'g');
/** A token exactly at `lastIndex`. */
const tokenAt = new RegExp(tokenSource, 'y');
/** What looks like the start of a token, written well or not (`{{ reader.`, `{{Reader.`). */
const tokenStart = /\{\{\s*reader\s*\./gi;
/** The literal start of a token: text without it holds none, and skips every regex. */
const marker = '{{reader.';

/** Whether `value` holds a reader token (or what starts like one). */
export function hasReaderToken(value: string): boolean {
  return value.includes(marker);
}

/**
 * Why `value` holds a malformed reader token, or `undefined` when every `{{reader.` in it starts
 * a well-formed one. Used by validation, so a token that would be sent as typed is caught early.
 */
export function readerTokenProblem(value: string): string | undefined {
  if (!value.includes('{{') || !/reader/i.test(value)) return undefined;
  tokenStart.lastIndex = 0;
  for (let found = tokenStart.exec(value); found; found = tokenStart.exec(value)) {
    tokenAt.lastIndex = found.index;
    if (found[0] === marker && tokenAt.test(value)) {
      tokenStart.lastIndex = tokenAt.lastIndex;
      continue;
    }
    const shown = value.slice(found.index, found.index + 40);
    return `expected a reader token {{reader.KEY}} or {{reader.KEY|fallback}} (KEY: letters, digits and _, parts joined by . or -; a fallback without braces or line breaks), found ${JSON.stringify(shown.length < value.length - found.index ? `${shown}...` : shown)}`;
  }
  return undefined;
}

/**
 * The `[start, end)` ranges of the reader tokens in `text`, flattened (`[s0, e0, s1, e1, …]`).
 * Used where text is cut or wrapped, so that no token is ever split.
 */
export function readerTokenRanges(text: string): number[] {
  const ranges: number[] = [];
  if (!text.includes(marker)) return ranges;
  tokenPattern.lastIndex = 0;
  for (let found = tokenPattern.exec(text); found; found = tokenPattern.exec(text)) {
    ranges.push(found.index, found.index + found[0].length);
  }
  return ranges;
}

/**
 * Where to cut `text` at or before `index` without splitting a reader token: `index` itself, or
 * the start of the token that `index` falls inside.
 */
export function cutOutsideReaderTokens(text: string, index: number): number {
  const ranges = readerTokenRanges(text);
  for (let i = 0; i < ranges.length; i += 2) {
    const start = ranges[i] as number;
    if (start >= index) break;
    if (index < (ranges[i + 1] as number)) return start;
  }
  return index;
}

/**
 * One part split at its tokens: `statics[i]` precedes `tokens[i]`, and the last static follows
 * the last token (so `statics.length === tokens.length + 1`).
 */
export interface SplitPart {
  readonly statics: readonly string[];
  readonly tokens: readonly ReaderToken[];
}

/** Every part of a result split at its tokens; computed once per result. */
export interface SplitResult {
  readonly html: SplitPart;
  readonly text: SplitPart;
  readonly subject: SplitPart;
  readonly preheader: SplitPart;
  /** Distinct keys, in order of first appearance (html, text, subject, preheader). */
  readonly keys: readonly string[];
}

const split = new WeakMap<object, SplitResult>();

/** The named HTML entities the renderer, Handlebars and juice write; numeric ones are decoded generally. */
const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The fallback as the reader sees it, from its HTML-escaped form in the html part. */
function unescapeHtml(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));/g,
    (entity, decimal, hex, name) => {
      if (name !== undefined) return namedEntities[name] ?? entity;
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
  );
}

/** Keys written as a whole `href`/`src` value in the html: `href="{{reader.KEY}}"`. */
function urlKeys(html: string): Set<string> {
  const keys = new Set<string>();
  if (!html.includes(marker)) return keys;
  const pattern = new RegExp(`(?:href|src)=(["'])\\{\\{reader\\.(${keySource})\\}\\}\\1`, 'g');
  for (let found = pattern.exec(html); found; found = pattern.exec(html)) keys.add(found[2] as string);
  return keys;
}

function splitPart(value: string, html: boolean, urls: ReadonlySet<string>, keys: Set<string>): SplitPart {
  if (!value.includes(marker)) return { statics: [value], tokens: [] };
  const statics: string[] = [];
  const tokens: ReaderToken[] = [];
  let last = 0;
  // A local regex: splitting is re-entrant (a replace callback may render and split again).
  const pattern = new RegExp(tokenSource, 'g');
  for (let found = pattern.exec(value); found; found = pattern.exec(value)) {
    const key = found[1] as string;
    const written = found[2];
    statics.push(value.slice(last, found.index));
    tokens.push({
      key,
      fallback: written === undefined ? undefined : html ? unescapeHtml(written) : written,
      url: urls.has(key),
    });
    keys.add(key);
    last = found.index + found[0].length;
  }
  statics.push(value.slice(last));
  return { statics, tokens };
}

/**
 * A result split at its reader tokens, cached per result object (results are not changed after
 * rendering), so personalizing a million readers scans the edition once.
 */
export function splitReaderTokens(result: ReaderTokenSource): SplitResult {
  let hit = split.get(result);
  if (hit === undefined) {
    const urls = urlKeys(result.html);
    const keys = new Set<string>();
    hit = {
      html: splitPart(result.html, true, urls, keys),
      text: splitPart(result.text, false, urls, keys),
      subject: splitPart(result.subject, false, urls, keys),
      preheader: splitPart(result.preheader, false, urls, keys),
      keys: [...keys],
    };
    split.set(result, hit);
  }
  return hit;
}

/**
 * The distinct reader keys a rendered edition uses, in order of first appearance: the fields a
 * sender must supply per recipient (missing ones get the token's fallback, or nothing).
 *
 * @example
 * readerTokenKeys(result) // ['first_name', 'city']
 */
export function readerTokenKeys(result: ReaderTokenSource): string[] {
  return [...splitReaderTokens(result).keys];
}

function joinPart(part: SplitPart, name: ReaderTokenPart, replace: ReaderTokenReplacer): string {
  const { statics, tokens } = part;
  let out = statics[0] as string;
  for (let i = 0; i < tokens.length; i += 1) out += replace(tokens[i] as ReaderToken, name) + statics[i + 1];
  return out;
}

/**
 * Returns what replaces one token in one part. The string is inserted as it is: escaping for the
 * part (HTML in `html`, header rules in `subject`) is the replacer's job.
 */
export type ReaderTokenReplacer = (token: ReaderToken, part: ReaderTokenPart) => string;

/**
 * `html`, `text`, `subject` and `preheader` of a rendered edition with every reader token replaced
 * by what `replace` returns for it. ESP payload builders use it to write each ESP's merge syntax
 * (`%recipient.first_name%`, a SendGrid substitution key, SES `{{first_name}}`); `personalize` is
 * the per-reader form. Tokens are found once per result and cached.
 *
 * @example
 * const parts = mapReaderTokens(result, ({ key }) => `%recipient.${key}%`);
 */
export function mapReaderTokens(result: ReaderTokenSource, replace: ReaderTokenReplacer): ReaderTokenParts {
  const parts = splitReaderTokens(result);
  return {
    html: joinPart(parts.html, 'html', replace),
    text: joinPart(parts.text, 'text', replace),
    subject: joinPart(parts.subject, 'subject', replace),
    preheader: joinPart(parts.preheader, 'preheader', replace),
  };
}
