/**
 * Characters that no story needs and that can hurt what carries it: control characters (a NUL or
 * an ESC reaches logs, terminals and mail headers), unpaired surrogates (half a character, which
 * encoders turn into U+FFFD or refuse), and bidirectional overrides that reorder what a reader
 * sees (Trojan Source: a link label that reads one way and is another).
 */

/** Every character one of the checks below may refuse; text without any of them skips the scans. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module does
const suspect = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; unpaired surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module does
const textControl = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\p{Cs}/u;

/** In a URL no control character is whitespace to keep: tab and line breaks are refused too. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module does
const urlControl = /[\0-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

/** Every control character, for values that are one line (a font stack). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module does
const lineControl = /[\0-\x1f\x7f-\x9f]/;

/** Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). */
const bidiControl = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * Characters of right-to-left scripts: the ranges Unicode gives right-to-left direction by
 * default (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms,
 * and the right-to-left blocks beyond the BMP).
 */
const rightToLeftScript = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

const characterNames: Record<number, string> = {
  0: 'NULL',
  9: 'TAB',
  10: 'LINE FEED',
  13: 'CARRIAGE RETURN',
  27: 'ESCAPE',
  127: 'DELETE',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
};

/** `U+001B (ESCAPE)`, `U+0007`: how an error names a character a reader cannot see. */
export function codePointName(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = characterNames[codePoint];
  return name ? `${hex} (${name})` : hex;
}

/** The 1-based position of the character at UTF-16 `index`, counting an emoji as one character. */
function characterNumber(value: string, index: number): number {
  return [...value.slice(0, index)].length + 1;
}

/** `found U+001B (ESCAPE) at character 7` for the first match of `pattern`, counted in code points from 1. */
function found(value: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(value);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0) as number;
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  return `found ${surrogate ? 'an unpaired surrogate ' : ''}${codePointName(codePoint)} at character ${characterNumber(value, match.index)}${surrogate ? ' (half of an emoji or other character, cut off)' : ''}`;
}

/**
 * Why a text field is refused, or `undefined`. Tab and line breaks are text; other control
 * characters and unpaired surrogates never are. Bidirectional embeddings, overrides and isolates
 * are kept where the direction needs them: in right-to-left briefings (`rightToLeft`) and in text
 * that contains right-to-left script; elsewhere they can only disguise left-to-right text. Where
 * kept, each must be closed in the same field, so its direction cannot spill into what follows.
 */
export function textCharacterProblem(value: string, rightToLeft: boolean): string | undefined {
  if (!suspect.test(value)) return undefined;
  const control = found(value, textControl);
  if (control) return `expected text without control characters, ${control}`;
  if (!rightToLeft && !rightToLeftScript.test(value)) {
    return `expected no bidirectional override, embedding or isolate in left-to-right text, ${found(value, bidiControl)}; they are kept only in right-to-left briefings and in text with right-to-left script`;
  }
  const unclosed = unclosedBidi(value);
  if (unclosed === undefined) return undefined;
  const opener = value.charCodeAt(unclosed);
  const closer = opener >= 0x2066 ? 0x2069 : 0x202c;
  return `expected each bidirectional embedding, override or isolate to be closed in the same field, found ${codePointName(opener)} at character ${characterNumber(value, unclosed)} without a ${codePointName(closer)} after it`;
}

/** `found U+000A (LINE FEED) at character 6` for a control character in a one-line value, else `undefined`. */
export function lineControlFound(value: string): string | undefined {
  return found(value, lineControl);
}

/** Why a URL is refused for its characters, or `undefined`: no control or bidi character at all. */
export function urlCharacterProblem(value: string): string | undefined {
  const control = found(value, urlControl);
  return control && `expected a URL without control or bidirectional formatting characters, ${control}`;
}

/**
 * Index of the first embedding, override or isolate left open at the end of `value`, or
 * `undefined`. As in the Unicode bidi algorithm, PDF closes the latest embedding or override but
 * not across an isolate, and PDI closes the latest isolate with everything opened inside it.
 */
function unclosedBidi(value: string): number | undefined {
  const open: { at: number; isolate: boolean }[] = [];
  for (let at = 0; at < value.length; at += 1) {
    const code = value.charCodeAt(at);
    if (code >= 0x202a && code <= 0x202e && code !== 0x202c) open.push({ at, isolate: false });
    else if (code >= 0x2066 && code <= 0x2068) open.push({ at, isolate: true });
    else if (code === 0x202c) {
      if (open.length > 0 && !open[open.length - 1]?.isolate) open.pop();
    } else if (code === 0x2069) {
      // findLastIndex is ES2023; consumers' type checks of a built .ts may target less.
      let isolate = open.length - 1;
      while (isolate >= 0 && !open[isolate]?.isolate) isolate -= 1;
      if (isolate >= 0) open.length = isolate;
    }
  }
  return open[0]?.at;
}

/** CRLF and lone CR → LF: text pasted from Windows or old Mac files breaks paragraphs like any other. */
export function normalizeLineBreaks(value: string): string {
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}
