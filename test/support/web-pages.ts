/**
 * The web pages the proofs check (issue 19): edition pages and the index, written to a folder the
 * way a static host serves them.
 *
 * TEMPORARY: until renderWebPage and `newsbrief site` land, a hand-written complete page stands in.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadExamples } from '../../scripts/example-inputs.js';
import { type Briefing, createRenderer } from '../../src/node/index.js';

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

const fixture = (lang: string, dir: string, title: string) => `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="The morning briefing: three stories in five minutes.">
<link rel="canonical" href="https://news.example.com/2026/12/05/">
<meta name="color-scheme" content="light dark">
<style>
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fffdf8}
main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
a{color:#0b5cad}
@media (prefers-color-scheme:dark){body{color:#eee;background:#111}a{color:#8cc4ff}}
</style>
</head>
<body>
<main>
<article id="story-1">
<header><h1>${title}</h1></header>
<section><h2>Why it matters</h2><p>Supercalifragilisticexpialidocioussupercalifragilisticexpialidocious and https://example.com/a/very/long/path/that/never/breaks/anywhere/at/all/because/it/has/no/spaces/at/all/ever.</p>
<ul><li>One</li><li>Two</li></ul>
<p><a href="https://example.com/story">Read the full story at example.com</a></p></section>
</article>
</main>
</body>
</html>
`;

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

/** Writes every page under `root` and lists them. */
export async function buildWebPages(root: string): Promise<WebPage[]> {
  const pages = await editionPages(root);
  // TEMPORARY index page until `newsbrief site` lands.
  const index: WebPage = {
    name: 'index 1',
    kind: 'index',
    path: '/',
    file: join(root, 'index.html'),
    dir: 'ltr',
  };
  await writeFile(index.file, fixture('en', 'ltr', 'Archive'));
  return [...pages, index];
}
