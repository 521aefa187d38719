/**
 * The web page in Chromium (every request blocked, so images stay their reserved boxes): no
 * sideways scroll from 320 px up, axe finds no violation in light or dark mode, dark mode and
 * print take their colours and layout from the stylesheet. Screenshots go to test/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWebPage } from '../src/index.js';
import { browserTestsEnabled, launchChromium, loadExample, openOffline } from './support/fidelity.js';

const axePath = createRequire(import.meta.url).resolve('axe-core');
const artifacts = new URL('./artifacts/', import.meta.url);
const url = 'https://news.example.com/am/2026-03-14/';
const widths = [320, 375, 768, 1280] as const;

/** Copy that stretches a narrow screen: one long URL, one long word, a long linked headline. */
const stretching = renderWebPage(
  {
    title: 'Morning Brief',
    stories: [
      {
        headline: `[Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft](https://example.com/${'a'.repeat(120)})`,
        lede: `Read https://example.com/${'segment/'.repeat(30)} and ${'x'.repeat(200)}.`,
        image: { src: 'https://example.com/wide.png', alt: 'A wide chart', width: 2000, height: 500 },
        sections: [{ label: 'By the numbers', bullets: [`${'9'.repeat(120)} people`] }],
        source: { url: `https://example.com/${'long-path-'.repeat(20)}` },
      },
      { headline: 'Second story', lede: 'A short lede.' },
    ],
  },
  { url },
).html;

const pages = {
  'morning-edition': renderWebPage(loadExample('morning-edition'), {
    url,
    siteName: 'Example News',
    homeUrl: 'https://news.example.com/am/',
  }).html,
  'rtl-hebrew': renderWebPage(loadExample('rtl-hebrew'), { url }).html,
  stretching,
};

describe.runIf(browserTestsEnabled())('the web page in Chromium', () => {
  let browser: Browser;
  const open = (html: string, width: number, colorScheme: 'light' | 'dark') =>
    openOffline(browser, html, width, colorScheme);
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it.each(Object.entries(pages))(
    '%s: no sideways scroll at 320, 375, 768 and 1280 px',
    async (name, html) => {
      const page = await open(html, 320, 'light');
      try {
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${width} px`).toBe(0);
          if (name !== 'stretching') {
            await page.screenshot({
              path: new URL(`web-${name}-${width}.png`, artifacts).pathname,
              fullPage: true,
            });
          }
        }
      } finally {
        await page.close();
      }
    },
  );

  it.each(['light', 'dark'] as const)('%s mode: axe finds no violation', async (scheme) => {
    for (const html of Object.values(pages)) {
      const page = await open(html, 375, scheme);
      try {
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
          const axe = (globalThis as any).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        });
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('takes the dark palette in dark mode and plain black on white in print', async () => {
    const page = await open(pages['morning-edition'], 768, 'dark');
    const colours = () =>
      page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const toc = document.querySelector('.nb-toc') as Element;
        return { background: body.backgroundColor, text: body.color, toc: getComputedStyle(toc).display };
      });
    try {
      expect(await colours()).toEqual({
        background: 'rgb(18, 20, 23)',
        text: 'rgb(230, 232, 235)',
        toc: 'block',
      });
      await page.emulateMedia({ media: 'print' });
      expect(await colours()).toEqual({
        background: 'rgb(255, 255, 255)',
        text: 'rgb(0, 0, 0)',
        toc: 'none',
      });
    } finally {
      await page.close();
    }
  });

  it('jumps to #story-3 as the email links it', async () => {
    const page = await open(pages['morning-edition'], 375, 'light');
    try {
      await page.evaluate(() => {
        location.hash = '#story-3';
      });
      const top = await page.evaluate(() => document.getElementById('story-3')?.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(40);
    } finally {
      await page.close();
    }
  });
});
