/** `renderFeed`: an archive's editions → an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document. */
import { NewsbriefError } from '../errors.js';
import { describe } from '../schema.js';
import {
  type RenderWebPageOptions,
  renderWebPage,
  type SharedRenderOptions,
} from '../web/render-web-page.js';
import { atomFeed } from './atom.js';
import {
  type ArchiveEdition,
  datedEditions,
  editionBriefing,
  type FeedEntry,
  feedEntry,
  withinEdition,
} from './entries.js';
import { feedHead } from './head.js';
import { jsonFeed } from './json-feed.js';
import {
  type FeedFormat,
  type FeedOptions,
  feedFormats,
  type ResolvedFeedSite,
  resolveFeedSite,
} from './options.js';
import { rssFeed } from './rss.js';

/** Options of `renderFeed`: the feed's, and the render options its stories share with the web pages. */
export interface RenderFeedOptions extends FeedOptions, Omit<SharedRenderOptions, 'theme'> {
  /** The site's name, as on its web pages. @default the feed title */
  siteName?: string;
}

const writers: Record<FeedFormat, typeof rssFeed> = { rss: rssFeed, atom: atomFeed, json: jsonFeed };

/** Writes the `format` feed of prepared entries (newest first, at most `site.limit`). */
export function writeFeed(format: FeedFormat, site: ResolvedFeedSite, entries: readonly FeedEntry[]): string {
  return writers[format](feedHead(site, format, entries), entries);
}

/**
 * An archive's feed: the newest `limit` editions, newest first, each with its page URL as link
 * and id (or the edition's `id`), its subject as title, its preheader as summary and its stories
 * as full HTML content (the `<main>` of its web page, so feed readers show what the page shows).
 * Dates come from the editions, never the clock: the same archive always gives the same bytes.
 *
 * - `rss`: RSS 2.0 with `content:encoded`, RFC 822 dates, `guid isPermaLink`.
 * - `atom`: Atom 1.0, RFC 3339 dates, `content type="html"`.
 * - `json`: JSON Feed 1.1, `content_html`, RFC 3339 dates.
 *
 * Portable: no Node module, so a worker can serve its archive's feed.
 *
 * @throws {BriefingValidationError} naming the edition: `editions[2].date`, `editions[0].briefing.stories[1].headline`.
 * @throws {NewsbriefError} for a bad option: `Option siteUrl: expected an absolute https: or http: URL, …`.
 *
 * @example
 * const rss = renderFeed(
 *   [{ briefing, url: 'https://news.example.com/briefs/2026/03/14/am/' }],
 *   { format: 'rss', siteUrl: 'https://news.example.com/briefs/', title: 'Morning Brief' },
 * );
 */
export function renderFeed(editions: readonly ArchiveEdition[], options: RenderFeedOptions): string {
  if (typeof options !== 'object' || options === null) {
    throw new NewsbriefError(
      `renderFeed: expected options with format and siteUrl, found ${describe(options)}.`,
    );
  }
  const { format, siteName, labels, linkParams, limits, neutralizeMergeSyntax, ...feed } = options;
  if (!feedFormats.includes(format)) {
    throw new NewsbriefError(`Option format: expected "rss", "atom" or "json", found ${describe(format)}.`);
  }
  const site = resolveFeedSite(feed, format);
  const shared: Omit<RenderWebPageOptions, 'url'> = { labels, linkParams, limits, neutralizeMergeSyntax };
  const entries = datedEditions(editions)
    .slice(0, site.limit)
    .map((dated) => {
      const briefing = editionBriefing(dated, { limits });
      const page = withinEdition(dated.index, () =>
        renderWebPage(briefing, {
          ...shared,
          url: dated.edition.url,
          siteName: siteName ?? site.title,
          homeUrl: site.siteUrl,
        }),
      );
      return feedEntry(dated, page, briefing);
    });
  return writeFeed(format, site, entries);
}
