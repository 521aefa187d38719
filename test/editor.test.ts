/**
 * The editor component (`newsbrief/preview`) in Chromium, on the static example page built the way
 * `npm run examples` builds it: typing re-renders the email and the findings, a finding selects
 * its words, invalid input keeps the last render, the toggles work, the host UI is axe clean.
 * A screenshot lands in test/artifacts/editor.png.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditorPage, openEditorPage } from './support/editor-page.js';
import { browserTestsEnabled, contrast, launchChromium, loadExample } from './support/fidelity.js';

const axePath = createRequire(import.meta.url).resolve('axe-core');
const screenshot = new URL('./artifacts/editor.png', import.meta.url).pathname;

const story = `Cities race to cool the grid

Utilities in 14 states will pay households to run air conditioners earlier in the day.

Why it matters: Peak demand is the grid's most expensive hour.

The details:
- Programs start in June.
- Most pay $5 a day.
`;

describe.runIf(browserTestsEnabled())('the editor component in Chromium', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    url = await buildEditorPage();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Runs a test on a freshly opened editor page, closed afterwards whatever the outcome. */
  const onEditorPage = (test: (page: Page) => Promise<void>) => async () => {
    const page = await openEditorPage(browser, url);
    try {
      await test(page);
    } finally {
      await page.close();
    }
  };

  const source = (page: Page) => page.locator('.nb-editor textarea');
  const email = (page: Page) => page.frameLocator('.nb-editor iframe');
  const headline = (page: Page) => email(page).locator('h2').first().textContent();
  const findings = (page: Page) => page.locator('.nb-editor-findings li').allTextContents();
  const selection = (page: Page) =>
    source(page).evaluate((area: HTMLTextAreaElement) =>
      area.value.slice(area.selectionStart, area.selectionEnd),
    );

  it(
    'renders as the editor types: email, findings and count line follow each keystroke',
    onEditorPage(async (page) => {
      await source(page).click();
      await page.keyboard.type(story);
      await expect.poll(() => headline(page)).toBe('Cities race to cool the grid');
      const count = page.locator('.nb-editor-count');
      expect(await count.textContent()).toBe('Smart Brevity count: 38 words ... ½ minute');
      expect(await findings(page)).not.toContainEqual(expect.stringContaining('Headline has'));

      // Lengthen the headline past six words: the email and the findings change as it is typed.
      await source(page).press('Control+Home');
      await source(page).press('End');
      await page.keyboard.type(' before the summer heat waves arrive');
      await expect
        .poll(() => headline(page))
        .toBe('Cities race to cool the grid before the summer heat waves arrive');
      await expect
        .poll(() => findings(page))
        .toContainEqual(expect.stringContaining('Headline has 12 words'));
      expect(await count.textContent()).toBe('Smart Brevity count: 44 words ... ½ minute');

      // The parser's source positions: the finding selects the headline in the plain text.
      await page.locator('.nb-editor-findings button', { hasText: 'Headline has 12 words' }).click();
      expect(await selection(page)).toBe('Cities race to cool the grid before the summer heat waves arrive');
      await page.screenshot({ path: screenshot });
    }),
  );

  it(
    'the seed story pastes in with one click from the example page',
    onEditorPage(async (page) => {
      await page.getByRole('button', { name: 'Paste the seed story' }).click();
      await expect.poll(() => headline(page)).toBe('US and Israel to meet Iran working group');
      await expect.poll(async () => (await findings(page)).length).toBeGreaterThan(0);
    }),
  );

  it(
    '<newsbrief-editor>: the custom element mounts the same editor with its text as the source',
    onEditorPage(async (page) => {
      await page.evaluate(() => {
        // biome-ignore lint/suspicious/noExplicitAny: the example page's IIFE bundle sets window.newsbrief
        const { defineEditorElement } = (globalThis as any).newsbrief;
        defineEditorElement('newsbrief-editor', { theme: { brandColor: '#c8102e' } });
        const element = document.createElement('newsbrief-editor');
        element.id = 'custom';
        element.textContent = '\n# Custom element works\n\nA lede.\n';
        document.body.append(element);
      });
      const frame = page.frameLocator('#custom iframe');
      await expect.poll(() => frame.locator('h2').first().textContent()).toBe('Custom element works');
      expect(await page.locator('#custom textarea').inputValue()).toBe('# Custom element works\n\nA lede.\n');
    }),
  );

  it(
    'clicking a finding selects the words it is about (JSON source), by mouse and by keyboard',
    onEditorPage(async (page) => {
      const edition = loadExample('morning-edition');
      const long = 'Cities race to cool the grid before the summer heat waves arrive';
      edition.stories[0] = { ...edition.stories[0], headline: long } as (typeof edition.stories)[0];
      await source(page).fill(JSON.stringify(edition, null, 2));
      const finding = page.locator('.nb-editor-findings button', { hasText: 'Headline has 12 words' });
      await finding.click();
      expect(await selection(page)).toBe(long);
      expect(await source(page).evaluate((area) => area === document.activeElement)).toBe(true);

      // Keyboard: Tab from the source reaches the first finding; Enter selects its words.
      await source(page).evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(0, 0));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
        'Headline has 12 words',
      );
      await page.keyboard.press('Enter');
      expect(await selection(page)).toBe(long);
    }),
  );

  it(
    'invalid input shows the error under its line and keeps the last good render',
    onEditorPage(async (page) => {
      const json = JSON.stringify(loadExample('morning-edition'), null, 2);
      await source(page).fill(json);
      await expect.poll(() => headline(page)).toBe('1. Cities race to cool the grid');

      // A missing comma on line 3: the message names the line, the callout sits under that line.
      const broken = json.replace('"date": "2026-03-14",', '"date": "2026-03-14"');
      await source(page).fill(broken);
      const problem = page.locator('.nb-editor-problem');
      await expect.poll(() => problem.textContent()).toMatch(/^Line 4, column 3: not valid JSON/);
      expect(await headline(page)).toBe('1. Cities race to cool the grid');
      expect(await source(page).getAttribute('aria-invalid')).toBe('true');
      // The caret is at the end (line 60): "Go to the line" selects where the error is and scrolls
      // it into view, where the callout shows under it.
      await page.getByRole('button', { name: 'Go to the line' }).click();
      const caret = await source(page).evaluate((area: HTMLTextAreaElement) => area.selectionStart);
      expect(broken.slice(0, caret).split('\n').length).toBe(4);
      const callout = page.locator('.nb-editor-callout');
      await expect.poll(() => callout.isVisible()).toBe(true);
      const { calloutTop, lineHeight, areaTop } = await page.evaluate(() => {
        const area = document.querySelector('.nb-editor textarea') as HTMLTextAreaElement;
        const style = getComputedStyle(area);
        return {
          calloutTop: (document.querySelector('.nb-editor-callout') as HTMLElement).getBoundingClientRect()
            .top,
          lineHeight: Number.parseFloat(style.lineHeight),
          areaTop: area.getBoundingClientRect().top + Number.parseFloat(style.paddingTop) + area.clientTop,
        };
      });
      // The syntax error is found at line 4 (the next key): the callout starts under it.
      expect(Math.abs(calloutTop - areaTop - 4 * lineHeight)).toBeLessThan(lineHeight / 2);

      // A validation error names the field's path and its line; the render still stays.
      await source(page).fill(json.replace('"headline": "Cities race to cool the grid"', '"headline": ""'));
      await expect
        .poll(() => problem.textContent())
        .toMatch(/^Line \d+, column \d+: .*stories\[0\]\.headline/s);
      expect(await headline(page)).toBe('1. Cities race to cool the grid');

      // Fixed again: the error goes, the email follows.
      await source(page).fill(json.replace('Cities race', 'Towns race'));
      await expect.poll(() => headline(page)).toBe('1. Towns race to cool the grid');
      expect(await problem.textContent()).toBe('');
      expect(await callout.isHidden()).toBe(true);
    }),
  );

  it(
    'updates the email in place: the same DOM as a fresh render, and the reading position kept',
    onEditorPage(async (page) => {
      await page.evaluate(() => {
        document.addEventListener('newsbrief-render', (event) => {
          const { result } = (event as CustomEvent<{ result?: { html: string } }>).detail;
          Object.assign(globalThis, { lastHtml: result?.html });
        });
      });
      const json = JSON.stringify(loadExample('morning-edition'), null, 2);
      await source(page).fill(json);
      await expect.poll(() => headline(page)).toBe('1. Cities race to cool the grid');
      const frame = page.locator('.nb-editor iframe');
      await frame.evaluate((node: HTMLIFrameElement) => node.contentWindow?.scrollTo(0, 600));

      // Type into the third story, then drop a story and a bullet: nodes change, appear and go.
      const edition = loadExample('morning-edition');
      const lede = edition.stories[2]?.lede ?? '';
      const at = json.indexOf(lede) + lede.length;
      await source(page).evaluate(
        (area: HTMLTextAreaElement, offset) => area.setSelectionRange(offset, offset),
        at,
      );
      await page.keyboard.type(' Parents agree.');
      await expect.poll(() => email(page).getByText('Parents agree.', { exact: false }).count()).toBe(1);
      expect(await frame.evaluate((node: HTMLIFrameElement) => node.contentWindow?.scrollY)).toBe(600);

      const same = () =>
        page.evaluate(() => {
          const frameBody = (document.querySelector('.nb-editor iframe') as HTMLIFrameElement).contentDocument
            ?.body;
          const fresh = new DOMParser().parseFromString(
            (globalThis as unknown as { lastHtml: string }).lastHtml,
            'text/html',
          );
          return frameBody?.outerHTML === fresh.body.outerHTML;
        });
      expect(await same()).toBe(true);
      edition.stories.splice(1, 1);
      await source(page).fill(JSON.stringify(edition, null, 2));
      await expect.poll(() => email(page).locator('h2').count()).toBe(4);
      expect(await same()).toBe(true);
      edition.stories.push(...loadExample('morning-edition').stories.slice(0, 2));
      await source(page).fill(JSON.stringify(edition, null, 2));
      await expect.poll(() => email(page).locator('h2').count()).toBe(6);
      expect(await same()).toBe(true);
    }),
  );

  it(
    'toggles plain text, 375 px and dark mode',
    onEditorPage(async (page) => {
      await source(page).fill(story);
      await expect.poll(() => headline(page)).toBe('Cities race to cool the grid');
      const frame = page.locator('.nb-editor iframe');
      const text = page.locator('.nb-editor-text');

      await page.getByRole('radio', { name: 'Plain text' }).check();
      expect(await frame.isHidden()).toBe(true);
      expect(await text.textContent()).toContain('Why it matters: Peak demand');
      await page.getByLabel('HTML').check();
      expect(await frame.isVisible()).toBe(true);

      expect((await frame.boundingBox())?.width).toBe(600);
      await page.getByLabel('375 px').check();
      expect((await frame.boundingBox())?.width).toBe(375);
      const scrollWidth = await email(page)
        .locator('html')
        .evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(scrollWidth).toBe(0);

      const background = () =>
        email(page)
          .locator('h2')
          .first()
          .evaluate((node) => {
            for (let e: Element | null = node; e; e = e.parentElement) {
              const colour = getComputedStyle(e).backgroundColor;
              if (colour !== 'rgba(0, 0, 0, 0)') return (colour.match(/[\d.]+/g) ?? []).map(Number);
            }
            return [255, 255, 255];
          });
      const luminance = (rgb: number[]) => contrast(rgb, [0, 0, 0]) / 21;
      expect(luminance(await background())).toBeGreaterThan(0.5);
      await page.getByLabel('Dark').check();
      await expect.poll(async () => luminance(await background())).toBeLessThan(0.1);
      // Dark stays on while typing: each new render gets the forced dark styles.
      await source(page).press('End');
      await page.keyboard.type(' More.');
      await expect.poll(async () => luminance(await background())).toBeLessThan(0.1);
      await page.getByLabel('Light').check();
      await expect.poll(async () => luminance(await background())).toBeGreaterThan(0.5);
    }),
  );

  it(
    "dark mode rewrites the email's CSS only: story text quoting it shows as written",
    onEditorPage(async (page) => {
      const quoted = 'Apps read (prefers-color-scheme: dark) and color-scheme: light dark.';
      await source(page).fill(
        `Dark mode explained\n\n${quoted}\n\nWhy it matters: (prefers-color-scheme: light) too.\n`,
      );
      await expect.poll(() => headline(page)).toBe('Dark mode explained');
      const body = () => email(page).locator('body').textContent();
      const colour = () =>
        email(page)
          .locator('h2')
          .first()
          .evaluate((node) => getComputedStyle(node).color);
      for (const scheme of ['Dark', 'Light', 'Dark']) {
        await page.getByLabel(scheme).check();
        await expect.poll(colour).toBe(scheme === 'Dark' ? 'rgb(230, 232, 235)' : 'rgb(29, 33, 37)');
        expect(await body()).toContain(quoted);
        expect(await body()).toContain('Why it matters: (prefers-color-scheme: light) too.');
      }
      // A later render is morphed into the dark document: its text stays as written too.
      await source(page).press('Control+End');
      await page.keyboard.type('Still color-scheme: light dark.');
      await expect.poll(body).toContain('Still color-scheme: light dark.');
      expect(await colour()).toBe('rgb(230, 232, 235)');
    }),
  );

  it(
    'JSON nested 100,000 levels deep: a nesting error with its line, the last render kept',
    onEditorPage(async (page) => {
      const problem = page.locator('.nb-editor-problem');
      for (const text of ['['.repeat(100_000), `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
        await source(page).fill(story);
        await expect.poll(() => headline(page)).toBe('Cities race to cool the grid');
        await expect.poll(() => problem.textContent()).toBe('');
        await source(page).fill(text);
        await expect
          .poll(() => problem.textContent())
          .toMatch(/^Line 1, column 101: JSON nested deeper than 100 levels \(a briefing nests 8 at most\)/);
        expect(await headline(page)).toBe('Cities race to cool the grid');
      }
    }),
  );

  it(
    'the host UI is axe clean, with every control labelled and reachable by keyboard',
    onEditorPage(async (page) => {
      await source(page).fill(story.replace('grid', 'grid before the summer heat waves arrive'));
      await expect.poll(() => findings(page)).toContainEqual(expect.stringContaining('Headline has'));
      await source(page).fill('{"title": "T", "stories": [');
      await expect.poll(() => page.locator('.nb-editor-problem').textContent()).toContain('not valid JSON');
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
        const axe = (globalThis as any).axe;
        // The email inside the iframe has its own axe run in browser.test.ts.
        const result = await axe.run(
          { exclude: [['iframe']] },
          { resultTypes: ['violations'], iframes: false },
        );
        return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map(
          (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);

      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('.nb-editor textarea, .nb-editor input, .nb-editor button')]
          .filter((control) => {
            const labels = (control as HTMLInputElement).labels;
            return (
              !(labels && labels.length > 0) &&
              !control.textContent?.trim() &&
              !control.getAttribute('aria-label')
            );
          })
          .map((control) => control.outerHTML),
      );
      expect(unlabelled).toEqual([]);

      // Tab order: source, the error's button, the findings (of the last good render), each toggle group.
      await source(page).focus();
      const order: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        await page.keyboard.press('Tab');
        order.push(
          await page.evaluate(() => {
            const active = document.activeElement as HTMLInputElement;
            return active.labels?.[0]?.textContent || active.textContent?.trim() || active.tagName;
          }),
        );
      }
      expect(order).toEqual(
        ['Go to the line', 'Headline has', 'HTML', '600 px', 'Light', 'IFRAME'].map((s) =>
          expect.stringContaining(s),
        ),
      );
    }),
  );
});
