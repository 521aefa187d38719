/**
 * Handlebars compile options for newsbrief's templates, shared by the build-time precompile of the
 * default templates and by `createRenderer`'s compile of template overrides, so both run the same
 * kind of code.
 */
import type Handlebars from 'handlebars';

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/**
 * For every template, default or override.
 * - `knownHelpersOnly`: only Handlebars' built-in helpers (`if`, `unless`, `each`, `with`,
 *   `lookup`, `log`) exist in a renderer's environment; newsbrief registers none. So every
 *   `{{name}}` is compiled as a plain lookup, without the per-expression check for a helper of
 *   that name and the call through `helperMissing`; a template that calls any other helper fails
 *   when the renderer is created, naming it, instead of when an edition renders.
 * - `compat: false` (the default, stated): no recursive lookup up the context stack.
 * - `data` stays on: templates read `@root` (theme values in inlined styles) and `@first`.
 * - `strict` stays off: optional view fields (`image`, `source`, `dateLabel`…) are tested with
 *   `{{#if}}`, and a missing one must render nothing, not throw.
 */
export const templateOptions = {
  knownHelpersOnly: true,
  compat: false,
} as const satisfies CompileOptions;

/**
 * For the default templates only, whose every nested path is read inside an `{{#if}}` of its
 * parent: `assumeObjects` drops the null check before each step of a path, which also makes the
 * generated module about a quarter smaller. Overrides do not get it: a designer's `{{a.b}}` where
 * `a` is absent must keep rendering nothing.
 */
export const defaultTemplateOptions = {
  ...templateOptions,
  assumeObjects: true,
} as const satisfies CompileOptions;
