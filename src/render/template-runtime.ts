/**
 * What the default template's generated render function (see src/node/template-codegen.ts) calls: the
 * Handlebars runtime's semantics for lookups, escaping and the built-in block helpers, without its
 * per-call machinery (option objects, program wrappers, helper wrappers, data frames).
 */

import { utf8Extra } from './bytes.js';

/** A property the way Handlebars looks it up: own properties only, nothing through `null`. */
export function get(parent: unknown, name: string): unknown {
  return parent != null && Object.hasOwn(parent as object, name)
    ? (parent as Record<string, unknown>)[name]
    : undefined;
}

/**
 * A property of the view newsbrief builds: plain objects of its own making, whose fields are all
 * own properties. The generated code uses `get` instead for names that `Object.prototype` also
 * has (`constructor`, `toString`…), where only an own property may answer.
 */
export function field(parent: unknown, name: string): unknown {
  return parent == null ? undefined : (parent as Record<string, unknown>)[name];
}

/** Handlebars' `lambda`: a function value is called with the current context. */
function lambda(value: unknown, context: unknown): unknown {
  return typeof value === 'function' ? (value as (this: unknown) => unknown).call(context) : value;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

const needsEscape = /[&<>"'`=]/;
const escapeChars = /[&<>"'`=]/g;

/**
 * UTF-8 bytes written beyond one per UTF-16 unit, by every value the generated templates write,
 * so a render's byte count is its length plus what this grew by (see `counted`): no pass over
 * the finished email, which would also copy it flat. Static template text is ASCII or counted
 * by `staticText`; escaping adds only ASCII.
 */
let extraBytes = 0;
/** Written text, counted. */
function written(value: string): string {
  extraBytes += utf8Extra(value);
  return value;
}

/** Static template text outside ASCII, with its extra bytes worked out when the code was generated. */
export function staticText(value: string, extra: number): string {
  extraBytes += extra;
  return value;
}

/** `{{value}}`: Handlebars' `escapeExpression`, character for character. */
export function escaped(value: unknown, context: unknown): string {
  let text = lambda(value, context);
  if (typeof text !== 'string') {
    if (text && typeof (text as { toHTML?: unknown }).toHTML === 'function')
      return written((text as { toHTML: () => string }).toHTML());
    if (text == null) return '';
    if (!text) return `${text}`;
    text = `${text}`;
  }
  const value_ = written(text as string);
  return needsEscape.test(value_) ? value_.replace(escapeChars, (ch) => escapes[ch] as string) : value_;
}

/** `{{{value}}}`: written as it is. */
export function unescaped(value: unknown, context: unknown): string {
  const text = lambda(value, context);
  return text == null ? '' : written(`${text}`);
}

/** Where a render's count starts: see `counted`. */
export function bytesMark(): number {
  return extraBytes;
}

let lastCounted: string | undefined;
let lastExtra = 0;

/** Ends a counting render (the generated default template): keeps its extra bytes for `writtenBytes`. */
export function counted(html: string, mark: number): string {
  lastCounted = html;
  lastExtra = extraBytes - mark;
  return html;
}

/**
 * The UTF-8 length of `html` when a counting template has just written it, else `undefined`
 * (a template compiled by Handlebars, or a string from elsewhere): measure it then.
 */
export function writtenBytes(html: string): number | undefined {
  if (lastCounted === undefined || lastCounted !== html) return undefined;
  lastCounted = undefined;
  return html.length + lastExtra;
}

function isEmpty(value: unknown): boolean {
  return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
}

/** `{{#if value}}`: false for falsy values (0 too) and empty arrays. */
export function truthy(value: unknown, context: unknown): boolean {
  const tested = lambda(value, context);
  return !(!tested || isEmpty(tested));
}

/** `{{#with value}}`: entered unless empty (0 enters). */
export function present(value: unknown, context: unknown): unknown {
  const tested = lambda(value, context);
  return isEmpty(tested) ? undefined : tested;
}

/** One `{{#each}}` iteration: the item and the `@index`, `@first`, `@last`, `@key` data. */
export type EachBody = (item: unknown, index: number, first: boolean, last: boolean, key: unknown) => string;

/** `{{#each value}}` over an array, an iterable or an object's keys; `inverse` when nothing was iterated. */
export function each(value: unknown, context: unknown, body: EachBody, inverse: () => string): string {
  const items = lambda(value, context);
  let out = '';
  let count = 0;
  if (items && typeof items === 'object') {
    if (Array.isArray(items)) {
      for (let i = 0; i < items.length; i += 1) {
        count = i + 1;
        if (i in items) out += body(items[i], i, i === 0, i === items.length - 1, i);
      }
    } else if (typeof (items as Iterable<unknown>)[Symbol.iterator] === 'function') {
      const list = [...(items as Iterable<unknown>)];
      list.forEach((item, i) => {
        out += body(item, i, i === 0, i === list.length - 1, i);
      });
      count = list.length;
    } else {
      const keys = Object.keys(items);
      keys.forEach((key, i) => {
        out += body((items as Record<string, unknown>)[key], i, i === 0, i === keys.length - 1, key);
      });
      count = keys.length;
    }
  }
  return count === 0 ? inverse() : out;
}

/**
 * Marks a view object as kept: an edition set's shared story, whose view many editions render
 * (see src/editions/share.ts). The generated template then keeps the html of each run of its
 * `{{#each}}` body on the view (see `kept`), non-enumerable, so a copy made by spreading (a story
 * with the sponsor after it) is not kept.
 */
export function keepHtml<T extends object>(view: T): T {
  Object.defineProperty(view, keptHtml, { value: [] satisfies KeptRun[] });
  return view;
}

const keptHtml = Symbol('newsbrief.keptHtml');

/** The html of one run of an `{{#each}}` body for one item, and the key it was written under. */
interface KeptRun {
  run: number;
  key: unknown[];
  html: string;
  /** Its UTF-8 bytes beyond its length (see `utf8Extra`). */
  extra: number;
}

/**
 * Most a kept view holds: a shared story is written at a few positions (`@index`, `@first`) in a
 * few directions; past this many, runs are written without keeping.
 */
const keptRunsLimit = 32;

/**
 * A run of statements of an `{{#each}}` body: `build()` for most items; for a kept view (see
 * `keepHtml`), the html it built before under an equal `key()` (the `@` data and the outer values
 * the run prints, compared with `===`), else built now and kept. The generator puts only printed
 * values in the key: their text decides the output, and equal primitives print the same text.
 */
export function kept(item: unknown, run: number, key: () => unknown[], build: () => string): string {
  const runs =
    item !== null && typeof item === 'object' ? (item as { [keptHtml]?: KeptRun[] })[keptHtml] : undefined;
  if (runs === undefined) return build();
  const values = key();
  for (const entry of runs) {
    if (entry.run === run && sameValues(entry.key, values)) {
      extraBytes += entry.extra;
      return entry.html;
    }
  }
  const mark = extraBytes;
  const html = build();
  if (runs.length < keptRunsLimit && values.every(isPrimitive))
    runs.push({ run, key: values, html, extra: extraBytes - mark });
  return html;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** An object's text can change while it stays the same object: only primitives are keys. */
function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}
