/** Size warnings every render carries: Gmail clips large messages and drops large `<style>` blocks. */

/** A brevity or size finding. Never fatal. */
export interface LintWarning {
  /** Rule name, e.g. `headline-length` or `html-size`. */
  rule: string;
  severity: 'info' | 'warning' | 'error';
  /** What is wrong and how to fix it. */
  message: string;
  /** Field path (`stories[1].lede`), or `''` for the whole edition. */
  path: string;
}

/** Gmail clips a message at about 102 KB of HTML and hides everything after ("[Message clipped]"). */
export const htmlSizeLimits = { warn: 90_000, error: 102_000 } as const;
/** Gmail removes every `<style>` block when together they exceed this many characters. */
export const gmailStyleLimit = 16_384;

export function sizeWarnings(html: string, htmlBytes: number): LintWarning[] {
  const warnings: LintWarning[] = [];
  if (htmlBytes > htmlSizeLimits.error) {
    warnings.push({
      rule: 'html-size',
      severity: 'error',
      message: `HTML is ${htmlBytes} bytes; Gmail clips messages above ${htmlSizeLimits.error} bytes and hides the rest, unsubscribe link included. Cut stories or split the edition.`,
      path: '',
    });
  } else if (htmlBytes > htmlSizeLimits.warn) {
    warnings.push({
      rule: 'html-size',
      severity: 'warning',
      message: `HTML is ${htmlBytes} bytes, close to Gmail's clipping point (${htmlSizeLimits.error} bytes). Trim before adding more.`,
      path: '',
    });
  }
  let styleChars = 0;
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styleChars += match[1]?.length ?? 0;
  if (styleChars > gmailStyleLimit) {
    warnings.push({
      rule: 'style-size',
      severity: 'warning',
      message: `<style> blocks hold ${styleChars} characters; Gmail drops all of them above ${gmailStyleLimit}. Move rules inline or remove unused ones.`,
      path: '',
    });
  }
  return warnings;
}
