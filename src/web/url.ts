/** Web addresses: the page's own URL, its site's home and feeds, and the email's `webUrl`. */
import { quote, urlProtocol } from '../normalize/links.js';
import { urlCharacterProblem } from '../normalize/text-hygiene.js';

/**
 * Why `value` is not an absolute `https:` or `http:` URL, or `undefined` when it is. A page is
 * read over the web, so `mailto:` and relative paths (which a feed reader or a social card could
 * not resolve) are refused here, unlike in story links.
 */
export function webUrlProblem(value: string, orElse = ''): string | undefined {
  // The URL parser drops tabs and line breaks silently; the attribute would still carry them.
  const characters = urlCharacterProblem(value);
  if (characters) return characters;
  const protocol = urlProtocol(value);
  if (protocol === 'https:' || protocol === 'http:') return undefined;
  if (protocol === undefined)
    return `expected an absolute https: or http: URL${orElse}, found ${quote(value)}`;
  return `expected an https: or http: URL${orElse}, found a ${protocol} URL ${quote(value)}`;
}
