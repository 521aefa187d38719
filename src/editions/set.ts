/**
 * The edition set: many editions of one newsletter (city editions, language editions) in one JSON
 * document. Defaults every edition shares, a pool of shared stories each with an `id`, and the
 * editions, each naming pool stories by id or carrying its own. This module holds the types and
 * the structural checks (keys, ids, references); src/editions/validate.ts checks the content.
 */
import { unknownFieldMessage } from '../did-you-mean.js';
import type { ValidationIssue } from '../errors.js';
import type { LintOptions } from '../lint/types.js';
import type { Briefing, Story } from '../model.js';
import type { Labels } from '../render/labels.js';
import type { RenderOptions, RenderResult } from '../render/renderer.js';
import type { Theme } from '../render/theme.js';
import { describe } from '../schema.js';

/** What every edition of a set gets unless it sets its own: any briefing field but `stories`. */
export type EditionDefaults = Partial<Omit<Briefing, 'stories'>>;

/** A story of the set's shared pool: a `Story` with the `id` editions name it by. */
export interface SharedStory extends Story {
  /** Letters, digits, `.`, `_` and `-`, starting with a letter or digit; unique in the pool. */
  id: string;
}

/**
 * Render settings one edition sets for itself, laid over the options the set is rendered with:
 * `theme` and `labels` key by key (an edition that changes `brandColor` keeps the logo),
 * the others replaced. `theme.width` is the template's layout and stays the renderer's.
 */
export interface EditionOptions {
  /** Brand tokens over the renderer's, key by key (see `RenderOptions.theme`). */
  theme?: Theme;
  /** Built-in text over the renderer's, key by key: translate it for an edition in another language. */
  labels?: Labels;
  /** Query parameters for this edition's links, instead of the renderer's (see `RenderOptions.linkParams`). */
  linkParams?: Record<string, string>;
  /** Table of contents for this edition (see `RenderOptions.toc`). */
  toc?: RenderOptions['toc'];
  /** Lint settings for this edition's warnings (see `RenderOptions.lint`). */
  lint?: LintOptions | false;
  /** See `RenderOptions.neutralizeMergeSyntax`. */
  neutralizeMergeSyntax?: boolean;
}

/** One edition: briefing fields (over the set's `defaults`), its stories and its own options. */
export interface EditionEntry extends EditionDefaults {
  /** Names the edition in results and errors; letters, digits, `.`, `_`, `-`; unique in the set. */
  id: string;
  /** In reading order: the `id` of a pool story, or a story of this edition alone. */
  stories: (string | Story)[];
  /** Render settings for this edition (see `EditionOptions`). */
  options?: EditionOptions;
}

/**
 * Many editions of one newsletter, as JSON. Each edition flattens to a `Briefing`: the defaults,
 * then the edition's own fields (`footer` merged field by field, any other field replaced whole),
 * and its stories with pool ids replaced by the pool's stories.
 *
 * @example
 * {
 *   "defaults": { "title": "Axios Local", "date": "2026-03-14", "footer": { "unsubscribeUrl": "*|UNSUB|*" } },
 *   "stories": [{ "id": "fed", "headline": "Fed signals a long pause" }],
 *   "editions": [
 *     { "id": "denver", "title": "Axios Denver", "stories": ["fed", { "headline": "Denver's snow budget runs dry" }] },
 *     { "id": "austin", "title": "Axios Austin", "stories": [{ "headline": "Austin's grid holds" }, "fed"] }
 *   ]
 * }
 */
export interface EditionSet {
  /** A JSON file may name its schema for editors; ignored. */
  $schema?: string;
  /** Briefing fields every edition gets unless it sets its own (`footer` field by field). */
  defaults?: EditionDefaults;
  /** The shared pool: stories editions name by `id`. */
  stories?: SharedStory[];
  /** At least one, at most 1,000, rendered in this order. */
  editions: EditionEntry[];
}

/** One rendered edition, in the set's order. */
export interface EditionResult {
  /** The edition's `id`. */
  id: string;
  /** The rendered edition, as `Renderer.render` gives it for the edition's briefing. */
  result: RenderResult;
}

/** Most editions one set may hold: a render of the set is bounded by this many editions' limits. */
export const maxEditions = 1000;
/** Most stories the shared pool may hold. */
export const maxSharedStories = 1000;

/** The briefing fields an edition or the defaults may set. */
export const briefingFields = [
  'title',
  'date',
  'subject',
  'preheader',
  'greeting',
  'locale',
  'dir',
  'sponsor',
  'footer',
] as const;
const setKeys = ['$schema', 'defaults', 'stories', 'editions'];
const editionKeys = ['id', ...briefingFields, 'stories', 'options'];
export const editionOptionKeys = [
  'theme',
  'labels',
  'linkParams',
  'toc',
  'lint',
  'neutralizeMergeSyntax',
] as const;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A set whose structure checked out: the pool by id, each edition an object with its stories. */
export interface CheckedSet {
  defaults: Record<string, unknown>;
  pool: Map<string, { index: number; story: Record<string, unknown> }>;
  editions: Record<string, unknown>[];
}

/**
 * Checks the set's structure: known keys, ids, references to the pool. Issues go to `issues`;
 * returns the set's parts when there were none (content is checked by validation afterwards).
 */
export function checkStructure(input: unknown, issues: ValidationIssue[]): CheckedSet | undefined {
  if (!isRecord(input)) {
    issues.push({ path: '', message: `expected an edition set object, found ${describe(input)}` });
    return undefined;
  }
  unknownKeys(input, setKeys, '', issues);
  const defaults = input.defaults ?? {};
  if (!isRecord(defaults)) {
    issues.push({ path: 'defaults', message: `expected an object, found ${describe(defaults)}` });
  } else {
    if ('stories' in defaults)
      issues.push({
        path: 'defaults.stories',
        message:
          'expected no stories in defaults: list them in each edition, or share them through the pool (top-level "stories")',
      });
    unknownKeys(defaults, briefingFields, 'defaults', issues, ['stories']);
  }
  const pool = checkPool(input.stories ?? [], issues);
  const editions = input.editions;
  if (!Array.isArray(editions) || editions.length === 0) {
    issues.push({
      path: 'editions',
      message: `expected a list of at least one edition, found ${Array.isArray(editions) ? 'an empty list' : describe(editions)}`,
    });
    return undefined;
  }
  if (editions.length > maxEditions) {
    issues.push({
      path: 'editions',
      message: `expected at most ${maxEditions} editions, found ${editions.length}`,
    });
    return undefined;
  }
  const ids = new Set<string>();
  editions.forEach((edition, index) => {
    checkEdition(edition, `editions[${index}]`, pool, ids, issues);
  });
  if (issues.length > 0 || !isRecord(defaults) || pool === undefined) return undefined;
  return { defaults, pool, editions: editions as Record<string, unknown>[] };
}

function checkPool(stories: unknown, issues: ValidationIssue[]): CheckedSet['pool'] | undefined {
  if (!Array.isArray(stories)) {
    issues.push({
      path: 'stories',
      message: `expected a list of shared stories, found ${describe(stories)}`,
    });
    return undefined;
  }
  if (stories.length > maxSharedStories) {
    issues.push({
      path: 'stories',
      message: `expected at most ${maxSharedStories} shared stories, found ${stories.length}`,
    });
    return undefined;
  }
  const pool: CheckedSet['pool'] = new Map();
  stories.forEach((story: unknown, index) => {
    const path = `stories[${index}]`;
    if (!isRecord(story)) {
      issues.push({ path, message: `expected a story object with an "id", found ${describe(story)}` });
      return;
    }
    const id = checkId(story.id, `${path}.id`, 'shared story', issues);
    if (id === undefined) return;
    const earlier = pool.get(id);
    if (earlier !== undefined) {
      issues.push({
        path: `${path}.id`,
        message: `expected a unique id, found "${id}" again (first at stories[${earlier.index}])`,
      });
      return;
    }
    pool.set(id, { index, story });
  });
  return pool;
}

function checkEdition(
  edition: unknown,
  path: string,
  pool: CheckedSet['pool'] | undefined,
  ids: Set<string>,
  issues: ValidationIssue[],
): void {
  if (!isRecord(edition)) {
    issues.push({ path, message: `expected an edition object (id, stories…), found ${describe(edition)}` });
    return;
  }
  unknownKeys(edition, editionKeys, path, issues);
  const id = checkId(edition.id, `${path}.id`, 'edition', issues);
  if (id !== undefined) {
    if (ids.has(id))
      issues.push({ path: `${path}.id`, message: `expected a unique id, found "${id}" again` });
    ids.add(id);
  }
  if (edition.footer !== undefined && !isRecord(edition.footer))
    issues.push({ path: `${path}.footer`, message: `expected an object, found ${describe(edition.footer)}` });
  const options = edition.options;
  if (options !== undefined) {
    if (!isRecord(options))
      issues.push({ path: `${path}.options`, message: `expected an object, found ${describe(options)}` });
    else unknownKeys(options, editionOptionKeys, `${path}.options`, issues);
  }
  const stories = edition.stories;
  if (!Array.isArray(stories)) {
    issues.push({
      path: `${path}.stories`,
      message: `expected a list of story ids and stories, found ${describe(stories)}`,
    });
    return;
  }
  stories.forEach((story: unknown, index) => {
    const at = `${path}.stories[${index}]`;
    if (typeof story === 'string') {
      if (pool === undefined || pool.has(story)) return;
      issues.push({ path: at, message: unknownIdMessage(story, pool) });
    } else if (!isRecord(story)) {
      issues.push({
        path: at,
        message: `expected the id of a shared story or a story object, found ${describe(story)}`,
      });
    }
  });
}

function unknownIdMessage(id: string, pool: CheckedSet['pool']): string {
  if (pool.size === 0) return `unknown shared story "${id}": the set has no shared "stories"`;
  return `unknown shared story "${id}"; ${unknownFieldMessage(id, [...pool.keys()]).replace(/^unknown field; /, '')}`;
}

function checkId(id: unknown, path: string, what: string, issues: ValidationIssue[]): string | undefined {
  if (typeof id === 'string' && idPattern.test(id)) return id;
  issues.push({
    path,
    message: `required: expected the ${what}'s id (letters, digits, ".", "_" or "-", at most 100), found ${describe(id)}`,
  });
  return undefined;
}

function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  issues: ValidationIssue[],
  reported: readonly string[] = [],
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key) || reported.includes(key)) continue;
    issues.push({ path: path ? `${path}.${key}` : key, message: unknownFieldMessage(key, known) });
  }
}
