/** The static editor page (examples/browser) built once into test/artifacts/, for the browser tests and the bench. */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildBrowserExample } from '../../scripts/browser-example.js';
import type { Briefing } from '../../src/index.js';
import { loadExample } from './fidelity.js';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Builds the page (as `npm run examples` does) into a fresh folder; returns its file: URL. */
export async function buildEditorPage(): Promise<string> {
  await mkdir(artifacts, { recursive: true });
  const dir = await mkdtemp(join(artifacts, 'editor-page-'));
  await buildBrowserExample(dir);
  return pathToFileURL(join(dir, 'index.html')).href;
}

/** Opens the page with every request but file: and data: blocked (email images stay alt text). */
export async function openEditorPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.route('**/*', (route) =>
    /^(file|data):/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.locator('.nb-editor textarea').waitFor();
  if (errors.length > 0) throw new Error(`The editor page failed: ${errors.join('; ')}`);
  return page;
}

/** A 10-story edition: the morning edition's five stories twice, with distinct headlines. */
export function tenStoryEdition(): Briefing {
  const morning = loadExample('morning-edition');
  const stories = [...morning.stories, ...morning.stories].map((story, index) => ({
    ...story,
    headline: index < 5 ? story.headline : `${story.headline}, again`,
  }));
  return { ...morning, stories };
}
