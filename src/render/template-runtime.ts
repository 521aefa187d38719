/**
 * What the default template's generated render function (see src/node/template-codegen.ts) calls: the
 * Handlebars runtime's semantics for lookups, escaping and the built-in block helpers, without its
 * per-call machinery (option objects, program wrappers, helper wrappers, data frames).
 */

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

/** `{{value}}`: Handlebars' `escapeExpression`, character for character. */
export function escaped(value: unknown, context: unknown): string {
  let text = lambda(value, context);
  if (typeof text !== 'string') {
    if (text && typeof (text as { toHTML?: unknown }).toHTML === 'function')
      return (text as { toHTML: () => string }).toHTML();
    if (text == null) return '';
    if (!text) return `${text}`;
    text = `${text}`;
  }
  const value_ = text as string;
  return needsEscape.test(value_) ? value_.replace(escapeChars, (ch) => escapes[ch] as string) : value_;
}

/** `{{{value}}}`: written as it is. */
export function unescaped(value: unknown, context: unknown): string {
  const text = lambda(value, context);
  return text == null ? '' : `${text}`;
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
