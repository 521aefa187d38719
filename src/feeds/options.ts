/** The options of a feed: where the site and the feed live, what the feed is called, how many items. */
import { NewsbriefError } from '../errors.js';
import { textCharacterProblem } from '../normalize/text-hygiene.js';
import { describe } from '../schema.js';
import { checkKeys } from '../web/options.js';
import { webUrlProblem } from '../web/url.js';

/** The feed formats newsbrief writes. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** The person or newsroom a feed names as its author. */
export interface FeedAuthor {
  name: string;
  /** A page about the author, or the newsroom's site. */
  url?: string;
  /** Written in RSS `managingEditor` and Atom `email`; JSON Feed has no place for it. */
  email?: string;
}

/** What every feed of a site shares (see `renderFeed`). */
export interface FeedSiteOptions {
  /**
   * The archive's home page, absolute `https:` (or `http:`): the feed's link and Atom id.
   * @example 'https://news.example.com/briefs/'
   */
  siteUrl: string;
  /**
   * The feed's own address (RSS `atom:link rel="self"`, Atom `link rel="self"`, JSON Feed
   * `feed_url`). @default siteUrl + `feed.xml`, `atom.xml` or `feed.json` by format
   */
  feedUrl?: string;
  /** The feed's name. @default the newest edition's title (its masthead) */
  title?: string;
  /** One line on what the feed is. @default the title */
  description?: string;
  /** BCP 47 language tag. @default the newest edition's locale */
  language?: string;
  author?: FeedAuthor;
  /** How many editions the feed carries, newest first. @default 20 */
  limit?: number;
}

/** Options of `renderFeed`: the format and the site's feed options. */
export interface FeedOptions extends FeedSiteOptions {
  format: FeedFormat;
}

/** `FeedSiteOptions` checked, with the defaults that do not depend on the editions. */
export interface ResolvedFeedSite {
  siteUrl: string;
  feedUrls: Record<FeedFormat, string>;
  title?: string;
  description?: string;
  language?: string;
  author?: FeedAuthor;
  limit: number;
}

export const feedFormats: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** The file each format is written to in a site, and its default URL under `siteUrl`. */
export const feedFiles: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

const siteOptionNames = ['siteUrl', 'feedUrl', 'title', 'description', 'language', 'author', 'limit'];

function fail(path: string, message: string): never {
  throw new NewsbriefError(`Option ${path}: ${message}.`);
}

/** An absolute http(s) URL, as the URL parser writes it. */
export function feedUrlOption(value: unknown, path: string): string {
  if (typeof value !== 'string')
    fail(path, `expected an absolute https: or http: URL, found ${describe(value)}`);
  const problem = webUrlProblem(value);
  if (problem) fail(path, problem);
  return new URL(value).href;
}

function textOption(value: unknown, path: string, most: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > most) {
    fail(path, `expected text of 1–${most} characters, found ${describe(value)}`);
  }
  const problem = textCharacterProblem(value, false);
  if (problem) fail(path, problem);
  return value;
}

/** A site URL ends in `/`, so relative paths (`feed.xml`, `2026/03/14/am/`) resolve under it. */
function siteRoot(value: unknown): string {
  const url = feedUrlOption(value, 'siteUrl');
  if (url.includes('#') || url.includes('?')) {
    fail(
      'siteUrl',
      `expected the site's address without a ?query or #fragment, found ${JSON.stringify(url)}`,
    );
  }
  return url.endsWith('/') ? url : `${url}/`;
}

/** Checks the options a site's feeds share; `feedUrl` applies to `format` only. */
export function resolveFeedSite(options: FeedSiteOptions, format?: FeedFormat): ResolvedFeedSite {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new NewsbriefError(
      `Feed options: expected an object with the site's address ({ siteUrl: 'https://…' }), found ${describe(options)}.`,
    );
  }
  checkKeys(options, format ? ['format', ...siteOptionNames] : siteOptionNames, '');
  const siteUrl = siteRoot(options.siteUrl);
  const feedUrls = {
    rss: new URL(feedFiles.rss, siteUrl).href,
    atom: new URL(feedFiles.atom, siteUrl).href,
    json: new URL(feedFiles.json, siteUrl).href,
  };
  if (options.feedUrl !== undefined) {
    if (!format) fail('feedUrl', 'is set per feed; a site names its feeds after siteUrl');
    feedUrls[format] = feedUrlOption(options.feedUrl, 'feedUrl');
  }
  const { limit, author, language } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
    fail('limit', `expected a whole number from 1 to 1000, found ${describe(limit)}`);
  }
  if (
    language !== undefined &&
    (typeof language !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language))
  ) {
    fail('language', `expected a BCP 47 language tag such as "en-US", found ${describe(language)}`);
  }
  return {
    siteUrl,
    feedUrls,
    title: textOption(options.title, 'title', 200),
    description: textOption(options.description, 'description', 1000),
    language,
    author: author === undefined ? undefined : resolveAuthor(author),
    limit: limit ?? 20,
  };
}

function resolveAuthor(author: unknown): FeedAuthor {
  if (typeof author !== 'object' || author === null || Array.isArray(author)) {
    fail('author', `expected { name, url?, email? }, found ${describe(author)}`);
  }
  checkKeys(author, ['name', 'url', 'email'], 'author');
  const { name, url, email } = author as Record<string, unknown>;
  const resolved: FeedAuthor = {
    name: textOption(name, 'author.name', 200) ?? fail('author.name', 'is required'),
  };
  if (url !== undefined) resolved.url = feedUrlOption(url, 'author.url');
  if (email !== undefined) {
    if (typeof email !== 'string' || !/^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(email)) {
      fail('author.email', `expected one address such as "desk@example.com", found ${describe(email)}`);
    }
    resolved.email = email;
  }
  return resolved;
}
