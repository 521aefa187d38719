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
export type { ArchiveEdition } from './feeds/entries.js';
export { type BriefingFromFeedOptions, briefingFromFeed } from './feeds/from-feed.js';
export type { FeedAuthor, FeedFormat, FeedOptions, FeedSiteOptions } from './feeds/options.js';
export { type RenderFeedOptions, renderFeed } from './feeds/render-feed.js';
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
export { personalize, type ReaderFields } from './readers/personalize.js';
export {
  mapReaderTokens,
  type ReaderToken,
  type ReaderTokenPart,
  type ReaderTokenParts,
  type ReaderTokenReplacer,
  type ReaderTokenSource,
  readerTokenKeys,
} from './readers/tokens.js';
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
} from './send/esp.js';
export type { ListHeaderOptions } from './send/headers.js';
export type { MailgunBatchBody } from './send/mailgun.js';
export type { PostmarkBatchBody, PostmarkHeader, PostmarkMessage } from './send/postmark.js';
export type { CheckedRecipient, EspRecipient, RecipientSource } from './send/recipients.js';
export type { ResendBatchBody, ResendMessage, ResendTag } from './send/resend.js';
export type {
  SendGridAddress,
  SendGridBatchBody,
  SendGridPersonalization,
} from './send/sendgrid.js';
export {
  type SesBatchBody,
  type SesBulkEmailEntry,
  type SesHeader,
  type SesStoredTemplate,
  type SesTag,
  type SesTemplateContent,
  sesTemplate,
} from './send/ses.js';
export {
  type UnsubscribeVerdict,
  unsubscribeUrl,
  verifyUnsubscribe,
} from './send/unsubscribe.js';
export type { EditionLinkOption, WebPageFeeds, WebPageOptions } from './web/options.js';
export type { WebPage } from './web/page.js';
export {
  type RenderWebPageOptions,
  renderWebPage,
  type SharedRenderOptions,
} from './web/render-web-page.js';
