/**
 * The Node build's template compiler for `createRenderer`: overrides, `minify: false` and other
 * widths compile here, once per renderer, through the same pipeline as `newsbrief build-templates`.
 */
import { runCompiled, type TemplateCompiler } from '../render/templates.js';
import { buildTemplates, evaluateBuilt } from './build-templates.js';

/** Compiles what `RenderOptions` asks for into a template in its own runtime environment. */
export const compileForRenderer: TemplateCompiler = async (templates, settings) =>
  runCompiled(evaluateBuilt(await buildTemplates(templates, settings)));
