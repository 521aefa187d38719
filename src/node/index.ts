/**
 * newsbrief on Node: the portable build plus the MJML compile step, so `createRenderer` and
 * `renderBriefing` also take template overrides (a folder or partial sources), `minify: false`
 * and other widths, with the optional peers installed. `import 'newsbrief'` resolves here through
 * the `node` export condition; `newsbrief/node` names it explicitly and adds `compileTemplates`.
 * Every public name is exported here, by name.
 */
import type { EditionResult, EditionSet } from '../editions/set.js';
import type { Briefing, Story } from '../model.js';
import {
  createRendererWith,
  type Renderer,
  type RenderOptions,
  type RenderResult,
  renderEditionsOnce,
  renderOnce,
} from '../render/renderer.js';
import { compileForRenderer } from './compiler.js';

export { flattenEdition } from '../editions/flatten.js';
export { editionRenderOptions } from '../editions/render.js';
export type {
  EditionDefaults,
  EditionEntry,
  EditionOptions,
  EditionResult,
  EditionSet,
  SharedStory,
} from '../editions/set.js';
export {
  type EditionSetValidationResult,
  type ValidatedEdition,
  validateEditionSet,
} from '../editions/validate.js';
export { BriefingValidationError, NewsbriefError, type ValidationIssue } from '../errors.js';
export type { ArchiveEdition } from '../feeds/entries.js';
export { type BriefingFromFeedOptions, briefingFromFeed } from '../feeds/from-feed.js';
export type { FeedAuthor, FeedFormat, FeedOptions, FeedSiteOptions } from '../feeds/options.js';
export { type RenderFeedOptions, renderFeed } from '../feeds/render-feed.js';
export { editionSetJsonSchema } from '../generated/edition-set-schema.js';
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
export { personalize, type ReaderFields } from '../readers/personalize.js';
export {
  mapReaderTokens,
  type ReaderToken,
  type ReaderTokenPart,
  type ReaderTokenParts,
  type ReaderTokenReplacer,
  type ReaderTokenSource,
  readerTokenKeys,
} from '../readers/tokens.js';
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
export {
  type CustomUnsubscribe,
  type EspBatch,
  type EspBatchFor,
  type EspBatchOf,
  type EspName,
  type EspOptions,
  type EspOptionsBase,
  espBatches,
  type MailgunBatch,
  type MailgunOptions,
  type PostmarkBatch,
  type PostmarkOptions,
  type ResendBatch,
  type ResendOptions,
  type SendGridBatch,
  type SendGridOptions,
  type SesBatch,
  type SesOptions,
  type SignedUnsubscribe,
} from '../send/esp.js';
export type { ListHeaderOptions } from '../send/headers.js';
export type { MailgunBatchBody } from '../send/mailgun.js';
export type { PostmarkBatchBody, PostmarkHeader, PostmarkMessage } from '../send/postmark.js';
export type { CheckedRecipient, EspRecipient, RecipientSource } from '../send/recipients.js';
export type { ResendBatchBody, ResendMessage, ResendTag } from '../send/resend.js';
export type {
  SendGridAddress,
  SendGridBatchBody,
  SendGridPersonalization,
} from '../send/sendgrid.js';
export {
  type SesBatchBody,
  type SesBulkEmailEntry,
  type SesHeader,
  type SesStoredTemplate,
  type SesTag,
  type SesTemplateContent,
  sesTemplate,
} from '../send/ses.js';
export {
  type UnsubscribeVerdict,
  unsubscribeUrl,
  verifyUnsubscribe,
} from '../send/unsubscribe.js';
export type { EditionLinkOption, WebPageFeeds, WebPageOptions } from '../web/options.js';
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
  return renderOnce(input, options, compileForRenderer);
}

/**
 * Renders every edition of an edition set, in order: `{ id, result }` for each, byte-identical to
 * `renderBriefing(flattenEdition(set, id), editionRenderOptions(set, id, options))`. Stories from
 * the shared pool are rendered once per distinct edition options. Rejects with
 * `BriefingValidationError` naming paths such as `editions[3].stories[1]`.
 *
 * @example
 * for (const { id, result } of await renderEditions(set)) await send(id, result);
 */
export function renderEditions(set: EditionSet, options?: RenderOptions): Promise<EditionResult[]> {
  return renderEditionsOnce(set, options, compileForRenderer);
}
