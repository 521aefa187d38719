/** Where parsed parts of a briefing were written in the source, for editors and `file:line:col` lint. */

/**
 * A span of the source: 1-based line and column of its first character, and of the character
 * just after its last one (`endColumn` is exclusive, as in editors and ESLint).
 */
export interface SourcePosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Positions by briefing path: `stories[0].headline`, `stories[1].sections[0]`,
 * `stories[0].sections[2].body[1]`, `stories[0].sections[2].body[1].bullets[0]`, `stories[0].source`.
 */
export type SourcePositions = Record<string, SourcePosition>;

/** The span from the start of `first` to the end of `last`. */
export function span(first: SourcePosition, last: SourcePosition): SourcePosition {
  return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
}

/** The span of `text` written from `line`/`column` (its line breaks move the end down). */
export function spanOf(text: string, line: number, column: number): SourcePosition {
  // trimEnd, not /\s+$/: the regex retries from every space of a long run (quadratic).
  const trimmed = text.trimEnd();
  const lastBreak = trimmed.lastIndexOf('\n');
  if (lastBreak < 0) return { line, column, endLine: line, endColumn: column + trimmed.length };
  let breaks = 0;
  for (let index = 0; index < trimmed.length; index += 1) if (trimmed.charCodeAt(index) === 10) breaks += 1;
  return { line, column, endLine: line + breaks, endColumn: trimmed.length - lastBreak };
}

/**
 * The position of `path`, or of the nearest enclosing path that has one: a lint finding at
 * `stories[0].sections[1].body[2].bullets[0]` points at that bullet, or at its list, its section
 * or its story, whichever the parse recorded.
 */
export function positionAt(positions: SourcePositions, path: string): SourcePosition | undefined {
  let current = path;
  for (;;) {
    const found = positions[current];
    if (found) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return undefined;
    current = current.slice(0, cut);
  }
}
