/**
 * An archive's index pages: editions newest first (title, date, lede), 20 to a page, with the
 * web page's own stylesheet (the same theme tokens, light and dark, responsive) and landmarks.
 */
import { escapeHtml } from '../render/html.js';

/** One edition as an index lists it. */
export interface IndexEntry {
  url: string;
  title: string;
  /** `2026-03-14`, and the date as a reader reads it. */
  date: string;
  dateLabel: string;
  summary: string;
}

/** What every index page shares. */
export interface IndexSettings {
  siteName: string;
  siteUrl: string;
  language: string;
  /** The `<style>` content of the edition pages, so index and pages look alike. */
  css: string;
  feeds: { rss: string; atom: string; json: string };
}

/** The URL of index page `n` (1-based): the site root, then `page/2/`, `page/3/`… */
export function indexPageUrl(siteUrl: string, n: number): string {
  return n === 1 ? siteUrl : new URL(`page/${n}/`, siteUrl).href;
}

/** Index page `n` of `count`, listing `entries`. */
export function indexPage(
  entries: readonly IndexEntry[],
  n: number,
  count: number,
  site: IndexSettings,
): string {
  const url = indexPageUrl(site.siteUrl, n);
  const name = escapeHtml(site.siteName);
  const title = n === 1 ? name : `${name} – page ${n} of ${count}`;
  // dir="auto": each entry takes the direction of its own text (a Hebrew edition reads right to
  // left in an English archive).
  const items = entries
    .map(
      (entry) =>
        `<li><article dir="auto"><h2><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.title)}</a></h2><p class="nb-muted"><time datetime="${entry.date}">${escapeHtml(entry.dateLabel)}</time></p>${entry.summary ? `<p>${escapeHtml(entry.summary)}</p>` : ''}</article></li>`,
    )
    .join('');
  const pager = [
    n > 1 ? `<a href="${escapeHtml(indexPageUrl(site.siteUrl, n - 1))}" rel="prev">Newer editions</a>` : '',
    n < count
      ? `<a href="${escapeHtml(indexPageUrl(site.siteUrl, n + 1))}" rel="next">Older editions</a>`
      : '',
  ].filter(Boolean);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(site.language)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark">',
    `<title>${title}</title>`,
    `<meta name="description" content="${name}: every edition, newest first.">`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<link rel="alternate" type="application/rss+xml" title="RSS" href="${escapeHtml(site.feeds.rss)}">`,
    `<link rel="alternate" type="application/atom+xml" title="Atom" href="${escapeHtml(site.feeds.atom)}">`,
    `<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${escapeHtml(site.feeds.json)}">`,
    `<style>${site.css}.nb-index{list-style:none;padding:0;margin:0}.nb-index h2{margin-bottom:.25em}.nb-pager{display:flex;justify-content:space-between;gap:1em;margin:2em 0}</style>`,
    '</head><body>',
    `<header class="nb-mast"><h1>${name}</h1>${n > 1 ? `<p class="nb-muted">Page ${n} of ${count}</p>` : ''}</header>`,
    // The pager inside main: it takes main's column (width, padding) on every screen.
    `<main><ol class="nb-index">${items}</ol>${pager.length > 0 ? `<nav class="nb-pager" aria-label="Pages">${pager.join('')}</nav>` : ''}</main>`,
    `<footer class="nb-foot"><p><a href="${escapeHtml(site.feeds.rss)}">RSS</a> · <a href="${escapeHtml(site.feeds.atom)}">Atom</a> · <a href="${escapeHtml(site.feeds.json)}">JSON Feed</a></p></footer>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** sitemap.xml: every page with its last change, from the editions' dates (never the clock). */
export function sitemap(pages: readonly { url: string; lastmod: string }[]): string {
  const urls = pages.map(
    (page) => `<url><loc>${escapeHtml(page.url)}</loc><lastmod>${page.lastmod}</lastmod></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
