/**
 * JSON files read by the CLI (briefings, themes, config): a syntax error names `file:line:col`
 * and what was found there, worded the same on every Node version (V8's own message and its
 * position format differ between Node 20, 22 and 24), and a field can be located by its path.
 */
import { nearest } from '../parse/positions.js';
import { scanJson } from '../preview/json-source.js';
import { lineColumn } from '../preview/source.js';
import { CommandError, type Place, where } from './failure.js';

/** Parsed JSON and where each field of it is written. */
export interface JsonText {
  data: unknown;
  /** The line and column of the value at `path` (or its nearest written ancestor). */
  locate(path: string): Place | undefined;
}

/** Scans once, on first use; a text too deeply nested to scan has no places. */
function scanner(text: string) {
  let ranges: Map<string, { start: number }> | undefined;
  return (path: string): Place | undefined => {
    if (ranges === undefined) {
      try {
        const scanned = scanJson(text);
        ranges = 'errorAt' in scanned ? new Map() : scanned;
      } catch {
        ranges = new Map();
      }
    }
    const range = nearest(path, (candidate) => ranges?.get(candidate));
    return range && lineColumn(text, range.start);
  };
}

/** What was found at a syntax error, and a hint for the usual slips. */
function syntaxProblem(text: string, offset: number): string {
  if (offset >= text.length) return 'the text ends early; a closing "}", "]" or \'"\' is missing';
  const char = text[offset] as string;
  const before = text.slice(0, offset).trimEnd();
  if ((char === '}' || char === ']') && before.endsWith(','))
    return `found "${char}" after a trailing comma; JSON allows no comma before a closing bracket`;
  if (char === "'") return "found ' ; JSON strings and keys use double quotes";
  if (char === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*'))
    return 'found a comment; JSON has no comments';
  const code = char.charCodeAt(0);
  const shown =
    code < 0x20 || code === 0x7f
      ? `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`
      : `"${char}"`;
  if (/[A-Za-z_$]/.test(char) && /[{,]$/.test(before))
    return `found ${shown}; JSON keys are written in double quotes`;
  return `found ${shown} where it cannot stand`;
}

/**
 * Parses `text` (a leading UTF-8 byte order mark is dropped) as JSON from `file`, or throws a
 * `CommandError` reading `file:3:5: not valid JSON: found "}" after a trailing comma; …`.
 */
export function parseJsonText(text: string, file: string): JsonText {
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    let offset = source.length;
    try {
      const scanned = scanJson(source);
      if ('errorAt' in scanned) offset = scanned.errorAt;
    } catch {
      // Too deeply nested to scan: report the error at the end.
    }
    throw new CommandError(
      where(file, lineColumn(source, offset)),
      `not valid JSON: ${syntaxProblem(source, offset)}`,
    );
  }
  return { data, locate: scanner(source) };
}
