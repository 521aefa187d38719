/**
 * newsbrief: Smart Brevity story data in, send-ready HTML email out.
 * Every public name is exported here, by name.
 *
 * This is the portable build: web-standard APIs only, so browsers, edge workers, Deno and Bun run
 * it as they are. Node resolves `newsbrief` to `./node/index.ts` instead, which adds the MJML
 * compile step for template overrides; everything else is this module.
 */
export { flattenEdition } from './editions/flatten.js';
export { editionRenderOptions } from './editions/render.js';
export type {
  EditionDefaults,
  EditionEntry,
  EditionOptions,
  EditionResult,
  EditionSet,
  SharedStory,
} from './editions/set.js';
export {
  type EditionSetValidationResult,
  type ValidatedEdition,
  validateEditionSet,
} from './editions/validate.js';
export { BriefingValidationError, NewsbriefError, type ValidationIssue } from './errors.js';
export { editionSetJsonSchema } from './generated/edition-set-schema.js';
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
} from './lint/index.js';
export { type ListUnsubscribe, type MailEnvelope, type MailMessage, toMailMessage } from './mail.js';
export type {
  Briefing,
  Footer,
  Section,
  SectionBlock,
  SectionBody,
  Sponsor,
  Story,
  StoryImage,
} from './model.js';
export { type ParseOptions, parseBriefing } from './parse/index.js';
export type { SourcePosition, SourcePositions } from './parse/positions.js';
export type { Labels } from './render/labels.js';
export {
  createRenderer,
  type Renderer,
  type RenderOptions,
  type RenderResult,
  renderBriefing,
  renderEditions,
} from './render/renderer.js';
export type { EditionStats } from './render/stats.js';
export type { CompiledTemplates, TemplatesOption } from './render/templates.js';
export type { Theme } from './render/theme.js';
export {
  type BriefingLimits,
  briefingJsonSchema,
  type ValidateOptions,
  type ValidationResult,
  validateBriefing,
} from './schema.js';
