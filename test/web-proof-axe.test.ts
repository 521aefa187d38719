/**
 * Issue 19, proof: axe-core finds no violations (of any impact) on every edition page and the index
 * page, in Debian's Chromium through playwright-core, with the light and the dark colour scheme
 * emulated. Pages come from a static server on 127.0.0.1; every other request is refused (the
 * examples' images point at example.com and stay alt text).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchChromium } from './support/fidelity.js';
import { type StaticServer, serveFolder } from './support/static-server.js';
import { buildWebPages, type WebPage } from './support/web-pages.js';

const axePath = createRequire(import.meta.url).resolve('axe-core');
const schemes = ['light', 'dark'] as const;

// Built at collection time: the pages name the tests.
const root = await mkdtemp(join(tmpdir(), 'newsbrief-axe-'));
const pages = await buildWebPages(root);

describe.runIf(browserTestsEnabled())('axe on the web pages', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveFolder(root);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  async function violations(path: string, scheme: (typeof schemes)[number], extra = ''): Promise<string[]> {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 375, height: 800 } });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) =>
        route.request().url().startsWith(server.origin) ? route.continue() : route.abort('blockedbyclient'),
      );
      await page.goto(server.origin + path, { waitUntil: 'load' });
      if (extra) await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), extra);
      await page.addScriptTag({ path: axePath });
      const found = await page.evaluate(async () => {
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
      return found.map(
        (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
    } finally {
      await context.close();
    }
  }

  it('covers edition pages (one right to left) and the index page', () => {
    expect(pages.some((p) => p.kind === 'edition' && p.dir === 'rtl')).toBe(true);
    expect(pages.some((p) => p.kind === 'index')).toBe(true);
  });

  it('catches a violation (axe runs in the page)', async () => {
    const page = pages[0] as WebPage;
    const found = await violations(
      page.path,
      'light',
      '<p style="color:#bbbbbb;background:#ffffff">faint</p>',
    );
    expect(found.some((v) => v.includes('color-contrast'))).toBe(true);
  }, 60_000);

  describe.each(schemes)('%s mode', (scheme) => {
    it.each(pages)(
      '$name: no violations',
      async (page) => {
        expect(await violations(page.path, scheme), `${page.name}, ${scheme}`).toEqual([]);
      },
      60_000,
    );
  });
});
