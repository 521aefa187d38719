/** `newsbrief lint`: Smart Brevity findings for files and folders; non-zero exit on errors. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { NewsbriefError } from '../errors.js';
import { lintBriefing } from '../lint/index.js';
import type { Briefing } from '../model.js';
import { loadConfig } from './config.js';
import { CommandError, onFile, type Problem } from './failure.js';
import { formatWarning, type PlacedWarning, placeWarning } from './format.js';
import { displayName, readBriefingSource, withinSource } from './input.js';
import { print, printError, printJson } from './terminal.js';

export interface LintCommandOptions {
  format: 'text' | 'json';
  maxWarnings?: number;
  config?: string;
}

interface FileReport {
  file: string;
  warnings: PlacedWarning[];
  /** Set when the file could not be read, parsed or validated: each problem on its own line. */
  error?: string;
  /** Where each problem is, for the text report (`file:line:col`). */
  problems?: readonly Problem[];
}

/** Extensions of the briefing files `lint` reads from a folder. */
const briefingExtensions = new Set(['.json', '.md', '.txt']);

/**
 * True for a JSON file found in a folder that is not a briefing: valid JSON without `title`,
 * `stories` or `headline` (package.json, options and config files). Invalid JSON is linted, so
 * its syntax error is reported.
 */
async function isOtherJson(file: string): Promise<boolean> {
  if (extname(file).toLowerCase() !== '.json') return false;
  try {
    const data: unknown = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
    return !(
      typeof data === 'object' &&
      data !== null &&
      ['title', 'stories', 'headline'].some((key) => key in data)
    );
  } catch {
    return false;
  }
}

/**
 * The files to lint: files as given, and for a folder, the `.md` and `.txt` files and the
 * briefing `.json` files in it and its subfolders (not hidden ones, nor `node_modules`), sorted.
 */
export async function lintTargets(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (path === '-' || !(await onFile(path, () => stat(path))).isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await onFile(path, () => readdir(path, { recursive: true }));
    const found = entries
      .filter((entry) => briefingExtensions.has(extname(entry).toLowerCase()))
      .filter(
        (entry) => !entry.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'),
      )
      .sort()
      .map((entry) => join(path, entry));
    const briefings: string[] = [];
    for (const file of found) if (!(await isOtherJson(file))) briefings.push(file);
    if (briefings.length === 0) throw new CommandError(path, 'no .json, .md or .txt files in this folder');
    files.push(...briefings);
  }
  return files;
}

export async function lintCommand(paths: string[], options: LintCommandOptions): Promise<number> {
  const loaded = await loadConfig(options.config);
  const lintOptions = loaded.config.lint ?? {};
  const files = await lintTargets(paths);
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      const source = await readBriefingSource(file);
      const warnings = withinSource(source, () => lintBriefing(source.input as Briefing, lintOptions));
      reports.push({ file, warnings: warnings.map((warning) => placeWarning(warning, source)) });
    } catch (error) {
      if (!(error instanceof NewsbriefError)) throw error;
      const problems =
        error instanceof CommandError ? error.problems : [{ at: displayName(file), message: error.message }];
      reports.push({ file, warnings: [], error: problems.map((p) => p.message).join('\n'), problems });
    }
  }
  const all = reports.flatMap((report) => report.warnings);
  const failed = reports.filter((r) => r.error).length;
  const errors = all.filter((warning) => warning.severity === 'error').length + failed;
  const warnings = all.filter((warning) => warning.severity === 'warning').length;

  if (options.format === 'json') {
    printJson(reports.map(({ problems: _problems, ...report }) => report));
  } else {
    for (const report of reports) {
      for (const problem of report.problems ?? []) print(`${problem.at}: error ${problem.message}\n`);
      for (const warning of report.warnings) print(`${formatWarning(displayName(report.file), warning)}\n`);
    }
    const infos = all.length - warnings - (errors - failed);
    print(
      `\n${count(errors, 'error')}, ${count(warnings, 'warning')}, ${infos} info in ${count(files.length, 'file')}\n`,
    );
  }
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    printError(`Too many warnings: ${warnings} (max ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
