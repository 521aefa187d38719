/** Edition rules: total words, the inbox preview line and the size Gmail clips at. */
import type { Story } from '../model.js';
import { derivePreheader } from '../normalize/edition.js';
import { finding, type LintContext, plural, thousands } from './context.js';
import { storyWords } from './story.js';
import type { LintRuleThresholds, LintWarning } from './types.js';

/** `edition-length`: words of every story plus the greeting. */
export function editionLength(ctx: LintContext, limits: LintRuleThresholds['edition-length']): LintWarning[] {
  let words = ctx.standalone ? 0 : ctx.text(ctx.briefing.greeting).words;
  for (const story of ctx.stories) words += storyWords(ctx, story);
  if (words <= limits.warn) return [];
  return [
    finding(
      'edition-length',
      'warning',
      `Edition has ${plural(words, 'word')}; cut it to ${thousands(limits.warn)} or fewer, or move a story to the next edition.`,
      '',
    ),
  ];
}

/**
 * The preheader an inbox will show: the explicit one, else the one the renderer derives from the
 * first story (its lede cut at a word boundary).
 */
function preheaderOf(ctx: LintContext): { text: string; derived: boolean } {
  if (ctx.briefing.preheader !== undefined && !ctx.standalone) {
    return { text: ctx.briefing.preheader.replace(/\s+/g, ' ').trim(), derived: false };
  }
  return { text: derivePreheader(ctx.briefing.stories[0] as Story), derived: true };
}

/** `preheader-length`: outside `min`–`max` characters, or the same as the subject. */
export function preheaderLength(
  ctx: LintContext,
  limits: LintRuleThresholds['preheader-length'],
): LintWarning[] {
  const preheader = preheaderOf(ctx);
  // A story alone has no preheader field to point at: point at the lede it was derived from.
  const path = preheader.derived && ctx.standalone ? 'stories[0].lede' : 'preheader';
  const origin = preheader.derived ? ' (derived from the first story)' : '';
  const length = [...preheader.text].length;
  const warnings: LintWarning[] = [];
  if (length < limits.min || length > limits.max) {
    warnings.push(
      finding(
        'preheader-length',
        'warning',
        `Preheader${origin} has ${plural(length, 'character')}; write one of ${limits.min}–${limits.max} characters so the inbox preview shows it whole.`,
        path,
      ),
    );
  }
  const subject = ctx.standalone ? undefined : ctx.briefing.subject;
  const subjectText = subject ?? ctx.text(ctx.briefing.stories[0]?.headline).plain;
  if (same(preheader.text, subjectText)) {
    warnings.push(
      finding(
        'preheader-length',
        'warning',
        `Preheader${origin} repeats the subject; use it to add what the subject does not say.`,
        path,
      ),
    );
  }
  return warnings;
}

function same(a: string, b: string): boolean {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

/** `html-size`: rendered HTML bytes, when known. */
export function htmlSize(ctx: LintContext, limits: LintRuleThresholds['html-size']): LintWarning[] {
  const bytes = ctx.htmlBytes;
  if (bytes === undefined || (bytes <= limits.warn && bytes <= limits.error)) return [];
  const error = bytes > limits.error;
  return [
    finding(
      'html-size',
      error ? 'error' : 'warning',
      `HTML is ${plural(bytes, 'byte')}; Gmail clips messages above about ${thousands(limits.error)} bytes and hides the unsubscribe link${error ? '' : ' once it grows a little more'}; cut stories or images.`,
      '',
    ),
  ];
}
