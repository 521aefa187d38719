/**
 * `npm run shots:web`: the README's pictures of the edition on the web, in Debian's Chromium.
 * docs/web-page.png is an archive (edition) page and docs/web-index.png the site's index page, each
 * at a phone (375 px) and a desktop (1280 px) width side by side, the top of the page only, reduced
 * with ImageMagick to a 128-colour PNG (well under 300 KB).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startPageServer } from '../test/support/engines/index.js';
import { chromiumPath, launchChromium } from '../test/support/fidelity.js';
import { buildWebPages } from '../test/support/web-pages.js';

const run = promisify(execFile);
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const shots = [
  { page: 'edition morning-edition', out: 'web-page.png' },
  { page: 'index 1', out: 'web-index.png' },
] as const;
const widths = [
  { width: 375, height: 1100 },
  { width: 1280, height: 1100 },
] as const;

const work = await mkdtemp(join(tmpdir(), 'newsbrief-web-shots-'));
const server = await startPageServer();
const browser = await launchChromium();
console.log(`Chromium ${browser.version()} (${chromiumPath})`);
try {
  const pages = await buildWebPages(join(work, 'site'));
  for (const shot of shots) {
    const page = pages.find((p) => p.name === shot.page);
    if (!page) throw new Error(`no page "${shot.page}" among ${pages.map((p) => p.name).join(', ')}`);
    const url = server.publish(await readFile(page.file, 'utf8'), 'on');
    const tiles: string[] = [];
    for (const { width, height } of widths) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: 'light' });
      const tab = await context.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      const file = join(work, `${shot.out}-${width}.png`);
      await writeFile(file, await tab.screenshot({ clip: { x: 0, y: 0, width, height } }));
      await context.close();
      tiles.push(file);
    }
    const out = join(docs, shot.out);
    // Phone beside desktop, both scaled to one height; flat colours keep text sharp in 128 colours.
    await run('convert', [
      ...tiles,
      '-resize',
      'x700',
      '-bordercolor',
      '#d8dadd',
      '-border',
      '8',
      '+append',
      '-colors',
      '128',
      `PNG8:${out}`,
    ]);
    console.log(`${out}: ${Math.round((await stat(out)).size / 1024)} KB`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
