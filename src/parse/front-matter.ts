/** YAML front matter: edition fields (`title`, `date`, `footer`…) written above the stories. */
// js-yaml is bundled into dist (see tsup.config.ts). It replaced `yaml`, whose document model
// newsbrief does not need, to keep the browser bundle small: 14 KB gzipped instead of 30 KB.
import { load, YAMLException } from 'js-yaml';
import { unknownFieldMessage } from '../did-you-mean.js';
import type { Briefing, Sponsor } from '../model.js';
import { parseError } from './errors.js';

/** Edition fields read from front matter; any other key is an error naming its line. */
export type FrontMatter = Partial<Omit<Briefing, 'stories'>> & Record<string, unknown>;

/** The front matter block and the source that follows it. */
export interface SplitSource {
  /** Parsed front matter, `undefined` when the source has none. */
  data: FrontMatter | undefined;
  /** The source after the closing `---`, or the whole source. */
  body: string;
  /** Lines before `body`, so body line numbers can be reported as source line numbers. */
  bodyLineOffset: number;
}

const fence = /^---[ \t]*$/;
const closingFence = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits off front matter between `---` lines at the very start of the source and parses it with
 * js-yaml (YAML 1.2 core schema: `date: 2026-03-14` stays text). Throws `NewsbriefError` naming the line of a YAML error, an unclosed block or
 * a field of the wrong type.
 */
export function splitFrontMatter(source: string): SplitSource {
  const lines = source.split('\n');
  if (!fence.test(lines[0] ?? '')) return { data: undefined, body: source, bodyLineOffset: 0 };
  const end = lines.findIndex((line, index) => index > 0 && closingFence.test(line));
  if (end < 0)
    throw parseError(1, 'front matter opened with "---" is never closed; add a "---" line after it');
  const yamlText = lines.slice(1, end).join('\n');
  return {
    data: parseYaml(yamlText, 1),
    body: lines.slice(end + 1).join('\n'),
    bodyLineOffset: end + 1,
  };
}

/** Anchors and aliases have no use in front matter; a few are allowed, a bomb of them is not. */
const maxAliases = 20;

function parseYaml(text: string, lineOffset: number): FrontMatter {
  let data: unknown;
  try {
    data = load(text, { maxAliases });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw parseError(
      lineOffset + (error.mark?.line ?? 0) + 1,
      `front matter is not valid YAML: ${error.reason}`,
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw parseError(
      lineOffset + firstContentLine(text),
      'front matter must be a mapping of fields such as "title: Morning Brief", found a single value or a list',
    );
  }
  const lines = fieldLines(text);
  const textLines = text.split('\n');
  return readFields(data as Record<string, unknown>, (path) => {
    const [name = '', ...nested] = path;
    let line = lines.get(name) ?? firstContentLine(text);
    for (const key of nested) line = nestedLine(textLines, line, key);
    return lineOffset + line;
  });
}

/**
 * The 1-based line of `key` inside the mapping that starts at `parentLine`: the first more
 * indented line below it that opens with the key, or the parent's line when it is written inline.
 */
function nestedLine(lines: readonly string[], parentLine: number, key: string): number {
  const indent = (line: string) => line.length - line.trimStart().length;
  const parentIndent = indent(lines[parentLine - 1] ?? '');
  for (let index = parentLine; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (indent(line) <= parentIndent) break;
    const name = topLevelKey.exec(line.trimStart().replace(/^-\s+/, ''));
    if ((name?.[1] ?? name?.[2] ?? name?.[3]?.trimEnd()) === key) return index + 1;
  }
  return parentLine;
}

/** The 1-based line of the first line that is neither blank nor a comment. */
function firstContentLine(text: string): number {
  const index = text.split('\n').findIndex((line) => !/^\s*(#.*)?$/.test(line));
  return index < 0 ? 1 : index + 1;
}

// Greedy up to the colon and trimmed in code: a lazy name followed by `\s*` retries every split of
// a run of spaces, which is quadratic.
const topLevelKey = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"][^:]*)):(?:\s|$)/;

/** The 1-based line of each top-level field (`title: …` at the start of a line), for errors. */
function fieldLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const match = topLevelKey.exec(line);
    const name = match?.[1] ?? match?.[2] ?? match?.[3]?.trimEnd();
    if (name !== undefined && !lines.has(name)) lines.set(name, index + 1);
  });
  return lines;
}

/** The line of a field by its path: `['footer', 'address']`. */
type LineOf = (path: readonly string[]) => number;

const textFields = new Set(['title', 'date', 'subject', 'preheader', 'greeting', 'locale', 'webUrl']);
const editionFields = [...textFields, 'dir', 'footer', 'sponsor'];
const footerFields = ['text', 'address', 'unsubscribeUrl', 'preferencesUrl'] as const;
const sponsorText = ['label', 'headline', 'text', 'url'] as const;
const sponsorFields = [...sponsorText, 'image', 'after'];
const imageText = ['src', 'alt', 'href', 'credit'] as const;
const imageFields = [...imageText, 'width', 'height', 'aspectRatio'];

/** Keys that could reach an object's prototype once the data is copied or merged. */
const reservedKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses a key the briefing format does not have: a misspelt `titel:` would otherwise be
 * dropped by validation and the edition sent without its title, so the error names the line and
 * the field that was meant. `__proto__`, `constructor` and `prototype` are refused by name.
 */
function checkKeys(map: object, path: readonly string[], known: readonly string[], lineOf: LineOf): void {
  for (const key of Object.keys(map)) {
    if (known.includes(key)) continue;
    const field = [...path, key].join('.');
    const line = lineOf([...path, key]);
    if (reservedKeys.has(key)) {
      throw parseError(line, `front matter field "${field}" is not allowed: it names a JavaScript internal`);
    }
    throw parseError(line, `front matter field "${field}": ${unknownFieldMessage(key, known)}`);
  }
}

function readFields(map: Record<string, unknown>, lineOf: LineOf): FrontMatter {
  if (Object.hasOwn(map, 'stories')) {
    throw parseError(
      lineOf(['stories']),
      'stories come from the "# Headline" sections below the front matter, not from a "stories" field',
    );
  }
  checkKeys(map, [], editionFields, lineOf);
  const out: FrontMatter = {};
  for (const [name, value] of Object.entries(map)) {
    const line = lineOf([name]);
    if (value === null || value === undefined) continue;
    if (textFields.has(name)) out[name] = text(value, name, line);
    else if (name === 'dir') out.dir = direction(value, line);
    else if (name === 'footer') out.footer = record(value, ['footer'], lineOf, footerFields, footerFields);
    else if (name === 'sponsor') out.sponsor = sponsor(value, lineOf);
  }
  return out;
}

/** YAML turns `title: 2026` into a number; a number or boolean is the text the author typed. */
function text(value: unknown, field: string, line: number): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw parseError(line, `front matter field "${field}" must be text, found ${kind(value)}`);
}

function direction(value: unknown, line: number): 'ltr' | 'rtl' {
  const dir = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (dir === 'ltr' || dir === 'rtl') return dir;
  throw parseError(line, `front matter field "dir" must be "ltr" or "rtl", found ${kind(value)}`);
}

function record<K extends string>(
  value: unknown,
  path: readonly string[],
  lineOf: LineOf,
  known: readonly string[],
  texts: readonly K[],
): Record<string, unknown> & Partial<Record<K, string>> {
  const field = path.join('.');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw parseError(lineOf(path), `front matter field "${field}" must be a mapping, found ${kind(value)}`);
  }
  checkKeys(value, path, known, lineOf);
  const out: Record<string, unknown> = { ...value };
  for (const name of texts) {
    const item = out[name];
    if (item === null || item === undefined) delete out[name];
    else out[name] = text(item, `${field}.${name}`, lineOf([...path, name]));
  }
  return out as Record<string, unknown> & Partial<Record<K, string>>;
}

/** Only the field types are checked; a missing sponsor headline is left for the validator to name. */
function sponsor(value: unknown, lineOf: LineOf): Sponsor {
  const out = record(value, ['sponsor'], lineOf, sponsorFields, sponsorText);
  const numberAt = (path: string[], item: unknown) => count(item, path.join('.'), lineOf(path));
  if (out.after !== undefined && out.after !== null) out.after = numberAt(['sponsor', 'after'], out.after);
  if (out.image !== undefined && out.image !== null) {
    const image = record(out.image, ['sponsor', 'image'], lineOf, imageFields, imageText);
    for (const name of ['width', 'height', 'aspectRatio'] as const) {
      if (image[name] !== undefined && image[name] !== null)
        image[name] = numberAt(['sponsor', 'image', name], image[name]);
    }
    out.image = image;
  }
  return out as unknown as Sponsor;
}

function count(value: unknown, field: string, line: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  throw parseError(line, `front matter field "${field}" must be a number, found ${kind(value)}`);
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}
