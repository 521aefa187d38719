/**
 * `buildSite`: a folder of editions → a static archive: one page per edition at
 * `YYYY/MM/DD/slug/index.html`, paged index pages (`index.html`, `page/2/index.html`…), the three
 * feeds (`feed.xml`, `atom.xml`, `feed.json`) and `sitemap.xml`. Deterministic (dates come from
 * the editions, never the clock) and incremental: a file whose bytes would not change is not written.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { CommandError, onFile } from '../cli/failure.js';
import { readBriefingSource, withinSource } from '../cli/input.js';
import { type ArchiveEdition, datedEditions, feedEntry } from '../feeds/entries.js';
import { type IndexEntry, indexPage, indexPageUrl, sitemap } from '../feeds/index-page.js';
import { feedFiles, feedFormats, resolveFeedSite } from '../feeds/options.js';
import { writeFeed } from '../feeds/render-feed.js';
import type { Briefing } from '../model.js';
import { formatDate } from '../normalize/edition.js';
import { assertBriefing } from '../schema.js';
import { createRenderer, type RenderOptions } from './index.js';

/** Options of `buildSite`. */
export interface BuildSiteOptions {
  /** The archive's public address, absolute https: (or http:): every page URL and feed is under it. */
  baseUrl: string;
  /** The site's name: index heading, page titles, feeds. @default the newest edition's title */
  siteName?: string;
  /** Editions per index page. @default 20 */
  perPage?: number;
  /** Editions each feed carries. @default 20 */
  feedSize?: number;
  /** Theme, labels and link parameters, as for the email. */
  render?: RenderOptions;
}

/** What `buildSite` did. */
export interface SiteResult {
  editions: number;
  /** Files written (new or changed), relative to the output folder. */
  written: string[];
  /** Files left as they were: their bytes would not change. */
  unchanged: number;
}

const sourceFile = /\.(json|md|txt)$/i;

/** `2026-03-14-morning.md` → `morning`; `Morning Brief!.md` → `morning-brief`. */
function slugOf(file: string): string {
  const name = basename(file, extname(file)).replace(/^\d{4}-\d{2}-\d{2}[-_ .]?/, '');
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'edition'
  );
}

/** Builds the archive of every briefing source in `folder` into `outDir`. */
export async function buildSite(
  folder: string,
  outDir: string,
  options: BuildSiteOptions,
): Promise<SiteResult> {
  const site = resolveFeedSite({
    siteUrl: options.baseUrl,
    title: options.siteName,
    limit: options.feedSize,
  });
  const perPage = options.perPage ?? 20;
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new CommandError('--per-page', `expected a whole number of at least 1, found ${perPage}`);
  }
  const names = (await onFile(folder, () => readdir(folder, { recursive: true })))
    .filter((name) => sourceFile.test(name))
    .sort();
  if (names.length === 0)
    throw new CommandError(folder, 'no editions here; expected .json, .md or .txt briefing files');

  const byPath = new Map<string, string>();
  const archive: (ArchiveEdition & { file: string; path: string })[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const source = await readBriefingSource(file);
    const briefing = withinSource(source, () =>
      assertBriefing(source.input, { limits: options.render?.limits }),
    );
    const date = briefing.date ?? /^(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1];
    if (!date) {
      throw new CommandError(
        file,
        'date: an edition of the site needs a date; add "date: 2026-03-14", or start the file name with it (2026-03-14-morning.md)',
      );
    }
    const path = `${date.replaceAll('-', '/')}/${slugOf(file)}/`;
    const twin = byPath.get(path);
    if (twin) throw new CommandError(file, `the same page (${path}) as ${twin}; rename one of the two files`);
    byPath.set(path, file);
    archive.push({ briefing, url: new URL(path, site.siteUrl).href, date, file, path });
  }

  const renderer = await createRenderer(options.render);
  const dated = datedEditions(archive);
  const siteName = site.title ?? (dated[0]?.edition.briefing as Briefing | undefined)?.title ?? 'Archive';
  const feeds = {
    rss: site.feedUrls.rss,
    atom: site.feedUrls.atom,
    json: site.feedUrls.json,
  };
  const files = new Map<string, string>();
  const entries: ReturnType<typeof feedEntry>[] = [];
  const index: IndexEntry[] = [];
  const link = (at: number) => {
    const other = dated[at];
    return other && { url: other.edition.url, title: formatDate(other.published.day, 'en-US') };
  };
  let css = '';
  dated.forEach((edition, at) => {
    const item = archive[edition.index] as (typeof archive)[number];
    const briefing = item.briefing as Briefing;
    const page = renderer.renderWebPage(briefing, {
      url: item.url,
      siteName,
      homeUrl: site.siteUrl,
      feeds,
      previous: link(at + 1),
      next: link(at - 1),
    });
    css ||= page.html.slice(page.html.indexOf('<style>') + 7, page.html.indexOf('</style>'));
    files.set(`${item.path}index.html`, page.html);
    const entry = feedEntry(edition, page, briefing);
    entries.push(entry);
    index.push({
      url: item.url,
      title: entry.title,
      date: edition.published.day,
      dateLabel: formatDate(edition.published.day, briefing.locale ?? 'en-US'),
      summary: entry.summary,
    });
  });

  const settings = { siteName, siteUrl: site.siteUrl, language: entries[0]?.language ?? 'en-US', css, feeds };
  const count = Math.max(1, Math.ceil(index.length / perPage));
  const pages: { url: string; lastmod: string }[] = [];
  for (let n = 1; n <= count; n += 1) {
    const slice = index.slice((n - 1) * perPage, n * perPage);
    files.set(n === 1 ? 'index.html' : `page/${n}/index.html`, indexPage(slice, n, count, settings));
    pages.push({ url: indexPageUrl(site.siteUrl, n), lastmod: slice[0]?.date ?? '1970-01-01' });
  }
  for (const edition of dated) pages.push({ url: edition.edition.url, lastmod: edition.updated.day });
  const feedSite = { ...site, title: siteName };
  for (const format of feedFormats)
    files.set(feedFiles[format], writeFeed(format, feedSite, entries.slice(0, site.limit)));
  files.set('sitemap.xml', sitemap(pages));

  const written: string[] = [];
  for (const [path, content] of files) {
    const target = join(outDir, path);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === content) continue;
    await onFile(relative(process.cwd(), target) || target, async () => {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    });
    written.push(path);
  }
  return { editions: dated.length, written, unchanged: files.size - written.length };
}
