/** The rule table: every brevity and size rule, its default thresholds and what it checks. */
import { suggestKey } from '../did-you-mean.js';
import { NewsbriefError } from '../errors.js';
import type { LintOptions, LintRuleName, LintRuleThresholds, LintSeverity } from './types.js';

/**
 * Default thresholds of every rule, calibrated on copy in the published Smart Brevity style so the
 * defaults stay nearly quiet on it (README "Lint rules" says where each number comes from); the
 * strict house style is a tighter setting away, e.g. `{ 'headline-length': { warn: 6 } }`.
 */
export const defaultLintThresholds: LintRuleThresholds = {
  'headline-length': { warn: 10, error: 16 },
  'lede-one-sentence': { maxSentences: 1, maxWords: 45 },
  'why-it-matters': { required: true, maxSentences: 2 },
  'axiom-duplicate': {},
  'bullet-length': { maxWords: 50, maxBullets: 5 },
  'paragraph-length': { maxSentences: 3 },
  'story-length': { warn: 500, error: 800 },
  'edition-length': { warn: 1200 },
  'weasel-words': { words: ['could', 'may', 'might', 'reportedly'] },
  'source-link': { vagueLabels: ['click here', 'here', 'link', 'this link'], requireHttps: true },
  'preheader-length': { min: 40, max: 110 },
  'image-dimensions': {},
  'html-size': { warn: 90_000, error: 102_000 },
};

/** One row of the rule table, for documentation and tooling. */
export interface LintRuleInfo {
  name: LintRuleName;
  /** The severities the rule can report. */
  severities: readonly LintSeverity[];
  /** What the rule checks, with its default thresholds. */
  description: string;
}

/** Every rule in the order findings are reported within a story. */
export const lintRules: readonly LintRuleInfo[] = [
  {
    name: 'headline-length',
    severities: ['warning', 'error'],
    description: 'Headline words: warn above 10, error above 16.',
  },
  {
    name: 'lede-one-sentence',
    severities: ['warning'],
    description: 'Warn when the lede has more than one sentence or more than 45 words.',
  },
  {
    name: 'why-it-matters',
    severities: ['warning'],
    description:
      'Warn when a story has no "Why it matters" (field or section), or it runs above 2 sentences.',
  },
  {
    name: 'axiom-duplicate',
    severities: ['warning'],
    description: 'Warn when the same axiom label appears twice in one story.',
  },
  {
    name: 'bullet-length',
    severities: ['warning'],
    description: 'Warn above 50 words in a bullet or numbered item, or above 5 items in one list.',
  },
  {
    name: 'paragraph-length',
    severities: ['warning'],
    description:
      'Warn when a paragraph, bullet or the greeting runs above 3 sentences (each paragraph counted alone).',
  },
  {
    name: 'story-length',
    severities: ['warning', 'error'],
    description:
      'Story words (headline, lede, section paragraphs and lists): warn above 500, error above 800.',
  },
  {
    name: 'edition-length',
    severities: ['warning'],
    description: 'Edition words (all stories and the greeting): warn above 1,200.',
  },
  {
    name: 'weasel-words',
    severities: ['info'],
    description: 'Info on hedging words: could, may, might, reportedly.',
  },
  {
    name: 'source-link',
    severities: ['warning'],
    description:
      'Warn when the source has no link, its link text is vague ("click here") or its URL is not https.',
  },
  {
    name: 'preheader-length',
    severities: ['warning'],
    description:
      'Warn when the preheader (explicit or derived from the first lede) is outside 40–110 characters or repeats the subject.',
  },
  {
    name: 'image-dimensions',
    severities: ['warning'],
    description:
      'Warn when a story or sponsor image has no width and height (or aspectRatio): blocked images lose their box.',
  },
  {
    name: 'html-size',
    severities: ['warning', 'error'],
    description: 'Rendered HTML bytes (when given): warn above 90,000, error above 102,000 (Gmail clips).',
  },
];

/** Thresholds of each rule after options are applied; a rule turned off is absent. */
export type ResolvedRules = { [Name in LintRuleName]?: LintRuleThresholds[Name] };

/** Merges per-rule options over the defaults. */
export function resolveRules(options: LintOptions = {}): ResolvedRules {
  checkRuleSettings(options);
  const resolved: ResolvedRules = {};
  for (const { name } of lintRules) {
    const setting = options.rules?.[name];
    if (setting === 'off') continue;
    (resolved as Record<LintRuleName, unknown>)[name] = { ...defaultLintThresholds[name], ...setting };
  }
  return resolved;
}

const ruleNames = new Set<string>(lintRules.map(({ name }) => name));

/**
 * Refuses unknown rule names and thresholds of the wrong type, so a typo ('storry-length') is an
 * error instead of a rule silently left at its default.
 */
function checkRuleSettings(options: LintOptions): void {
  for (const [name, setting] of Object.entries(options.rules ?? {})) {
    const where = `Lint option rules.${name}`;
    if (!ruleNames.has(name)) {
      const suggestion = suggestKey(name, ruleNames);
      throw new NewsbriefError(
        suggestion
          ? `${where}: unknown rule; did you mean "${suggestion}"?`
          : `${where}: unknown rule; known rules are ${[...ruleNames].join(', ')}.`,
      );
    }
    if (setting === undefined || setting === 'off') continue;
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
      throw new NewsbriefError(
        `${where}: expected 'off' or an object of thresholds, found ${JSON.stringify(setting)}.`,
      );
    }
    const defaults = defaultLintThresholds[name as LintRuleName] as Record<string, unknown>;
    for (const [key, value] of Object.entries(setting)) {
      if (!(key in defaults)) {
        const known = Object.keys(defaults);
        throw new NewsbriefError(
          `${where}.${key}: unknown threshold; ${known.length ? `known: ${known.join(', ')}` : 'this rule has none'}.`,
        );
      }
      const expected = Array.isArray(defaults[key]) ? 'array' : typeof defaults[key];
      const found = Array.isArray(value) ? 'array' : typeof value;
      if (expected !== found || (typeof value === 'number' && !(value >= 0))) {
        throw new NewsbriefError(
          `${where}.${key}: expected ${expected === 'number' ? 'a number ≥ 0' : `a ${expected}`}, found ${JSON.stringify(value)}.`,
        );
      }
    }
  }
}
