/** Link rules: the source link says where it goes and uses https. */
import { urlProtocol } from '../normalize/links.js';
import { finding, type LintContext } from './context.js';
import type { LintRuleThresholds, LintWarning } from './types.js';

/** `source-link`: a source with no link, vague link text ("click here") and non-https URLs. */
export function sourceLink(ctx: LintContext, limits: LintRuleThresholds['source-link']): LintWarning[] {
  const vague = new Set(limits.vagueLabels.map(normalise));
  const warnings: LintWarning[] = [];
  for (const { story, at } of ctx.stories) {
    const source = story.source;
    if (!source) continue;
    const label = ctx.text(source.label).plain;
    if (label && source.url === undefined) {
      warnings.push(
        finding(
          'source-link',
          'warning',
          `Source "${label.trim()}" has no link; add the URL of the original reporting so readers can go deeper.`,
          at('source'),
        ),
      );
    } else if (label && vague.has(normalise(label))) {
      warnings.push(
        finding(
          'source-link',
          'warning',
          `Source link text "${label.trim()}" does not say where it goes; name the source or the story, e.g. "Go deeper: the full report".`,
          at('source.label'),
        ),
      );
    }
    if (limits.requireHttps && source.url !== undefined && urlProtocol(source.url) !== 'https:') {
      warnings.push(
        finding(
          'source-link',
          'warning',
          `Source URL "${source.url}" is not https; link to the https address so mail clients do not flag it.`,
          at('source.url'),
        ),
      );
    }
  }
  return warnings;
}

function normalise(label: string): string {
  return label
    .toLowerCase()
    .replace(/[\s.!:…]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
