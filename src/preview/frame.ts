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
 * The email's own dark styles live in `@media (prefers-color-scheme: dark)` blocks, and an iframe
 * follows the host's preference. The preview rewrites those queries into ones that always or never
 * match, and pins `color-scheme` declarations the same way so the canvas matches.
 */
export function previewDocument(html: string, scheme: ColourScheme): string {
  return html
    .replace(/\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/g, (_query, wanted: string) =>
      wanted === scheme ? matchesAlways : matchesNever,
    )
    .replace(/(color-schemes?(?:"\s+content="|\s*:\s*))light dark/g, `$1${scheme}`)
    .replace(/<head([^>]*)>/i, '<head$1><base target="_blank">');
}
