/** Brevity lint: Smart Brevity and email-size rules over a validated briefing. */
import type { Briefing, Story } from '../model.js';
import { assertBriefing } from '../schema.js';
import { createContext, type LintContext } from './context.js';
import { editionLength, htmlSize, preheaderLength } from './edition.js';
import { headlineLength } from './headline.js';
import { imageDimensions } from './images.js';
import { sourceLink } from './links.js';
import { lintRules, resolveRules } from './rules.js';
import { axiomDuplicate, ledeOneSentence, storyLength, whyItMatters } from './story.js';
import { bulletLength, paragraphLength, weaselWords } from './text.js';
import type { LintOptions, LintRuleName, LintRuleThresholds, LintWarning } from './types.js';

type Check<Name extends LintRuleName> = (
  ctx: LintContext,
  thresholds: LintRuleThresholds[Name],
) => LintWarning[];

const checks: { [Name in LintRuleName]: Check<Name> } = {
  'headline-length': headlineLength,
  'lede-one-sentence': ledeOneSentence,
  'why-it-matters': whyItMatters,
  'axiom-duplicate': axiomDuplicate,
  'bullet-length': bulletLength,
  'paragraph-length': paragraphLength,
  'story-length': storyLength,
  'edition-length': editionLength,
  'weasel-words': weaselWords,
  'source-link': sourceLink,
  'preheader-length': preheaderLength,
  'image-dimensions': imageDimensions,
  'html-size': htmlSize,
};

/**
 * Checks a briefing (or a single story) against Smart Brevity guidance and email size limits.
 * Findings never stop a render; each names its rule, a severity, how to fix it and the field path
 * (`stories[1].lede`; a story linted alone is a one-story briefing, so its paths are
 * `stories[0].…`, the same as for the story wrapped in a briefing).
 *
 * Edition-wide findings (path `''` or `preheader`) come first, then each story's, in story order
 * and in the order of `lintRules`.
 *
 * @throws {BriefingValidationError} when the input is not a valid briefing or story.
 *
 * @example
 * for (const warning of lintBriefing(briefing, { rules: { 'weasel-words': 'off' } })) {
 *   console.warn(`${warning.severity} ${warning.path}: ${warning.message}`);
 * }
 */
export function lintBriefing(input: Briefing | Story, options: LintOptions = {}): LintWarning[] {
  return lintValidated(assertBriefing(input), isStandaloneStory(input), options);
}

/** True when the input is a story passed alone (it has no greeting, subject or sponsor to lint). */
export function isStandaloneStory(input: Briefing | Story): boolean {
  return !('stories' in input) && 'headline' in input;
}

/** Lints an already validated briefing (the renderer's path: validation runs once per render). */
export function lintValidated(
  briefing: Briefing,
  standalone: boolean,
  options: LintOptions = {},
): LintWarning[] {
  const ctx = createContext(briefing, standalone, options.htmlBytes);
  const rules = resolveRules(options);
  const found: { warning: LintWarning; story: number; order: number }[] = [];
  lintRules.forEach(({ name }, order) => {
    const thresholds = rules[name];
    if (thresholds === undefined) return;
    const check = checks[name] as Check<typeof name>;
    for (const warning of check(ctx, thresholds))
      found.push({ warning, story: storyOf(ctx, name, warning.path), order });
  });
  found.sort((a, b) => a.story - b.story || a.order - b.order);
  return found.map(({ warning }) => warning);
}

const editionRules = new Set<LintRuleName>(['edition-length', 'preheader-length', 'html-size']);

/** Index of the story a finding is about; -1 for edition-wide findings. */
function storyOf(ctx: LintContext, rule: LintRuleName, path: string): number {
  if (editionRules.has(rule)) return -1;
  if (ctx.standalone) return 0;
  const match = /^stories\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : -1;
}

export { defaultLintThresholds, type LintRuleInfo, lintRules } from './rules.js';
export { countWords, splitSentences } from './sentences.js';
export type {
  LintOptions,
  LintRuleName,
  LintRuleSetting,
  LintRuleThresholds,
  LintSeverity,
  LintWarning,
} from './types.js';
