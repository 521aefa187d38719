/**
 * The one compile pipeline for templates: partial sources → MJML layout → juice-inlined,
 * minified html → a Handlebars spec precompiled for the runtime. The default templates
 * (`npm run generate`), `newsbrief build-templates` modules and overrides passed to
 * `createRenderer` on Node all go through it, so they behave the same.
 */
import { NewsbriefError } from '../errors.js';
import {
  type CompiledTemplates,
  type CompileSettings,
  compiledTemplatesFormat,
} from '../render/templates.js';
import { compileTemplate, type PartialSources } from './compile.js';
import { defaultPartials } from './generated/partials.js';
import { type CompilerPeers, loadCompilerPeers } from './peers.js';
import { readPartialFolder } from './template-folder.js';
import { templateOptions } from './template-options.js';

/** A template set precompiled to JavaScript source, ready to write as a module. */
export interface BuiltTemplates {
  width: number;
  /** The compiled document: inlined, minified html that still holds the Handlebars expressions. */
  html: string;
  /** The precompiled Handlebars spec, as JavaScript source (an object literal with functions). */
  specSource: string;
}

/** Options of `compileTemplates` and `newsbrief build-templates`. */
export interface CompileTemplatesOptions {
  /** Email width in px, 480–800. @default 600 */
  width?: number;
  /** Minify the html. @default true */
  minify?: boolean;
}

/** How the build and the renderer call the pipeline. */
interface BuildSettings extends CompileTemplatesOptions {
  /** Start from these partials instead of newsbrief's defaults (the build uses templates/ itself). */
  base?: PartialSources;
  /** What asked for the compile, for the error when an optional peer is missing. */
  reason?: string;
  /** Handlebars compile options; the defaults add `assumeObjects` (see template-options.ts). */
  compileOptions?: typeof templateOptions;
}

/** Override partials: a folder path, or sources by name, checked. */
async function overridePartials(
  templates: string | Record<string, string> | undefined,
): Promise<PartialSources> {
  const overrides = typeof templates === 'string' ? await readPartialFolder(templates) : (templates ?? {});
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new NewsbriefError('Option templates: expected a folder path or partial sources by name.');
  }
  for (const [name, source] of Object.entries(overrides)) {
    if (typeof source !== 'string') {
      throw new NewsbriefError(
        `Option templates.${name}: expected the partial's source as a string, found ${typeof source}.`,
      );
    }
  }
  return overrides;
}

function checkWidth(width: number): number {
  if (!Number.isInteger(width) || width < 480 || width > 800) {
    throw new NewsbriefError(
      `Option width: expected a whole number of px from 480 to 800, found ${String(width)}.`,
    );
  }
  return width;
}

/**
 * Compiles override partials (merged over the defaults) to precompiled JavaScript source.
 * `reason` names what asked for it, for the error when an optional peer is missing.
 */
export async function buildTemplates(
  templates: string | Record<string, string> | undefined,
  options: BuildSettings = {},
): Promise<BuiltTemplates> {
  const settings: CompileSettings = {
    width: checkWidth(options.width ?? 600),
    minify: options.minify ?? true,
  };
  const peers = await loadCompilerPeers(options.reason ?? 'Compiling templates', settings);
  const partials = { ...(options.base ?? defaultPartials), ...(await overridePartials(templates)) };
  const html = await compileTemplate(partials, settings, peers);
  const compileOptions = options.compileOptions ?? templateOptions;
  let specSource: string;
  try {
    // Compiled now, not on the first render: a call to a helper that does not exist (see
    // `templateOptions`) is an error of the compile, which names it.
    specSource = String(peers.handlebars.precompile(html, compileOptions));
  } catch (error) {
    throw compileError(error, partials, peers, compileOptions);
  }
  return { width: settings.width, html, specSource };
}

/**
 * The error for a template set that does not compile. The whole email's error points at a line
 * of MJML's output, which no author wrote, so each partial is compiled alone to name the one at
 * fault and its own line (only on this failure path).
 */
function compileError(
  error: unknown,
  partials: PartialSources,
  peers: CompilerPeers,
  compileOptions: typeof templateOptions,
): NewsbriefError {
  for (const [name, source] of Object.entries(partials)) {
    try {
      peers.handlebars.precompile(source, compileOptions);
    } catch (inPartial) {
      return new NewsbriefError(`Template partial "${name}" failed to compile: ${messageOf(inPartial)}`);
    }
  }
  return new NewsbriefError(`Templates failed to compile: ${messageOf(error)}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns precompiled source into a template set the renderer runs, as importing its module would. */
export function evaluateBuilt(built: BuiltTemplates): CompiledTemplates {
  // The same evaluation Handlebars.compile does internally; the source is our compiler's output.
  const spec = new Function(`return ${built.specSource};`)() as object;
  return { format: compiledTemplatesFormat, width: built.width, spec };
}

/**
 * Compiles a folder of template overrides (or partial sources by name) ahead of time, on Node,
 * into a template set that `createRenderer({ templates })` runs anywhere without MJML. To ship it
 * to a browser or worker, write it as a module with `newsbrief build-templates` instead.
 *
 * @example
 * const templates = await compileTemplates('./brand-templates', { width: 640 });
 * const renderer = await createRenderer({ templates });
 */
export async function compileTemplates(
  templates?: string | Record<string, string>,
  options: CompileTemplatesOptions = {},
): Promise<CompiledTemplates> {
  return evaluateBuilt(await buildTemplates(templates, options));
}

/** Module flavours `newsbrief build-templates` writes, chosen by the output file's extension. */
export type ModuleFlavour = 'esm' | 'cjs' | 'ts';

/**
 * JavaScript source of the `CompiledTemplates` object literal; `member` is what runs it, the spec
 * unless the caller generated a render function.
 */
export function templatesValueSource(built: BuiltTemplates, member = `spec: ${built.specSource}`): string {
  return `{ format: ${JSON.stringify(compiledTemplatesFormat)}, width: ${built.width}, ${member} }`;
}

/** The source of a module whose default export is the compiled template set. */
export function templatesModuleSource(
  built: BuiltTemplates,
  flavour: ModuleFlavour,
  header: string[] = [],
): string {
  const value = templatesValueSource(built);
  const lines = [...header];
  if (flavour === 'cjs') lines.push(`module.exports = ${value};`);
  else if (flavour === 'ts') {
    // Typed, so `createRenderer({ templates })` accepts it: a bare literal's `format` is a string.
    lines.push(
      "import type { CompiledTemplates } from 'newsbrief';",
      `const templates: CompiledTemplates = ${value};`,
      'export default templates;',
    );
  } else lines.push(`export default ${value};`);
  return `${lines.join('\n\n')}\n`;
}
