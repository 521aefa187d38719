/** `newsbrief lint`: Smart Brevity findings for one or more files; non-zero exit on errors. */
import { NewsbriefError } from '../errors.js';
import { lintBriefing } from '../lint/index.js';
import type { LintWarning } from '../lint/types.js';
import type { Briefing } from '../model.js';
import { formatWarning } from './format.js';
import { readBriefingInput } from './input.js';

export interface LintCommandOptions {
  format: 'text' | 'json';
  maxWarnings?: number;
}

interface FileReport {
  file: string;
  warnings: LintWarning[];
  /** Set when the file could not be read, parsed or validated. */
  error?: string;
}

export async function lintCommand(files: string[], options: LintCommandOptions): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      const input = (await readBriefingInput(file)) as Briefing;
      reports.push({ file, warnings: lintBriefing(input) });
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

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
