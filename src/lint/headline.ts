/** Headline rules: the tease must be short enough to read at a glance and to fit a subject line. */
import type { LintContext } from './context.js';
import { finding, plural } from './context.js';
import type { LintRuleThresholds, LintWarning } from './types.js';

/** `headline-length`: warn above `warn` words, error above `error`. */
export function headlineLength(
  ctx: LintContext,
  limits: LintRuleThresholds['headline-length'],
): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { story, at } of ctx.stories) {
    const words = ctx.text(story.headline).words;
    if (words <= limits.warn && words <= limits.error) continue;
    const severity = words > limits.error ? 'error' : 'warning';
    warnings.push(
      finding(
        'headline-length',
        severity,
        `Headline has ${plural(words, 'word')}; cut it to ${limits.warn} or fewer.`,
        at('headline'),
      ),
    );
  }
  return warnings;
}
