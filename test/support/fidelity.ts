/** Shared by the tests: example briefings, one renderer, a parsed DOM, Chromium. */
import { existsSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Briefing, createRenderer, type Renderer, type RenderOptions } from '../../src/node/index.js';
import { contrastRatio } from '../../src/render/theme.js';
import { toolAvailable } from './tools.js';

/** The 5-story edition, the hand-converted seed article and the Hebrew (RTL) briefing. */
export const exampleNames = ['morning-edition', 'seed-iran-working-group', 'rtl-hebrew'] as const;
export type ExampleName = (typeof exampleNames)[number];

export function loadExample(name: ExampleName | (string & {})): Briefing {
  return JSON.parse(
    readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'),
  ) as Briefing;
}

let shared: Promise<Renderer> | undefined;

/** Renders an example with the default renderer (compiled once per test file), or with `options`. */
export async function renderExample(name: ExampleName, options?: RenderOptions) {
  if (options) return (await createRenderer(options)).render(loadExample(name));
  shared ??= createRenderer();
  return (await shared).render(loadExample(name));
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Debian's Chromium (`apt-get install -y chromium`); override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumInstall = 'apt-get install -y chromium (or set CHROMIUM_PATH)';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Debian's Chromium, headless, through playwright-core: one launch for tests, engines and bench. */
export async function launchChromium(): Promise<Browser> {
  // In CI the browser tests run even without Chromium (to fail): say what is missing, not a stack.
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: ${chromiumInstall}`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
/** A page of `html` with every request blocked except file: and data: (images stay alt text). */
export async function openOffline(
  browser: Browser,
  html: string,
  width: number,
  colorScheme: 'light' | 'dark',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
  await page.route('**/*', (route) =>
    /^(file|data):/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/**
 * Whether the browser tests run: always in CI (where a missing Chromium must fail them, not skip
 * them), locally only when Chromium is installed.
 */
export function browserTestsEnabled(): boolean {
  return toolAvailable('Chromium', chromiumPath, chromiumInstall);
}

/** WCAG 2 contrast ratio of two `[r, g, b]` colours (0–255), via the theme's own formula. */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const hex = (rgb: readonly number[]) =>
    `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  return contrastRatio(hex(a.slice(0, 3)), hex(b.slice(0, 3)));
}
