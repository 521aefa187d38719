/**
 * The editor's source pane → briefing data, and back: where in the text a field path, a parse
 * error or a syntax error sits. JSON is told from authoring text (Markdown or pasted plain text)
 * the way the CLI tells stdin: by a leading `{` or `[`.
 */
import { BriefingValidationError, NewsbriefError } from '../errors.js';
import { SourceLineError } from '../parse/errors.js';
import { looksLikeJson, parseBriefing } from '../parse/index.js';
import { nearest, positionAt, type SourcePosition } from '../parse/positions.js';
import { maxJsonDepth, type SourceRange, scanJson, tooDeepAt } from './json-source.js';

export type { SourceRange } from './json-source.js';

/** A source read as briefing data (not yet validated: the renderer does that). */
export interface ReadSource {
  data: unknown;
  /** The range of the field at `path` (or of its nearest ancestor that is written), if known. */
  locate(path: string): SourceRange | undefined;
}

/** Why a source does not render, and where in the text: shown beside that line. */
export interface SourceProblem {
  message: string;
  range?: SourceRange;
}

/**
 * Reads the source pane. Throws a `NewsbriefError` for text that is not a briefing: invalid JSON
 * (with the line and column), or authoring text `parseBriefing` rejects (`Line 3: …`).
 */
export function readSource(text: string): ReadSource {
  if (looksLikeJson(text)) return readJson(text);
  const { briefing, positions } = parseBriefing(text, { positions: true });
  return {
    data: briefing,
    locate(path) {
      const position = positionAt(positions, path);
      return position && rangeOf(text, position);
    },
  };
}

/** A parser position (1-based lines and columns, end exclusive) as offsets into `text`. */
function rangeOf(text: string, position: SourcePosition): SourceRange {
  // The parser drops a byte-order mark before counting columns.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const offset = (line: number, column: number) =>
    lineRange(text, line).start + column - 1 + (line === 1 ? bom : 0);
  return { start: offset(position.line, position.column), end: offset(position.endLine, position.endColumn) };
}

function readJson(text: string): ReadSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const scanned = scanJson(text);
    const at = 'errorAt' in scanned ? scanned.errorAt : text.length;
    if ('tooDeep' in scanned) throw tooDeep(text, at);
    const { line, column } = lineColumn(text, at);
    // V8 appends "in JSON at position 42 (line 3 column 5)"; the editor says where itself.
    const reason = (error as Error).message.replace(/,? in JSON at position[\s\S]*$/, '');
    throw new JsonSyntaxError(`Line ${line}, column ${column}: not valid JSON: ${reason}`, at);
  }
  // Valid JSON may still nest deeper than the scanner that locates fields will read.
  const deep = tooDeepAt(text);
  if (deep !== undefined) throw tooDeep(text, deep);
  let ranges: Map<string, SourceRange> | undefined;
  return {
    data,
    locate(path) {
      // Scanned on first use: most keystrokes need no position at all.
      if (ranges === undefined) {
        const scanned = scanJson(text);
        ranges = 'errorAt' in scanned ? new Map() : scanned;
      }
      // A story alone is linted as a one-story briefing (`stories[0].lede`); its JSON has no `stories`.
      const own = isStoryAlone(data) ? path.replace(/^stories\[0\]\.?/, '') : path;
      return nearest(own, (candidate) => ranges?.get(candidate));
    },
  };
}

/** JSON nested deeper than the editor reads, at the bracket that opens one level too many. */
function tooDeep(text: string, at: number): JsonSyntaxError {
  const { line, column } = lineColumn(text, at);
  return new JsonSyntaxError(
    `Line ${line}, column ${column}: JSON nested deeper than ${maxJsonDepth} levels (a briefing nests 8 at most)`,
    at,
  );
}

function isStoryAlone(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !('stories' in data) && 'headline' in data;
}

/** Invalid JSON, with the offset the syntax breaks at. */
class JsonSyntaxError extends NewsbriefError {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The range of a 1-based line (without its line break); the last line when `line` is past the end. */
function lineRange(text: string, line: number): SourceRange {
  let start = 0;
  for (let n = 1; n < line; n += 1) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, end: end === -1 ? text.length : end };
}

/** Turns an error from reading or rendering the source into a message and the range it is about. */
export function sourceProblem(
  error: NewsbriefError,
  text: string,
  read: ReadSource | undefined,
): SourceProblem {
  if (error instanceof JsonSyntaxError) {
    return { message: error.message, range: { start: error.offset, end: error.offset } };
  }
  if (error instanceof BriefingValidationError && read !== undefined) {
    for (const issue of error.issues) {
      const range = read.locate(issue.path);
      if (range !== undefined) return { message: withLine(error.message, text, range), range };
    }
    return { message: error.message };
  }
  return error instanceof SourceLineError
    ? { message: error.message, range: lineRange(text, error.line) }
    : { message: error.message };
}

function withLine(message: string, text: string, range: SourceRange): string {
  const { line, column } = lineColumn(text, range.start);
  return `Line ${line}, column ${column}: ${message}`;
}
