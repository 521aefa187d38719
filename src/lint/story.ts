/** Story shape rules: a one-sentence lede, a short "Why it matters", no repeated axiom, a word budget. */
import { sugarLabels } from '../normalize/sections.js';
import { splitDecoration } from '../parse/axioms.js';
import { finding, type LintContext, plural, type StoryContext } from './context.js';
import type { LintRuleThresholds, LintWarning } from './types.js';

/** `lede-one-sentence`: one finding per lede that has too many sentences or words. */
export function ledeOneSentence(
  ctx: LintContext,
  limits: LintRuleThresholds['lede-one-sentence'],
): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { story, at } of ctx.stories) {
    const lede = ctx.text(story.lede);
    if (!lede.plain.trim()) continue;
    const sentences = lede.sentences.length;
    const words = lede.words;
    const problems: string[] = [];
    if (sentences > limits.maxSentences) problems.push(plural(sentences, 'sentence'));
    if (words > limits.maxWords) problems.push(plural(words, 'word'));
    if (problems.length === 0) continue;
    const target = limits.maxSentences === 1 ? 'one sentence' : `${limits.maxSentences} sentences or fewer`;
    warnings.push(
      finding(
        'lede-one-sentence',
        'warning',
        `Lede has ${problems.join(' and ')}; make it ${target} of ${limits.maxWords} words or fewer and move the rest into a section.`,
        at('lede'),
      ),
    );
  }
  return warnings;
}

/** `why-it-matters`: every story needs one, and it stays short. */
export function whyItMatters(ctx: LintContext, limits: LintRuleThresholds['why-it-matters']): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { sections, root, at } of ctx.stories) {
    const found = sections.filter(
      (section) => section.label !== undefined && ctx.axiom(section.label) === sugarLabels.whyItMatters,
    );
    if (found.length === 0 && limits.required) {
      warnings.push(
        finding(
          'why-it-matters',
          'warning',
          'Story has no "Why it matters"; add one or two sentences on why this matters to the reader.',
          root,
        ),
      );
    }
    for (const section of found) {
      // The section's paragraphs, not its bullets: the "why" is the sentence after the label.
      const paragraphs = section.blocks.filter((block) => block.kind === 'paragraph');
      let sentences = 0;
      for (const block of paragraphs) sentences += ctx.text(block.text).sentences.length;
      if (sentences <= limits.maxSentences) continue;
      warnings.push(
        finding(
          'why-it-matters',
          'warning',
          `"Why it matters" has ${plural(sentences, 'sentence')}; cut it to ${limits.maxSentences} or fewer.`,
          at(paragraphs[0]?.path ?? section.path),
        ),
      );
    }
  }
  return warnings;
}

/** `axiom-duplicate`: the same label twice in a story, compared as canonical axioms ("🔭 Zoom out" = "Zoom out"). */
export function axiomDuplicate(ctx: LintContext): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { sections, at } of ctx.stories) {
    const seen = new Map<string, string>();
    for (const section of sections) {
      // Sections without a label continue the story; only repeated axioms read as a slip.
      if (section.label === undefined) continue;
      const key = ctx.axiom(section.label) ?? splitDecoration(section.label).words.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, section.path);
        continue;
      }
      warnings.push(
        finding(
          'axiom-duplicate',
          'warning',
          `"${section.label}" appears twice in this story (first at ${at(first)}); merge the two.`,
          at(section.path),
        ),
      );
    }
  }
  return warnings;
}

/** Words a reader reads in a story: headline, lede, section text and bullets (labels are not counted). */
export function storyWords(ctx: LintContext, storyContext: StoryContext): number {
  // story-length and edition-length both need it.
  if (storyContext.words === undefined) {
    const { story, sections } = storyContext;
    let words = ctx.text(story.headline).words + ctx.text(story.lede).words;
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.kind === 'paragraph') words += ctx.text(block.text).words;
        else for (const item of block.items) words += ctx.text(item).words;
      }
    }
    storyContext.words = words;
  }
  return storyContext.words;
}

/** `story-length`: warn above `warn` words, error above `error`. */
export function storyLength(ctx: LintContext, limits: LintRuleThresholds['story-length']): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const story of ctx.stories) {
    const words = storyWords(ctx, story);
    if (words <= limits.warn && words <= limits.error) continue;
    warnings.push(
      finding(
        'story-length',
        words > limits.error ? 'error' : 'warning',
        `Story has ${plural(words, 'word')}; cut it to ${limits.warn} or fewer.`,
        story.root,
      ),
    );
  }
  return warnings;
}
