/**
 * Atom 1.0 (RFC 4287): RFC 3339 dates, the summary as text, the stories as escaped HTML
 * (`type="html"`), an author on the feed (Atom requires one on the feed or on every entry:
 * the option's, else the feed's own title).
 */
import type { FeedEntry } from './entries.js';
import type { FeedHead } from './head.js';
import { element, escapeXml } from './xml.js';

export function atomFeed(head: FeedHead, entries: readonly FeedEntry[]): string {
  const author = head.author ?? { name: head.title };
  const link = (rel: string, type: string, href: string) =>
    `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
  const items = entries.map((entry) =>
    [
      '<entry>',
      element('id', entry.id),
      element('title', entry.title, ' type="text"'),
      link('alternate', 'text/html', entry.url),
      element('published', entry.published.rfc3339),
      element('updated', entry.updated.rfc3339),
      element('summary', entry.summary, ' type="text"'),
      element('content', entry.contentHtml, ' type="html"'),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${head.language ? ` xml:lang="${escapeXml(head.language)}"` : ''}>`,
    element('id', head.siteUrl) +
      element('title', head.title, ' type="text"') +
      element('subtitle', head.description, ' type="text"') +
      // An empty feed has no newest edition: the epoch keeps it valid and deterministic.
      element('updated', head.updated?.rfc3339 ?? '1970-01-01T00:00:00Z') +
      link('alternate', 'text/html', head.siteUrl) +
      link('self', 'application/atom+xml', head.feedUrl) +
      `<author>${element('name', author.name)}${element('uri', author.url)}${element('email', author.email)}</author>` +
      '<generator>newsbrief</generator>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
