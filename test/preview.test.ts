import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, chromiumArgs, chromiumPath } from './support/fidelity.js';

const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
const morning = fileURLToPath(new URL('../examples/morning-edition.json', import.meta.url));

describe.runIf(browserTestsEnabled())('newsbrief preview in Chromium', () => {
  let server: ChildProcess;
  let browser: Browser;
  let url: string;
  let file: string;

  beforeAll(async () => {
    file = join(await mkdtemp(join(tmpdir(), 'newsbrief-preview-')), 'edition.json');
    await copyFile(morning, file);
    server = spawn('node', [cli, 'preview', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
        if (match) resolve(match[0]);
      });
      server.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('serves the email on 127.0.0.1 and reloads it when the file changes', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await browser.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith(url) ? route.continue() : route.abort(),
    );
    await page.goto(url);
    const email = page.frameLocator('#email');
    await expect
      .poll(() => email.locator('h2').first().textContent())
      .toBe('1. Cities race to cool the grid');

    const edition = JSON.parse(await readFile(file, 'utf8'));
    edition.stories[0].headline = 'Live reload works';
    await writeFile(file, JSON.stringify(edition));
    await expect
      .poll(() => email.locator('h2').first().textContent(), { timeout: 10_000 })
      .toBe('1. Live reload works');

    await page.click('#show-text');
    await expect.poll(() => page.locator('#text').textContent()).toContain('1. Live reload works');
    expect(await page.locator('#email').isHidden()).toBe(true);

    await page.click('#show-html');
    await page.click('#mobile');
    const width = await page.locator('#email').evaluate((frame) => frame.getBoundingClientRect().width);
    expect(width).toBe(375);
  });

  it('keeps the last good render and shows the error when the file becomes invalid', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await writeFile(file, JSON.stringify({ title: 'T', stories: [{ headline: '' }] }));
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 10_000 })
      .toContain('stories[0].headline');
    expect(await page.frameLocator('#email').locator('h2').first().textContent()).toBe(
      '1. Live reload works',
    );
  });
});
