/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): `content_html` with the stories, `summary` in
 * plain text, RFC 3339 dates, `authors` (1.1's array), served as `application/feed+json`.
 */
import type { FeedEntry } from './entries.js';
import type { FeedHead } from './head.js';

export function jsonFeed(head: FeedHead, entries: readonly FeedEntry[]): string {
  const authors = head.author && [
    { name: head.author.name, ...(head.author.url ? { url: head.author.url } : {}) },
  ];
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: head.title,
    home_page_url: head.siteUrl,
    feed_url: head.feedUrl,
    ...(head.description ? { description: head.description } : {}),
    ...(head.language ? { language: head.language } : {}),
    ...(authors ? { authors } : {}),
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml,
      summary: entry.summary,
      ...(entry.image ? { image: entry.image } : {}),
      date_published: entry.published.rfc3339,
      ...(entry.updated.instant !== entry.published.instant ? { date_modified: entry.updated.rfc3339 } : {}),
      ...(entry.language !== head.language ? { language: entry.language } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
