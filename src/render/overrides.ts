/**
 * Template overrides: read a folder or take partials by name, merge over the defaults, and compile
 * once with MJML + juice + the Handlebars compiler, in an environment of this renderer's own.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import Handlebars from 'handlebars';
import { NewsbriefError } from '../errors.js';
import { compileTemplate, type PartialSources } from './compile.js';
import { defaultPartials } from './generated/partials.js';
import { templateOptions } from './template-options.js';
import type { TemplateView } from './view.js';

const partialFile = /\.(mjml|html|hbs|css)$/;

/**
 * Reads a folder of partials keyed by file name without extension: `footer.mjml` is the `footer`
 * partial. Used for override folders and, at build time, for templates/ itself.
 */
export async function readPartialFolder(dir: string): Promise<PartialSources> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new NewsbriefError(`Option templates: expected a folder of partials, found no folder at ${dir}.`);
  const partials: PartialSources = {};
  for (const file of (await readdir(dir)).sort()) {
    if (partialFile.test(file))
      partials[basename(file, extname(file))] = await readFile(join(dir, file), 'utf8');
  }
  return partials;
}

export async function compileOverrides(
  templates: string | Record<string, string> | undefined,
  settings: { width: number; minify: boolean },
): Promise<(view: TemplateView) => string> {
  const overrides = typeof templates === 'string' ? await readPartialFolder(templates) : (templates ?? {});
  for (const [name, source] of Object.entries(overrides)) {
    if (typeof source !== 'string') {
      throw new NewsbriefError(
        `Option templates.${name}: expected the partial's source as a string, found ${typeof source}.`,
      );
    }
  }
  const source = await compileTemplate({ ...defaultPartials, ...overrides }, settings);
  const env = Handlebars.create();
  try {
    // Compiled now, not on the first render as `env.compile` would: a call to a helper that does
    // not exist (see `templateOptions`) is an error of `createRenderer`, which names it.
    const spec = env.precompile(source, templateOptions);
    // Evaluated as `env.compile` evaluates it (Handlebars builds its functions the same way).
    const template = env.template(new Function(`return ${spec};`)());
    return template as (view: TemplateView) => string;
  } catch (error) {
    throw new NewsbriefError(
      `Templates failed to compile: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
