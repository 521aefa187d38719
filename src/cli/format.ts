/**
 * Terminal formatting of lint findings. With a source position it is
 * `file:line:col: severity message [rule]`, the form ESLint, tsc and editors' problem matchers
 * read; without one, `file: severity path: message [rule]`.
 */
import type { LintWarning } from '../lint/types.js';
import type { SourcePosition, SourcePositions } from '../parse/positions.js';
import { positionAt } from '../parse/positions.js';

/** A finding, with where it was written when the file is Markdown or plain text. */
export type PlacedWarning = LintWarning & Partial<SourcePosition>;

export function formatWarning(file: string, warning: PlacedWarning): string {
  if (warning.line !== undefined) {
    return `${file}:${warning.line}:${warning.column}: ${warning.severity} ${warning.message} [${warning.rule}]`;
  }
  return `${file}: ${warning.severity} ${warning.path || '(edition)'}: ${warning.message} [${warning.rule}]`;
}

/**
 * The finding with the span of its path, or of the nearest enclosing path the parse recorded,
 * when the source is Markdown or plain text; edition-wide findings point at the start of the file.
 */
export function placeWarning(warning: LintWarning, source: { positions?: SourcePositions }): PlacedWarning {
  if (!source.positions) return warning;
  const position = positionAt(source.positions, warning.path) ?? {
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  return { ...warning, ...position };
}
