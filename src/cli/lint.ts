/** `newsbrief lint`: Smart Brevity findings for one or more files; non-zero exit on errors. */
import { NewsbriefError } from '../errors.js';
import { lintBriefing } from '../lint/index.js';
import type { LintWarning } from '../lint/types.js';
import type { Briefing } from '../model.js';
import { positionAt, type SourcePosition, type SourcePositions } from '../parse/positions.js';
import { formatWarning } from './format.js';
import { readBriefingSource } from './input.js';

export interface LintCommandOptions {
  format: 'text' | 'json';
  maxWarnings?: number;
}

/** A finding, with where it was written when the file is Markdown or plain text. */
type PlacedWarning = LintWarning & Partial<SourcePosition>;

interface FileReport {
  file: string;
  warnings: PlacedWarning[];
  /** Set when the file could not be read, parsed or validated. */
  error?: string;
}

export async function lintCommand(files: string[], options: LintCommandOptions): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      const { input, positions } = await readBriefingSource(file);
      const warnings = lintBriefing(input as Briefing);
      reports.push({
        file,
        warnings: positions ? warnings.map((warning) => place(warning, positions)) : warnings,
      });
    } catch (error) {
      if (!(error instanceof NewsbriefError)) throw error;
      reports.push({ file, warnings: [], error: error.message });
    }
  }
  const all = reports.flatMap((report) => report.warnings);
  const errors =
    all.filter((warning) => warning.severity === 'error').length + reports.filter((r) => r.error).length;
  const warnings = all.filter((warning) => warning.severity === 'warning').length;

  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    for (const report of reports) {
      if (report.error) process.stdout.write(`${report.file}: error ${report.error}\n`);
      for (const warning of report.warnings) process.stdout.write(`${formatWarning(report.file, warning)}\n`);
    }
    const infos = all.length - warnings - (errors - reports.filter((r) => r.error).length);
    process.stdout.write(
      `\n${count(errors, 'error')}, ${count(warnings, 'warning')}, ${infos} info in ${count(files.length, 'file')}\n`,
    );
  }
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`Too many warnings: ${warnings} (max ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/**
 * The finding with the span of its path, or of the nearest enclosing path the parse recorded;
 * edition-wide findings (no story path) point at the start of the file.
 */
function place(warning: LintWarning, positions: SourcePositions): PlacedWarning {
  const position = positionAt(positions, warning.path) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { ...warning, ...position };
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
