/**
 * The Node build's template compiler for `createRenderer`: overrides, `minify: false` and other
 * widths compile here, once per renderer, through the same pipeline as `newsbrief build-templates`.
 */
import { runCompiled, type TemplateCompiler } from '../render/templates.js';
import { buildTemplates, evaluateBuilt } from './build-templates.js';

/** Compiles what `RenderOptions` asks for into a template in its own runtime environment. */
export const compileForRenderer: TemplateCompiler = async (templates, settings) => {
  const feature =
    templates !== undefined
      ? 'Option templates'
      : settings.minify
        ? `Option theme.width (${settings.width})`
        : 'Option minify: false';
  return await runCompiled(evaluateBuilt(await buildTemplates(templates, { ...settings, feature })));
};
