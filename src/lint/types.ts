/** Public types of the brevity linter. */

/** How serious a finding is. Lint findings never stop a render. */
export type LintSeverity = 'info' | 'warning' | 'error';

/** One brevity or size finding. */
export interface LintWarning {
  /** Rule name, e.g. `headline-length`. */
  rule: string;
  severity: LintSeverity;
  /** What is wrong and how to fix it: "Headline has 9 words; cut it to 6 or fewer." */
  message: string;
  /**
   * Field path such as `stories[1].lede` or `stories[0].sections[2].bullets[1]`, also when a story
   * is linted alone (`stories[0].lede`: it is a one-story briefing); `''` for the whole briefing.
   */
  path: string;
}

/** Thresholds of every rule, by rule name. Numbers are inclusive limits: a finding is "above" them. */
export interface LintRuleThresholds {
  /** Headline (tease) words. */
  'headline-length': {
    /** Warn above this many words. @default 10 */
    warn: number;
    /** Error above this many words. @default 16 */
    error: number;
  };
  'lede-one-sentence': {
    /** Warn above this many sentences. @default 1 */
    maxSentences: number;
    /** Warn above this many words. @default 45 */
    maxWords: number;
  };
  'why-it-matters': {
    /** Warn when a story has no "Why it matters". @default true */
    required: boolean;
    /** Warn above this many sentences. @default 2 */
    maxSentences: number;
  };
  /** Warns when one axiom label appears twice in a story. No thresholds. */
  'axiom-duplicate': Record<string, never>;
  'bullet-length': {
    /** Warn above this many words in one bullet or numbered item. @default 50 */
    maxWords: number;
    /** Warn above this many items in one list (each list of a section counts alone). @default 5 */
    maxBullets: number;
  };
  'paragraph-length': {
    /** Warn above this many sentences in a section paragraph, bullet or the greeting. @default 3 */
    maxSentences: number;
  };
  /** Words a reader reads in a story: headline, lede, section text and bullets. */
  'story-length': {
    /** @default 500 */
    warn: number;
    /** @default 800 */
    error: number;
  };
  /** Words of every story plus the greeting. */
  'edition-length': {
    /** @default 1200 */
    warn: number;
  };
  'weasel-words': {
    /** Hedging words reported as `info`, matched as whole words, case-insensitively. @default ['could', 'may', 'might', 'reportedly'] */
    words: string[];
  };
  'source-link': {
    /** Link texts that do not say where the link goes, compared case-insensitively. @default ['click here', 'here', 'link', 'this link'] */
    vagueLabels: string[];
    /** Warn when the source URL is not `https:`. @default true */
    requireHttps: boolean;
  };
  /** Characters of the preheader (explicit, or the one derived from the first lede). */
  'preheader-length': {
    /** @default 40 */
    min: number;
    /** @default 110 */
    max: number;
  };
  /** Story and sponsor images without `width` and `height` (or `aspectRatio`). */
  'image-dimensions': Record<string, never>;
  /** Bytes of rendered HTML; checked only when `LintOptions.htmlBytes` is given. */
  'html-size': {
    /** @default 90000 */
    warn: number;
    /** Gmail clips messages above about 102 KB. @default 102000 */
    error: number;
  };
}

/** Name of a lint rule. */
export type LintRuleName = keyof LintRuleThresholds;

/** A rule's setting: `'off'`, or thresholds to override (the rest keep their defaults). */
export type LintRuleSetting<Name extends LintRuleName> = 'off' | Partial<LintRuleThresholds[Name]>;

/**
 * Options of `lintBriefing`.
 *
 * @example
 * lintBriefing(briefing, { rules: { 'story-length': { warn: 250, error: 400 }, 'weasel-words': 'off' } });
 */
export interface LintOptions {
  /** Per-rule settings; rules not named run with their defaults (see `lintRules`). */
  rules?: { [Name in LintRuleName]?: LintRuleSetting<Name> };
  /** Size of the rendered HTML in bytes; enables the `html-size` rule. */
  htmlBytes?: number;
}
