/**
 * The web pages the proofs check (issue 19): edition pages and the index, written to a folder the
 * way a static host serves them.
 *
 * TEMPORARY: until renderWebPage and `newsbrief site` land, a hand-written complete page stands in.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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

/** Writes every page under `root` and lists them. */
export async function buildWebPages(root: string): Promise<WebPage[]> {
  const pages: WebPage[] = [
    { name: 'edition morning-edition', kind: 'edition', path: '/2026/12/05/', file: '', dir: 'ltr' },
    { name: 'edition rtl-hebrew', kind: 'edition', path: '/he/', file: '', dir: 'rtl' },
    { name: 'index 1', kind: 'index', path: '/', file: '', dir: 'ltr' },
  ];
  for (const page of pages) {
    page.file = join(root, page.path, 'index.html');
    await mkdir(dirname(page.file), { recursive: true });
    await writeFile(
      page.file,
      fixture(page.dir === 'rtl' ? 'he' : 'en', page.dir, page.kind === 'index' ? 'Archive' : 'Morning'),
    );
  }
  return pages;
}
