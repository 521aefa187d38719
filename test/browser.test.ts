/**
 * The examples in a real browser (Debian's Chromium via playwright-core, network blocked): no
 * horizontal scroll on phones, axe-core finds no serious or critical issue, dark mode really turns
 * the email dark with readable text, RTL text sits on the right. Screenshots land in test/artifacts/
 * (git-ignored) for a human to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../src/index.js';
import {
  browserTestsEnabled,
  chromiumPath,
  contrast,
  exampleNames,
  launchChromium,
  loadExample,
  renderExample,
} from './support/fidelity.js';

const axePath = createRequire(import.meta.url).resolve('axe-core');
const artifacts = new URL('./artifacts/', import.meta.url);
const widths = [375, 600] as const;
const schemes = ['light', 'dark'] as const;

interface TextColour {
  text: string;
  color: number[];
  background: number[];
}

/** Every element that holds visible text, with its colour and the first opaque background behind it. */
function textColours(page: Page): Promise<TextColour[]> {
  return page.evaluate(() => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const backgroundOf = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const bg = rgb(getComputedStyle(e).backgroundColor);
        if (bg.length === 3 || (bg[3] ?? 0) > 0) return bg.slice(0, 3);
      }
      return [255, 255, 255];
    };
    return [...document.body.querySelectorAll('*')]
      .filter((e) => !e.closest('.nb-preheader') && e.checkVisibility())
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
      .map((e) => ({
        text: (e.textContent ?? '').trim().slice(0, 40),
        color: rgb(getComputedStyle(e).color).slice(0, 3),
        background: backgroundOf(e),
      }));
  });
}

function luminanceOf(rgb: readonly number[]): number {
  return contrast(rgb, [0, 0, 0]) / 21;
}

describe.runIf(browserTestsEnabled())('examples in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(
        `CI=${process.env.CI} but there is no Chromium at ${chromiumPath}: apt-get install -y chromium`,
      );
    }
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page with every request blocked except file: and data: (images stay alt text). */
  async function open(html: string, width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
    await page.route('**/*', (route) =>
      /^(file|data):/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.setContent(html, { waitUntil: 'load' });
    return page;
  }

  async function seriousAxeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
      const axe = (globalThis as any).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations as {
        id: string;
        impact: string;
        help: string;
        nodes: { target: string[] }[];
      }[];
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }

  async function checkLayout(page: Page, scheme: 'light' | 'dark'): Promise<void> {
    const { scrollWidth, viewport } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(scrollWidth, `horizontal scroll at ${viewport} px`).toBeLessThanOrEqual(viewport);

    const colours = await textColours(page);
    expect(colours.length).toBeGreaterThan(10);
    const poor = colours
      .map((c) => ({ ...c, ratio: contrast(c.color, c.background) }))
      .filter((c) => c.ratio < 4.5)
      .map((c) => `"${c.text}" rgb(${c.color}) on rgb(${c.background}): ${c.ratio.toFixed(2)}:1`);
    expect(poor).toEqual([]);

    const [story, body] = await page.evaluate(() => {
      const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
      let story = [255, 255, 255];
      for (let e = document.querySelector('h2') as Element | null; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)') {
          story = rgb(bg);
          break;
        }
      }
      return [story, rgb(getComputedStyle(document.body).backgroundColor)];
    });
    if (scheme === 'dark') {
      expect(luminanceOf(story), 'story background in dark mode').toBeLessThan(0.1);
      expect(luminanceOf(body), 'body background in dark mode').toBeLessThan(0.1);
    } else {
      expect(luminanceOf(story), 'story background in light mode').toBeGreaterThan(0.5);
    }
  }

  describe.each(exampleNames)('%s', (name) => {
    // One page per colour scheme, resized from 600 to 375 px: page setup dominates the run time.
    it.each(schemes)(
      '%s mode: no horizontal scroll at 600/375 px, text at least 4.5:1, axe clean, screenshots saved',
      async (scheme) => {
        const { html } = await renderExample(name);
        const page = await open(html, 600, scheme);
        try {
          expect(await seriousAxeViolations(page)).toEqual([]);
          for (const width of widths) {
            await page.setViewportSize({ width, height: 800 });
            await checkLayout(page, scheme);
            await page.screenshot({
              path: new URL(`${name}-${scheme}-${width}.png`, artifacts).pathname,
              fullPage: true,
            });
          }
        } finally {
          await page.close();
        }
      },
    );
  });

  it('RTL: every text block and bullet sits against the right edge', async () => {
    const { html } = await renderExample('rtl-hebrew');
    const page = await open(html, 375, 'light');
    try {
      const offsets = await page.evaluate(() =>
        [...document.querySelectorAll('.nb-t p, .nb-t h1, .nb-t h2, .nb-t li')]
          .filter((e) => !e.classList.contains('nb-rule'))
          .map((e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            const contentRight = box.right - Number.parseFloat(style.paddingRight);
            return {
              tag: e.tagName,
              direction: style.direction,
              gapRight: Math.round(contentRight - range.getBoundingClientRect().right),
              gapLeft: Math.round(range.getBoundingClientRect().left - box.left),
            };
          }),
      );
      expect(offsets.length).toBeGreaterThan(20);
      for (const offset of offsets) {
        expect(offset.direction).toBe('rtl');
        expect(Math.abs(offset.gapRight), JSON.stringify(offset)).toBeLessThanOrEqual(1);
      }
      // Bullets are indented from the right (the marker side), not the left.
      const list = await page.evaluate(() => {
        const ul = document.querySelector('ul') as HTMLElement;
        return { right: getComputedStyle(ul).paddingRight, left: getComputedStyle(ul).paddingLeft };
      });
      expect(list).toEqual({ right: '24px', left: '0px' });
    } finally {
      await page.close();
    }
  });

  it('dark mode swaps the logo for theme.logoDarkUrl', async () => {
    const renderer = await createRenderer({
      theme: { logoUrl: 'https://example.com/logo.png', logoDarkUrl: 'https://example.com/logo-dark.png' },
    });
    const { html } = renderer.render(loadExample('morning-edition'));
    for (const scheme of schemes) {
      const page = await open(html, 600, scheme);
      try {
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll('img[src*="logo"]')]
            .filter(
              (img) => img.getBoundingClientRect().height > 0 && getComputedStyle(img).display !== 'none',
            )
            .map((img) => img.getAttribute('src')),
        );
        expect(shown).toEqual([
          scheme === 'dark' ? 'https://example.com/logo-dark.png' : 'https://example.com/logo.png',
        ]);
      } finally {
        await page.close();
      }
    }
  });

  it('the preheader stays invisible where display:none and opacity are ignored (Gmail mobile web)', async () => {
    const { html } = await renderExample('morning-edition');
    const stripped = html.replace(/(class="nb-preheader" style="[^"]*)/, (style) =>
      style.replace(/display:none;?/, '').replace(/opacity:0;?/, ''),
    );
    expect(stripped).not.toBe(html);
    const page = await open(stripped.replace(/<style[\s\S]*?<\/style>/g, ''), 375, 'light');
    try {
      const box = await page.evaluate(() => {
        const rect = (document.querySelector('.nb-preheader') as Element).getBoundingClientRect();
        return { width: rect.width, height: rect.height };
      });
      expect(box).toEqual({ width: 0, height: 0 });
    } finally {
      await page.close();
    }
  });
});
