/**
 * Which compiled template a renderer runs. Portable: it runs compiled templates only, the default
 * set's generated function or a build-templates module's spec on the Handlebars runtime (loaded
 * for that alone). Compiling MJML sources (overrides, `minify: false`, another width) needs Node
 * and optional peers; the Node build passes a `TemplateCompiler` for that.
 */
import type HandlebarsCompiler from 'handlebars';
import { NewsbriefError } from '../errors.js';
import { describe } from '../schema.js';
import { defaultTemplates } from './generated/templates.js';
import type { TemplateView } from './view.js';

/** A compiled template: view data in, the email's html out. */
export type TemplateFn = (view: TemplateView) => string;

/** Tells a compiled template module from a set of partial sources. */
export const compiledTemplatesFormat: CompiledTemplates['format'] = 'newsbrief-templates@1';

/**
 * A template set compiled ahead of time by `newsbrief build-templates` (or `compileTemplates` from
 * `newsbrief/node`): MJML laid out, CSS inlined, minified, and precompiled for the Handlebars
 * runtime. Rendering with it needs no MJML, juice or compiler, so it works in browsers and edge
 * workers. Treat it as opaque: pass the module's default export to `createRenderer({ templates })`.
 */
export interface CompiledTemplates {
  /** Always `'newsbrief-templates@1'` (a literal, so the type needs no unexported constant). */
  format: 'newsbrief-templates@1';
  /** The email width (px) the templates were laid out for; the theme's `width` must match. */
  width: number;
  /** The precompiled Handlebars template spec, run on the bundled Handlebars runtime. */
  spec?: object;
  /**
   * Or the template as one plain function (newsbrief's own default templates: see
   * src/node/template-codegen.ts), which renders without the Handlebars runtime.
   */
  render?: TemplateFn;
}

/** What `RenderOptions.templates` accepts. */
export type TemplatesOption = string | Record<string, string> | CompiledTemplates;

/** Settings fixed when MJML sources compile. */
export interface CompileSettings {
  /** Email width in px. */
  width: number;
  /** Run html-minifier-terser over the compiled document. */
  minify: boolean;
  /**
   * The render option that asked for the compile (`Option templates: the folder "brand"`), for
   * errors such as a missing optional peer.
   */
  reason?: string;
}

/** Compiles partial sources (a folder path or sources by name) into a template; Node only. */
export type TemplateCompiler = (
  templates: string | Record<string, string> | undefined,
  settings: CompileSettings,
) => Promise<TemplateFn>;

/** True for a compiled template module (or its default export). */
export function isCompiledTemplates(value: unknown): value is CompiledTemplates {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === compiledTemplatesFormat
  );
}

/**
 * Runs a compiled template set: its plain render function, or its precompiled spec in a Handlebars
 * runtime environment of its own (nothing touches a global instance).
 */
export async function runCompiled(compiled: CompiledTemplates): Promise<TemplateFn> {
  if (typeof compiled.render === 'function') return compiled.render;
  if (typeof compiled.spec !== 'object' || compiled.spec === null || typeof compiled.width !== 'number') {
    throw new NewsbriefError(
      `Option templates: expected a module written by \`newsbrief build-templates\`, found ${describe(compiled)} without a spec and width.`,
    );
  }
  // Loaded only for a spec: the default templates render without it, so importing newsbrief does
  // not evaluate it, and a code-splitting bundler puts it in a chunk of its own. The runtime alone
  // (no compiler) runs a precompiled template; its .d.ts declares nothing, so borrow the full
  // package's types. `.js` because handlebars has no exports map.
  const { default: runtime } = await import('handlebars/runtime.js');
  const env = (runtime as unknown as typeof HandlebarsCompiler).create();
  try {
    return env.template(compiled.spec as Parameters<typeof HandlebarsCompiler.template>[0]) as TemplateFn;
  } catch (error) {
    throw new NewsbriefError(
      `Option templates: the compiled module does not run with this version of newsbrief (${error instanceof Error ? error.message : String(error)}); rebuild it with \`newsbrief build-templates\`.`,
    );
  }
}

/** True when these options render with the default templates as shipped, with no compile step. */
export function usesDefaultTemplates(
  templates: TemplatesOption | undefined,
  width: number | undefined,
  minify: boolean,
): boolean {
  return templates === undefined && (width ?? defaultTemplates.width) === defaultTemplates.width && minify;
}

/** Why a render option needs the compile step, for the error when it is not available. */
function compileReason(templates: string | Record<string, string> | undefined, width: number): string {
  if (typeof templates === 'string') return `Option templates: the folder "${templates}"`;
  if (templates !== undefined) return 'Option templates: partial sources';
  if (width !== defaultTemplates.width)
    return `Option theme.width: ${width} (the default templates are laid out for ${defaultTemplates.width})`;
  return 'Option minify: false';
}

/**
 * Picks the template for a renderer: a compiled module, the default set, or (with a compiler,
 * on Node) the partial sources compiled now. Returns it with the width it was laid out for.
 */
export async function loadTemplate(
  templates: TemplatesOption | undefined,
  settings: { width: number | undefined; minify: boolean },
  compiler: TemplateCompiler | undefined,
): Promise<{ template: TemplateFn; width: number }> {
  if (isCompiledTemplates(templates)) {
    if (settings.width !== undefined && settings.width !== templates.width) {
      throw new NewsbriefError(
        `Option theme.width: expected ${templates.width}, the width the compiled templates were built for, found ${settings.width}; rebuild them with \`newsbrief build-templates --width ${settings.width}\`.`,
      );
    }
    return { template: await runCompiled(templates), width: templates.width };
  }
  const width = settings.width ?? defaultTemplates.width;
  if (usesDefaultTemplates(templates, width, settings.minify)) {
    return { template: await runCompiled(defaultTemplates), width };
  }
  const reason = compileReason(templates, width);
  if (compiler === undefined) {
    throw new NewsbriefError(
      `${reason} needs the MJML compile step, which this build of newsbrief (for browsers and edge workers) does not include. Compile the templates ahead of time on Node with \`npx newsbrief build-templates <folder> --width ${width} -o templates.js\` and pass the module: \`createRenderer({ templates })\`.`,
    );
  }
  return { template: await compiler(templates, { width, minify: settings.minify, reason }), width };
}
