/**
 * `npm run bench:editor`: keystroke to updated preview in Chromium, for a 10-story edition in the
 * editor component (the static example page, built as `npm run examples` builds it).
 *
 * The page types 50 characters into the sixth story's lede, one every 120 ms (a brisk typist, so
 * keystrokes do not share a frame). For each keystroke it records, with `performance.now()` in
 * the page: the input event (a capture listener on the document, which runs before the editor's
 * own); the end of the editor's synchronous work plus the email's style and layout (its
 * `newsbrief-render` event: parse, validate, render, the shown email updated in place; then a
 * forced layout of the iframe); and the start of the next animation frame, which paints it (the
 * findings are listed after that frame). Prints the medians and the 90th percentiles, and the
 * gzipped size of the preview entry as a CMS bundles it.
 */
import { gzipSync } from 'node:zlib';
import { bundleEditor } from '../src/cli/editor-bundle.js';
import { buildEditorPage, openEditorPage, tenStoryEdition } from '../test/support/editor-page.js';
import { launchChromium } from '../test/support/fidelity.js';

const keystrokes = 50;
const url = await buildEditorPage();
const browser = await launchChromium();
const page = await openEditorPage(browser, url);
const edition = tenStoryEdition();
const source = JSON.stringify(edition, null, 2);
const textarea = page.locator('.nb-editor textarea');
await textarea.fill(source);
await page.frameLocator('.nb-editor iframe').locator('h2').first().waitFor();

await page.evaluate(() => {
  const marks = { input: [] as number[], rendered: [] as number[], painted: [] as number[] };
  Object.assign(globalThis, { marks });
  document.addEventListener('input', () => marks.input.push(performance.now()), { capture: true });
  document.addEventListener('newsbrief-render', () => {
    const frame = document.querySelector('.nb-editor iframe') as HTMLIFrameElement;
    // Style and layout of the new email, which the browser would otherwise do before painting.
    void frame.contentDocument?.body.offsetHeight;
    marks.rendered.push(performance.now());
    // The next animation frame: its style, layout and paint show the new email.
    requestAnimationFrame(() => marks.painted.push(performance.now()));
  });
});
const lede = edition.stories[5]?.lede ?? '';
const at = source.indexOf(lede) + lede.length;
await textarea.evaluate((area: HTMLTextAreaElement, offset) => {
  area.focus();
  area.setSelectionRange(offset, offset);
}, at);
const typed = ' and more words to read'.repeat(3).slice(0, keystrokes);
await page.keyboard.type(typed, { delay: 120 });
await page.waitForTimeout(500);

const marks = (await page.evaluate(() => (globalThis as unknown as { marks: unknown }).marks)) as {
  input: number[];
  rendered: number[];
  painted: number[];
};
await browser.close();

if (marks.input.length !== keystrokes)
  throw new Error(`expected ${keystrokes} inputs, got ${marks.input.length}`);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
/** For each keystroke, the time until the first `ends` mark after it (a later keystroke's render may show it). */
const report = (name: string, ends: number[]) => {
  const spans = marks.input.map((start) => (ends.find((end) => end >= start) ?? Number.NaN) - start);
  console.log(
    `${name.padEnd(38)} median ${quantile(spans, 0.5).toFixed(1)} ms, p90 ${quantile(spans, 0.9).toFixed(1)} ms`,
  );
};
console.log(`10-story edition, ${source.length} characters of JSON, ${keystrokes} keystrokes`);
report('input → email updated and laid out', marks.rendered);
report('input → the frame that paints it', marks.painted);

// The bundle `newsbrief preview` serves from the sources, measured as the README's command does.
const gzipped = gzipSync(await bundleEditor('esm')).length;
console.log(`newsbrief/preview bundled, minified, gzipped: ${gzipped} bytes`);
