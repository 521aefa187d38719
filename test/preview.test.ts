/**
 * `newsbrief preview` in Chromium: the built CLI serves the editor component (the built
 * `dist/preview.js` and its chunks) and pushes the file's source into it on every save.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchChromium } from './support/fidelity.js';
import { startServer } from './support/preview-server.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

describe.runIf(browserTestsEnabled())('newsbrief preview in Chromium', () => {
  const servers: ChildProcess[] = [];
  let browser: Browser;
  let url: string;
  let file: string;

  beforeAll(async () => {
    file = join(await mkdtemp(join(tmpdir(), 'newsbrief-preview-')), 'edition.json');
    await copyFile(join(examples, 'morning-edition.json'), file);
    const started = await startServer(file);
    servers.push(started.server);
    url = started.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.kill();
  });

  /** A page that may reach the preview server only. */
  async function open(at: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) =>
      route.request().url().startsWith(at) ? route.continue() : route.abort(),
    );
    await page.goto(at);
    return page;
  }
  const headline = (page: Page) => page.frameLocator('.nb-editor iframe').locator('h2').first().textContent();

  it('serves the editor with the file in it, and pushes every save into it', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await open(url);
    await expect.poll(() => headline(page)).toBe('1. Cities race to cool the grid');
    expect(await page.locator('.nb-editor textarea').inputValue()).toBe(await readFile(file, 'utf8'));
    expect(await page.locator('.nb-editor-count').textContent()).toMatch(
      /^Smart Brevity count: [\d,]+ words/,
    );

    const edition = JSON.parse(await readFile(file, 'utf8'));
    edition.stories[0].headline = 'Live reload works';
    await writeFile(file, JSON.stringify(edition));
    await expect.poll(() => headline(page), { timeout: 10_000 }).toBe('1. Live reload works');
    expect(Number(await page.locator('body').getAttribute('data-version'))).toBeGreaterThan(0);

    // The component's own toggles: nothing of the old preview page is left to drift.
    await page.getByRole('radio', { name: 'Plain text' }).check();
    await expect.poll(() => page.locator('.nb-editor-text').textContent()).toContain('1. Live reload works');
    expect(await page.locator('.nb-editor iframe').isHidden()).toBe(true);
    await page.getByRole('radio', { name: 'HTML' }).check();
    await page.getByRole('radio', { name: '375 px' }).check();
    expect((await page.locator('.nb-editor iframe').boundingBox())?.width).toBe(375);
  });

  it('keeps the last good render and shows the path-named error when the file becomes invalid', async () => {
    const page = await open(url);
    await expect.poll(() => headline(page)).toBe('1. Live reload works');
    await writeFile(file, JSON.stringify({ title: 'T', stories: [{ headline: '' }] }, null, 2));
    await expect
      .poll(() => page.locator('.nb-editor-problem').textContent(), { timeout: 10_000 })
      .toMatch(/^Line 5, column 20: .*stories\[0\]\.headline/s);
    expect(await headline(page)).toBe('1. Live reload works');
  });

  it('compiles a template folder on Node and sends it to the browser as a module', async () => {
    const started = await startServer(join(examples, 'override-edition.json'), [
      '--templates',
      join(examples, 'templates-override'),
    ]);
    servers.push(started.server);
    const page = await open(started.url);
    const signOff = page.frameLocator('.nb-editor iframe').getByText("That's all for today.");
    await expect.poll(() => signOff.count(), { timeout: 10_000 }).toBe(1);
    const templates = await (await fetch(`${started.url}templates.js`)).text();
    expect(templates).toMatch(/^export default \{ format: "newsbrief-templates@1", width: 600, spec: /);
  });
});
