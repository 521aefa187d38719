/**
 * Terminal formatting of lint findings. With a source position (Markdown and plain text) it is
 * `file:line:col: severity message [rule]`, the form ESLint, tsc and editors' problem matchers
 * read; without one (JSON), `file: severity path: message [rule]`.
 */
import type { LintWarning } from '../lint/types.js';
import type { SourcePosition } from '../parse/positions.js';

export function formatWarning(file: string, warning: LintWarning & Partial<SourcePosition>): string {
  if (warning.line !== undefined) {
    return `${file}:${warning.line}:${warning.column}: ${warning.severity} ${warning.message} [${warning.rule}]`;
  }
  return `${file}: ${warning.severity} ${warning.path || '(edition)'}: ${warning.message} [${warning.rule}]`;
}
