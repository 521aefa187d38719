/** Findings only a render can make: Gmail drops every `<style>` block when they are too large. */
import type { LintWarning } from '../lint/types.js';

/** Gmail removes every `<style>` block when together they exceed this many characters. */
export const gmailStyleLimit = 16_384;

/** `style-size`: total characters of `<style>` blocks in the rendered html. */
export function styleWarnings(html: string): LintWarning[] {
  let styleChars = 0;
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    styleChars += match[1]?.length ?? 0;
  if (styleChars <= gmailStyleLimit) return [];
  return [
    {
      rule: 'style-size',
      severity: 'warning',
      message: `<style> blocks hold ${styleChars} characters; Gmail drops all of them above ${gmailStyleLimit}. Move rules inline or remove unused ones.`,
      path: '',
    },
  ];
}
