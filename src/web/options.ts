/** The options of a web page: what each one means, and their checks (errors name the option). */
import { unknownFieldMessage } from '../did-you-mean.js';
import { NewsbriefError } from '../errors.js';
import { isMergeTag } from '../normalize/links.js';
import { textCharacterProblem } from '../normalize/text-hygiene.js';
import { describe } from '../schema.js';
import { webUrlProblem } from './url.js';

/** Feeds of the site, announced in the page's head (`<link rel="alternate">`) for feed readers. */
export interface WebPageFeeds {
  /** RSS 2.0 feed URL. */
  rss?: string;
  /** Atom 1.0 feed URL. */
  atom?: string;
  /** JSON Feed 1.1 URL. */
  json?: string;
}

/** Where one edition's web page lives and what site it belongs to. */
export interface WebPageOptions {
  /**
   * The page's own address, absolute `https:` (or `http:`), without a `#fragment`: the canonical
   * link, `og:url`, and the JSON-LD ids; story `n` is `url#story-n`, as in the email.
   * @example 'https://news.example.com/briefs/2026-03-14/'
   */
  url: string;
  /**
   * The site's name: `og:site_name`, the JSON-LD publisher and the page title's suffix.
   * @default the briefing's title
   */
  siteName?: string;
  /**
   * The site's home or archive page: the site name (and logo) above the masthead link to it.
   * @example 'https://news.example.com/briefs/'
   */
  homeUrl?: string;
  /** The site's feeds, linked from the page's head so feed readers find them. */
  feeds?: WebPageFeeds;
  /** The site's X (Twitter) account for `twitter:site`, written `@handle`. */
  twitterSite?: string;
  /**
   * A table of contents under the masthead linking to each story, in editions of `minStories` or
   * more stories; `false` for none.
   * @default true (from 4 stories)
   */
  toc?: boolean | { minStories?: number };
}

/** `WebPageOptions` checked: every URL an absolute http(s) URL, every text a clean string. */
export interface ResolvedWebPage {
  url: string;
  siteName?: string;
  homeUrl?: string;
  feeds: { type: string; title: string; href: string }[];
  twitterSite?: string;
  toc: WebPageOptions['toc'];
}

/** The option names of `WebPageOptions`, for unknown-key errors. */
export const webPageOptionNames = ['url', 'siteName', 'homeUrl', 'feeds', 'twitterSite', 'toc'] as const;

const feedTypes = {
  rss: { type: 'application/rss+xml', title: 'RSS' },
  atom: { type: 'application/atom+xml', title: 'Atom' },
  json: { type: 'application/feed+json', title: 'JSON Feed' },
} as const;

function fail(path: string, message: string): never {
  throw new NewsbriefError(`Option ${path}: ${message}.`);
}

/** An absolute http(s) URL: the link, the canonical address and the social cards need one. */
function pageUrl(value: unknown, path: string): string {
  if (typeof value !== 'string')
    fail(path, `expected an absolute https: or http: URL, found ${describe(value)}`);
  // A merge tag belongs in an email; a web page is not sent through an ESP.
  const problem = isMergeTag(value)
    ? `expected an absolute https: or http: URL, found the ESP merge tag ${JSON.stringify(value)}`
    : webUrlProblem(value);
  if (problem) fail(path, problem);
  // As the URL parser writes it: spaces and other characters not allowed in an href encoded.
  return new URL(value).href;
}

function optionalText(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    fail(path, `expected text of 1–200 characters, found ${describe(value)}`);
  }
  const problem = textCharacterProblem(value, false);
  if (problem) fail(path, problem);
  return value;
}

/** Refuses keys an options object does not have, naming the one probably meant. */
export function checkKeys(value: object, known: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail(path ? `${path}.${key}` : key, unknownFieldMessage(key, known));
  }
}

function feedLinks(feeds: unknown): ResolvedWebPage['feeds'] {
  if (feeds === undefined) return [];
  if (typeof feeds !== 'object' || feeds === null || Array.isArray(feeds)) {
    fail('feeds', `expected an object of rss, atom and json feed URLs, found ${describe(feeds)}`);
  }
  checkKeys(feeds, Object.keys(feedTypes), 'feeds');
  const links: ResolvedWebPage['feeds'] = [];
  for (const [name, { type, title }] of Object.entries(feedTypes)) {
    const href = (feeds as Record<string, unknown>)[name];
    if (href !== undefined) links.push({ type, title, href: pageUrl(href, `feeds.${name}`) });
  }
  return links;
}

/** Refuses options that are not an object: the page's url is required. */
export function assertOptionsObject(options: unknown): asserts options is object {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new NewsbriefError(
      `renderWebPage: expected options with the page's url ({ url: 'https://…' }), found ${describe(options)}.`,
    );
  }
}

/** Checks the page options (not the render options shared with the email: see `renderWebPage`). */
export function resolveWebPage(options: WebPageOptions): ResolvedWebPage {
  assertOptionsObject(options);
  checkKeys(options, webPageOptionNames, '');
  const url = pageUrl(options.url, 'url');
  if (url.includes('#')) {
    fail(
      'url',
      `expected the page's URL without a #fragment (stories are url#story-1, …), found ${JSON.stringify(url)}`,
    );
  }
  const twitterSite = options.twitterSite;
  if (twitterSite !== undefined && (typeof twitterSite !== 'string' || !/^@\w{1,15}$/.test(twitterSite))) {
    fail('twitterSite', `expected an X (Twitter) handle like "@newsroom", found ${describe(twitterSite)}`);
  }
  return {
    url,
    siteName: optionalText(options.siteName, 'siteName'),
    homeUrl: options.homeUrl === undefined ? undefined : pageUrl(options.homeUrl, 'homeUrl'),
    feeds: feedLinks(options.feeds),
    twitterSite,
    toc: options.toc ?? true,
  };
}
