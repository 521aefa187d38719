/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification): the summary in `description`, the full
 * stories in `content:encoded` (the content module every reader takes full text from), RFC 822
 * dates, the feed's own address in `atom:link rel="self"` as the RSS Advisory Board recommends.
 */

import { escapeHtml } from '../render/html.js';
import type { FeedEntry } from './entries.js';
import type { FeedHead } from './head.js';
import { cdata, element, escapeXml } from './xml.js';

export function rssFeed(head: FeedHead, entries: readonly FeedEntry[]): string {
  const author = head.author?.email ? `${head.author.email} (${head.author.name})` : undefined;
  const items = entries.map((entry) =>
    [
      '<item>',
      element('title', entry.title),
      element('link', entry.url),
      element('guid', entry.id, entry.id === entry.url ? ' isPermaLink="true"' : ' isPermaLink="false"'),
      element('pubDate', entry.published.rfc822),
      // Readers take `description` as HTML: the plain summary is escaped for HTML, then for XML.
      element('description', escapeHtml(entry.summary)),
      `<content:encoded>${cdata(entry.contentHtml)}</content:encoded>`,
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    element('title', head.title) +
      element('link', head.siteUrl) +
      element('description', head.description ?? head.title) +
      element('language', head.language) +
      element('managingEditor', author) +
      element('lastBuildDate', head.updated?.rfc822) +
      element('generator', 'newsbrief') +
      `<atom:link href="${escapeXml(head.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
