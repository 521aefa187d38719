/**
 * newsbrief on Node: the portable build plus the MJML compile step, so `createRenderer` and
 * `renderBriefing` also take template overrides (a folder or partial sources), `minify: false`
 * and other widths, with the optional peers installed. `import 'newsbrief'` resolves here through
 * the `node` export condition; `newsbrief/node` names it explicitly and adds `compileTemplates`.
 * Every public name is exported here, by name.
 */
import type { Briefing, Story } from '../model.js';
import {
  createRendererWith,
  type Renderer,
  type RenderOptions,
  type RenderResult,
  renderOnce,
} from '../render/renderer.js';
import { compileForRenderer } from './compiler.js';

export { BriefingValidationError, NewsbriefError, type ValidationIssue } from '../errors.js';
export {
  defaultLintThresholds,
  type LintOptions,
  type LintRuleInfo,
  type LintRuleName,
  type LintRuleSetting,
  type LintRuleThresholds,
  type LintSeverity,
  type LintWarning,
  lintBriefing,
  lintRules,
} from '../lint/index.js';
export { type ListUnsubscribe, type MailEnvelope, type MailMessage, toMailMessage } from '../mail.js';
export type {
  Briefing,
  Footer,
  Section,
  SectionBlock,
  SectionBody,
  Sponsor,
  Story,
  StoryImage,
} from '../model.js';
export { type ParseOptions, parseBriefing } from '../parse/index.js';
export type { SourcePosition, SourcePositions } from '../parse/positions.js';
export type { Labels } from '../render/labels.js';
export type { Renderer, RenderOptions, RenderResult } from '../render/renderer.js';
export type { EditionStats } from '../render/stats.js';
export type { CompiledTemplates, TemplatesOption } from '../render/templates.js';
export type { Theme } from '../render/theme.js';
export {
  type BriefingLimits,
  briefingJsonSchema,
  type ValidateOptions,
  type ValidationResult,
  validateBriefing,
} from '../schema.js';
export type { WebPageFeeds, WebPageOptions } from '../web/options.js';
export type { WebPage } from '../web/page.js';
export {
  type RenderWebPageOptions,
  renderWebPage,
  type SharedRenderOptions,
} from '../web/render-web-page.js';
export { type CompileTemplatesOptions, compileTemplates } from './build-templates.js';

/**
 * Compiles the templates once and returns a reusable renderer. With the default templates and
 * width this loads a template precompiled at build time: no MJML, no juice, no compiler. Template
 * overrides, `minify: false` and other widths compile with MJML + juice here, once, and need the
 * optional peers (`npm install mjml juice html-minifier-terser handlebars`).
 *
 * @example
 * const renderer = await createRenderer({ theme: { brandColor: '#c8102e' } });
 * const { html, text, subject } = renderer.render(briefing);
 */
export function createRenderer(options: RenderOptions = {}): Promise<Renderer> {
  return createRendererWith(options, compileForRenderer);
}

/**
 * Renders one briefing (or a single story). Without options it reuses one cached default renderer;
 * with options it compiles a renderer for this call, so prefer `createRenderer` in a loop.
 *
 * @example
 * const { html, text, subject, warnings } = await renderBriefing(briefing);
 */
export function renderBriefing(input: Briefing | Story, options?: RenderOptions): Promise<RenderResult> {
  return renderOnce(input, options, createRenderer);
}
