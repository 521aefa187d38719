/** What a feed says about itself, settled from its options and its newest edition. */
import type { FeedDate } from './dates.js';
import type { FeedEntry } from './entries.js';
import type { FeedAuthor, FeedFormat, ResolvedFeedSite } from './options.js';

export interface FeedHead {
  title: string;
  description?: string;
  siteUrl: string;
  feedUrl: string;
  language?: string;
  author?: FeedAuthor;
  /** The newest change of any entry; none for a feed without entries. */
  updated?: FeedDate;
}

/** The head of the `format` feed; title and language fall back to the newest edition's. */
export function feedHead(
  site: ResolvedFeedSite,
  format: FeedFormat,
  entries: readonly FeedEntry[],
): FeedHead {
  const newest = entries[0];
  let updated: FeedDate | undefined;
  for (const entry of entries)
    if (!updated || entry.updated.instant > updated.instant) updated = entry.updated;
  return {
    title: site.title ?? newest?.masthead ?? new URL(site.siteUrl).hostname,
    description: site.description,
    siteUrl: site.siteUrl,
    feedUrl: site.feedUrls[format],
    language: site.language ?? newest?.language,
    author: site.author,
    updated,
  };
}
