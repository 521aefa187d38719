/**
 * The examples in Chromium for what needs playwright-core itself (Debian's Chromium, network
 * blocked): axe-core, injected into the page, finds no serious or critical issue, light or dark;
 * `theme.logoDarkUrl` swaps the logo in dark mode; the preheader stays invisible where a client
 * ignores display:none and opacity. Layout, contrast, dark backgrounds and right-to-left text are
 * checked in all three engines by engines.test.ts. Screenshots land in test/artifacts/
 * (git-ignored) for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../src/index.js';
import {
  browserTestsEnabled,
  exampleNames,
  launchChromium,
  loadExample,
  openOffline,
  renderExample,
} from './support/fidelity.js';

const axePath = createRequire(import.meta.url).resolve('axe-core');
const artifacts = new URL('./artifacts/', import.meta.url);
const widths = [375, 600] as const;
const schemes = ['light', 'dark'] as const;

describe.runIf(browserTestsEnabled())('examples in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = (html: string, width: number, colorScheme: 'light' | 'dark') =>
    openOffline(browser, html, width, colorScheme);

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

  describe.each(exampleNames)('%s', (name) => {
    // One page per colour scheme, resized for each screenshot: page setup dominates the run time.
    it.each(schemes)('%s mode: axe clean, screenshots saved at 600/375 px', async (scheme) => {
      const { html } = await renderExample(name);
      const page = await open(html, 600, scheme);
      try {
        expect(await seriousAxeViolations(page)).toEqual([]);
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          await page.screenshot({
            path: new URL(`${name}-${scheme}-${width}.png`, artifacts).pathname,
            fullPage: true,
          });
        }
      } finally {
        await page.close();
      }
    });
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
