/** Link rules shared by validation, HTML and text: which URLs are allowed and how tracking params are added. */
import { hasReaderToken } from '../readers/tokens.js';
import { memoizeString } from './memo.js';
import { urlCharacterProblem } from './text-hygiene.js';

const allowedProtocols = new Set(['https:', 'http:', 'mailto:']);

/**
 * ESP merge tags accepted where a footer URL is expected. Each pattern is exact and contains no
 * quote or space, so a tag can be written into an `href` verbatim without breaking out of it.
 * Mailchimp `*|UNSUB|*`, Handlebars-style ESPs `{{unsubscribe}}` / Postmark `{{{pm:unsubscribe}}}`,
 * Mailgun `%unsubscribe_url%` / `%recipient.name%`, SendGrid `<%asm_group_unsubscribe_raw_url%>`.
 */
const mergeTagPatterns = [
  /^\*\|[A-Za-z0-9_:-]+\|\*$/,
  /^\{\{\{?[A-Za-z0-9_.:-]+\}?\}\}$/,
  /^%[A-Za-z0-9_.:-]+%$/,
  /^<%[A-Za-z0-9_.:-]+%>$/,
];

/** True when `value` is exactly one ESP merge tag. */
export function isMergeTag(value: string): boolean {
  return mergeTagPatterns.some((pattern) => pattern.test(value));
}

/** The URL's protocol when it parses as an absolute URL, else `undefined`. Cached per string. */
export const urlProtocol = memoizeString((value: string): string | undefined =>
  URL.canParse(value) ? new URL(value).protocol : undefined,
);

/**
 * Why a link target is refused, or `undefined` when it is fine: `https:`, `http:` or `mailto:`,
 * without control or bidirectional formatting characters.
 */
export function linkProblem(value: string, orElse = ''): string | undefined {
  // The URL parser drops tabs and line breaks silently; the href would still carry them.
  const characters = urlCharacterProblem(value);
  if (characters) return characters;
  // A value filled into a URL could add parameters or change its host; only a whole footer URL
  // may be a token (`{{reader.unsubscribeUrl}}`, an exact merge tag), and `personalize` checks it.
  if (hasReaderToken(value))
    return `expected a URL without reader tokens (a footer URL may be one whole token, such as {{reader.unsubscribeUrl}}), found ${quote(value)}`;
  const protocol = urlProtocol(value);
  if (protocol === undefined)
    return `expected an absolute https:, http: or mailto: URL${orElse}, found ${quote(value)}`;
  if (!allowedProtocols.has(protocol)) {
    return `expected an https:, http: or mailto: URL${orElse}, found a ${protocol} URL ${quote(value)}`;
  }
  return undefined;
}

/** Short, quoted preview of a found value for error messages. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(short);
}

/**
 * Adds tracking parameters (e.g. UTM) to an http(s) URL. Existing parameters win, the fragment is
 * kept, and mailto: links and merge tags are returned unchanged.
 */
export function withLinkParams(href: string, params: Readonly<Record<string, string>> | undefined): string {
  if (!params || isMergeTag(href)) return href;
  const protocol = urlProtocol(href);
  if (protocol !== 'https:' && protocol !== 'http:') return href;
  const url = new URL(href);
  let changed = false;
  for (const [name, value] of Object.entries(params)) {
    if (url.searchParams.has(name)) continue;
    url.searchParams.append(name, value);
    changed = true;
  }
  return changed ? url.toString() : href;
}
