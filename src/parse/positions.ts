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

/**
 * The position of `path`, or of the nearest enclosing path that has one: a lint finding at
 * `stories[0].sections[1].body[2].bullets[0]` points at that bullet, or at its list, its section
 * or its story, whichever the parse recorded.
 */
export function positionAt(positions: SourcePositions, path: string): SourcePosition | undefined {
  return nearest(path, (candidate) => positions[candidate]);
}

/** The path's own entry, or the closest ancestor's: a missing `stories[0].headline` finds `stories[0]`. */
export function nearest<T>(path: string, lookup: (path: string) => T | undefined): T | undefined {
  for (let candidate: string | undefined = path; candidate !== undefined; candidate = parentPath(candidate)) {
    const found = lookup(candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `stories[0].sections[1]` → `stories[0]`, `stories[0]` → `stories`, `stories` → `''` (the root). */
function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut < 0 ? '' : path.slice(0, cut);
}
