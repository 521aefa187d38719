/**
 * The web pages the proofs check (issue 19): edition pages and the index, written to a folder the
 * way a static host serves them.
 * Edition pages come from `renderer.renderWebPage`; index pages from `buildSite` (`newsbrief site`)
 * over the same briefings, dated so they page.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadExamples } from '../../scripts/example-inputs.js';
import { type Briefing, createRenderer } from '../../src/node/index.js';
import { buildSite } from '../../src/node/site.js';

export interface WebPage {
  /** For messages: `edition morning-edition`, `index 1`. */
  name: string;
  kind: 'edition' | 'index';
  /** URL path from the site root, e.g. `/morning-edition/`. */
  path: string;
  /** The html file on disk. */
  file: string;
  dir: 'ltr' | 'rtl';
}

/** A story with a very long URL and long unbroken words in its copy: nothing may scroll sideways. */
const longWord = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';
const longUrl = `https://www.example.com/${'a-very-long-path-segment-without-any-break/'.repeat(6)}?utm_source=${'x'.repeat(120)}`;
const stress: Briefing = {
  title: `Stress edition ${longWord}`,
  date: '2026-12-05',
  stories: [
    {
      headline: `${longWord} and ${longUrl}`,
      lede: `Raw link ${longUrl} and a long word ${longWord}${longWord}.`,
      whyItMatters: `Long copy: ${longWord.repeat(3)}. [A link with a long address](${longUrl}).`,
      source: { label: longWord, url: longUrl },
    },
    { headline: 'A second story', lede: `Plain prose next to ${longUrl}.` },
  ],
};

/** The site's address in every canonical link and feed URL (the pages are served elsewhere). */
export const siteUrl = 'https://news.example.com/';

/** Renders one edition page per example, plus the stress edition, and writes it under `root`. */
async function editionPages(root: string): Promise<WebPage[]> {
  const inputs = [
    ...(await loadExamples()).map(({ name, input, options }) => ({ name, input, options })),
    { name: 'stress-long-words', input: stress, options: {} },
  ];
  const pages: WebPage[] = [];
  for (const { name, input, options } of inputs) {
    const renderer = await createRenderer(options);
    const path = `/${name}/`;
    const { html } = renderer.renderWebPage(input, {
      url: new URL(path.slice(1), siteUrl).href,
      siteName: 'Example News',
      homeUrl: siteUrl,
      feeds: { rss: `${siteUrl}feed.xml`, atom: `${siteUrl}atom.xml`, json: `${siteUrl}feed.json` },
    });
    const file = join(root, path, 'index.html');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
    pages.push({
      name: `edition ${name}`,
      kind: 'edition',
      path,
      file,
      dir: /\sdir="rtl"/.test(html.slice(0, 300)) ? 'rtl' : 'ltr',
    });
  }
  return pages;
}

/**
 * The archive's index pages, built by `buildSite` from every example (dated a day apart, five to a
 * page so there are two pages) into `root`.
 */
async function indexPages(root: string): Promise<WebPage[]> {
  const folder = await mkdtemp(join(tmpdir(), 'newsbrief-site-'));
  try {
    const examples = await loadExamples();
    await Promise.all(
      examples.map(({ name, input }, index) =>
        writeFile(
          join(folder, `2026-11-${String(index + 10).padStart(2, '0')}-${name}.json`),
          JSON.stringify(input),
        ),
      ),
    );
    const out = join(root, 'archive');
    const { written } = await buildSite(folder, out, {
      baseUrl: `${siteUrl}archive/`,
      perPage: 5,
      siteName: 'Example News',
    });
    return written
      .filter((file) => file === 'index.html' || /^page\/\d+\/index\.html$/.test(file))
      .sort()
      .map((file, index) => ({
        name: `index ${index + 1}`,
        kind: 'index' as const,
        path: `/archive/${file.replace(/index\.html$/, '')}`,
        file: join(out, file),
        dir: 'ltr' as const,
      }));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Writes every page under `root` and lists them. */
export async function buildWebPages(root: string): Promise<WebPage[]> {
  return [...(await editionPages(root)), ...(await indexPages(root))];
}
