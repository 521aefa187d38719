/**
 * `newsbrief.config.json` / `newsbrief.config.js`: the render and lint options the library takes
 * (theme, templates, linkParams, labels, toc, lint rules, limits, minify), set once for a project.
 * Found in the working folder or named with `--config <file>`; flags override it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from 'commander';
import { unknownFieldMessage } from '../did-you-mean.js';
import { NewsbriefError } from '../errors.js';
import { resolveRules } from '../lint/rules.js';
import type { LintOptions } from '../lint/types.js';
import { defaultLabels, type Labels, resolveLabels } from '../render/labels.js';
import type { Theme } from '../render/theme.js';
import { type BriefingLimits, describe, limitNames } from '../schema.js';
import { CommandError, fileFailure, onFile, type Place, where } from './failure.js';
import { parseJsonText } from './json-text.js';

/** What a config file may set. Paths in it are relative to the config file's folder. */
export interface CliConfig {
  /** Theme tokens, or the path of a JSON file of them. */
  theme?: Theme | string;
  /** A folder of template partials, or a module from `newsbrief build-templates`. */
  templates?: string;
  linkParams?: Record<string, string>;
  labels?: Labels;
  toc?: boolean | { minStories?: number };
  lint?: Pick<LintOptions, 'rules'>;
  limits?: BriefingLimits;
  minify?: boolean;
}

/** A config read from a file: its values, the file, and where each value is written in it. */
export interface LoadedConfig {
  config: CliConfig;
  /** The file as given or found; `undefined` when there is none. */
  file?: string;
  locate: (path: string) => Place | undefined;
}

/** Config file names looked for in the working folder, in this order. */
export const configNames = [
  'newsbrief.config.json',
  'newsbrief.config.js',
  'newsbrief.config.mjs',
  'newsbrief.config.cjs',
];

const configKeys = ['theme', 'templates', 'linkParams', 'labels', 'toc', 'lint', 'limits', 'minify'] as const;

/**
 * Loads `--config <file>`, or the one config file in `cwd`, or none. Throws a `CommandError`
 * naming the file (and `file:line:col` for JSON) when it cannot be read or holds a bad value.
 */
export async function loadConfig(file: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const none: LoadedConfig = { config: {}, locate: () => undefined };
  if (file === undefined) {
    const found = configNames.filter((name) => existsSync(resolve(cwd, name)));
    if (found.length > 1) {
      throw new CommandError(found.join(', '), 'more than one config file in this folder; keep one');
    }
    if (found[0] === undefined) return none;
    file = found[0];
  }
  const path = resolve(cwd, file);
  const { data, locate } = /\.(c|m)?js$/.test(file)
    ? await importConfig(file, path)
    : await readConfig(file, path);
  const config = checkConfig(data, file, locate);
  // Paths in the file are relative to it, not to wherever the command runs.
  if (typeof config.theme === 'string') config.theme = resolve(dirname(path), config.theme);
  if (config.templates !== undefined) config.templates = resolve(dirname(path), config.templates);
  return { config, file, locate };
}

async function readConfig(file: string, path: string) {
  const text = await onFile(file, () => readFile(path, 'utf8'));
  return parseJsonText(text, file);
}

async function importConfig(file: string, path: string) {
  if (!existsSync(path)) throw new CommandError(file, 'no such file or folder');
  const module = (await import(pathToFileURL(path).href).catch((error: Error) => {
    throw new CommandError(file, `cannot load: ${error.message.split('\n')[0]}`);
  })) as { default?: unknown };
  return { data: module.default, locate: () => undefined };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks every value a config file sets; the first problem is thrown with its path. */
function checkConfig(data: unknown, file: string, locate: (path: string) => Place | undefined): CliConfig {
  const fail = (path: string, message: string): never => {
    throw new CommandError(where(file, locate(path)), `${path || '(root)'}: ${message}`);
  };
  const keys = (value: Record<string, unknown>, path: string, known: readonly string[]) => {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) fail(path ? `${path}.${key}` : key, unknownFieldMessage(key, known));
    }
  };
  if (!isRecord(data)) {
    return fail('', `expected an object of options (${configKeys.join(', ')}), found ${describe(data)}`);
  }
  keys(data, '', configKeys);
  const config = data as CliConfig;
  const { theme, templates, linkParams, labels, toc, lint, limits, minify } = data;
  if (theme !== undefined && typeof theme !== 'string' && !isRecord(theme))
    fail('theme', `expected theme tokens or the path of a JSON file of them, found ${describe(theme)}`);
  if (templates !== undefined && typeof templates !== 'string')
    fail('templates', `expected the path of a folder or module, found ${describe(templates)}`);
  if (minify !== undefined && typeof minify !== 'boolean')
    fail('minify', `expected true or false, found ${describe(minify)}`);
  if (linkParams !== undefined) {
    if (!isRecord(linkParams))
      fail('linkParams', `expected an object of name → value, found ${describe(linkParams)}`);
    for (const [name, value] of Object.entries(linkParams as object))
      if (typeof value !== 'string')
        fail(`linkParams.${name}`, `expected a string, found ${describe(value)}`);
  }
  if (labels !== undefined) {
    if (!isRecord(labels)) fail('labels', `expected an object of label → text, found ${describe(labels)}`);
    keys(labels as Record<string, unknown>, 'labels', ['countLine', ...Object.keys(defaultLabels)]);
    library(() => resolveLabels(labels as Labels));
  }
  if (toc !== undefined && typeof toc !== 'boolean') {
    if (!isRecord(toc)) fail('toc', `expected true, false or { minStories }, found ${describe(toc)}`);
    keys(toc as Record<string, unknown>, 'toc', ['minStories']);
    const min = (toc as { minStories?: unknown }).minStories;
    if (min !== undefined && !(Number.isInteger(min) && (min as number) >= 1))
      fail('toc.minStories', `expected a whole number of at least 1, found ${describe(min)}`);
  }
  if (lint !== undefined) {
    if (!isRecord(lint)) fail('lint', `expected { rules: { … } }, found ${describe(lint)}`);
    keys(lint as Record<string, unknown>, 'lint', ['rules']);
    library(() => resolveRules(lint as LintOptions));
  }
  if (limits !== undefined) {
    if (!isRecord(limits)) fail('limits', `expected an object of limits, found ${describe(limits)}`);
    keys(limits as Record<string, unknown>, 'limits', limitNames);
    for (const [name, value] of Object.entries(limits as object))
      if (!(Number.isInteger(value) && value >= 1))
        fail(`limits.${name}`, `expected a whole number of at least 1, found ${describe(value)}`);
  }
  return config;

  /** Runs the library's own check of a value, its error named after the config file. */
  function library(check: () => unknown): void {
    try {
      check();
    } catch (error) {
      if (error instanceof NewsbriefError) throw fileFailure(file, error, locate);
      throw error;
    }
  }
}

/**
 * `--link-param utm_source=newsletter` (repeatable) → `{ utm_source: 'newsletter' }`; commander
 * calls this once per flag with the object so far.
 */
export function linkParamFlag(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) {
    throw new InvalidArgumentError(`expected name=value such as utm_source=newsletter`);
  }
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
