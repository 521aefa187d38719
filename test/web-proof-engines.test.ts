/**
 * Issue 19, proof: no sideways scroll. Every edition page (with a stress edition of a very long URL
 * and long unbroken words) and the index page, at 320, 375, 768 and 1280 px, in the engines of
 * test/engines.test.ts: WebKit (WebKitGTK MiniBrowser through WebKitWebDriver under Xvfb), Gecko
 * (firefox-esr over WebDriver BiDi) and Chromium (playwright-core). The document may not be wider
 * than the viewport; a failure names the elements that stick out. An engine whose programs are
 * missing is skipped with a message, except in CI, where it fails.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EngineBrowser,
  engineAvailable,
  engines,
  type PageServer,
  startPageServer,
} from './support/engines/index.js';
import { buildWebPages } from './support/web-pages.js';

const widths = [320, 375, 768, 1280] as const;

// Built at collection time: the pages name the tests.
const root = await mkdtemp(join(tmpdir(), 'newsbrief-web-engines-'));
const pages = await buildWebPages(root);
const htmlOf = new Map(
  await Promise.all(pages.map(async (p) => [p.name, await readFile(p.file, 'utf8')] as const)),
);
afterAll(() => rm(root, { recursive: true, force: true }));

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Elements whose box ends past the right edge or starts before the left one. */
  outside: string[];
}

/** Runs in the page: must not reference anything outside its own body. */
const overflowExpression = `(() => {
  const innerWidth = document.documentElement.clientWidth || window.innerWidth;
  const outside = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && (box.right > innerWidth + 0.5 || box.left < -0.5) && outside.length < 5)
      outside.push('<' + element.tagName.toLowerCase() + (element.className ? ' class="' + element.className + '"' : '') + '> ' + Math.round(box.left) + '–' + Math.round(box.right) + ' px: ' + (element.textContent || '').trim().slice(0, 40));
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, outside };
})()`;

for (const engine of engines) {
  describe.runIf(engineAvailable(engine))(`${engine.label}: no sideways scroll`, () => {
    let browser: EngineBrowser;
    let server: PageServer;

    beforeAll(async () => {
      server = await startPageServer();
      browser = await engine.launch('light');
      console.log(`${engine.label}: ${browser.version}`);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('the check catches a page wider than the viewport', async () => {
      const html = (htmlOf.get(pages[0]?.name ?? '') as string).replace(
        '</body>',
        '<div style="width:700px">wide</div></body>',
      );
      const page = await browser.open(server.publish(html, 'on'), 375);
      try {
        const probe = await page.evaluate<Overflow>(overflowExpression);
        expect(probe.scrollWidth).toBeGreaterThan(375);
      } finally {
        await page.close();
      }
    }, 60_000);

    it.each(pages.map((p) => [p.name, p] as const))(
      '%s at 320/375/768/1280 px',
      async (name) => {
        const page = await browser.open(server.publish(htmlOf.get(name) as string, 'on'), widths[0]);
        try {
          const problems: string[] = [];
          for (const width of widths) {
            await page.resize(width);
            const probe = await page.evaluate<Overflow>(overflowExpression);
            if (probe.innerWidth !== width) problems.push(`${width} px: viewport is ${probe.innerWidth} px`);
            if (probe.scrollWidth > probe.innerWidth)
              problems.push(`${width} px: ${probe.scrollWidth} px wide; ${probe.outside.join('; ')}`);
          }
          expect(problems, `${engine.label} ${name}`).toEqual([]);
        } finally {
          await page.close();
        }
      },
      // A WebKit page loads, resizes and is probed over HTTP round trips: slower on a busy machine.
      60_000,
    );
  });
}
