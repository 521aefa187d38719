/** Terminal formatting of lint findings, ESLint-style: `file  path  severity  message  rule`. */
import type { LintWarning } from '../lint/types.js';

export function formatWarning(file: string, warning: LintWarning): string {
  return `${file}: ${warning.severity} ${warning.path || '(edition)'}: ${warning.message} [${warning.rule}]`;
}
