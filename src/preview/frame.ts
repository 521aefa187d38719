/**
 * The email as the preview iframe shows it. The iframe is sandboxed without scripts; the copy it
 * gets only differs from the sent html in two ways: links open in a new tab, and the colour scheme
 * the editor picked is forced, whatever the operating system prefers.
 */

/** The colour scheme a preview forces. */
export type ColourScheme = 'light' | 'dark';

// Media features rather than `all` / `not all`, because a query may go on (`screen and (…)`). A
// negative width is invalid, which makes its query false.
const matchesAlways = '(min-width:0px)';
const matchesNever = '(max-width:-1px)';

/**
 * What of an email's markup can hold CSS, in document order: a comment (skipped whole: MSO
 * conditional comments are markup for Outlook only), a `<style>` element, or a start tag (whose
 * `style` attribute, or `color-scheme` meta content, may hold it). Quoted attribute values are
 * read whole, so a `>` inside one does not end the tag. Text between them, the story, never
 * matches.
 */
const markup =
  /<!--[\s\S]*?-->|(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)|<[a-zA-Z][^\s/>]*(?:"[^"]*"|'[^']*'|[^"'>])*>/gi;
/** One attribute of a start tag, its value read whole: a `style=` inside another's value is text. */
const attribute = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const schemeMetaNames = new Set(['color-scheme', 'supported-color-schemes']);

/**
 * The email's own dark styles live in `@media (prefers-color-scheme: dark)` blocks, and an iframe
 * follows the host's preference. The preview rewrites those queries into ones that always or never
 * match, and pins `color-scheme` declarations and meta tags the same way so the canvas matches.
 * Only CSS is rewritten: story text that quotes a media query shows as written.
 */
export function previewDocument(html: string, scheme: ColourScheme): string {
  const css = (text: string) =>
    text
      .replace(/\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/g, (_query, wanted: string) =>
        wanted === scheme ? matchesAlways : matchesNever,
      )
      .replace(/(color-schemes?\s*:\s*)light dark/g, `$1${scheme}`);
  return html
    .replace(markup, (found: string, open?: string, sheet?: string, close?: string) => {
      if (open !== undefined) return `${open}${css(sheet ?? '')}${close}`;
      if (found.startsWith('<!--')) return found;
      // A `<meta name="color-scheme">` tag: its `content` is a color-scheme value too.
      const meta =
        /^<meta\b/i.test(found) &&
        [...found.matchAll(attribute)].some(
          (match) =>
            match[2]?.toLowerCase() === 'name' && schemeMetaNames.has(unquote(match[4])?.toLowerCase() ?? ''),
        );
      return found.replace(
        attribute,
        (whole, space: string, name: string, equals?: string, value?: string) => {
          const key = name.toLowerCase();
          if (value === undefined || (key !== 'style' && !(meta && key === 'content'))) return whole;
          return `${space}${name}${equals}${key === 'style' ? css(value) : value.replace('light dark', scheme)}`;
        },
      );
    })
    .replace(/<head([^>]*)>/i, '<head$1><base target="_blank">');
}

/** An attribute value without its quotes. */
function unquote(value: string | undefined): string | undefined {
  return value?.replace(/^(["'])([\s\S]*)\1$/, '$2');
}
