/**
 * The email in the three engines behind the clients people read in: WebKit (Apple Mail, iOS
 * Mail), Gecko (Thunderbird) and Chromium (Gmail and Outlook on the web). Every example and the
 * stress editions, at 375 and 600 px, light and dark, with images blocked as Outlook and often
 * Apple Mail leave them, then with images loaded:
 * - no horizontal overflow, every headline inside the viewport;
 * - text (body, headlines, alt text) at 4.5:1 or more against its background, from computed styles;
 * - the page and every headline on a dark background in dark mode, a light one in light;
 * - right-to-left text and bullets against the right edge;
 * - the preheader invisible;
 * - blocked images keep their box (Gecko and Chromium: the width×height proportions; WebKitGTK
 *   draws a square placeholder whatever the attributes say, so there it must stay in the column).
 *
 * One browser per engine and colour scheme serves the whole matrix. An engine whose programs are
 * missing is skipped with a message, except in CI, where it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer, type RenderOptions } from '../src/node/index.js';
import { type Document, documents } from './support/editions.js';
import {
  type EngineBrowser,
  type EngineLauncher,
  engineAvailable,
  engines,
  type PageProbe,
  type PageServer,
  probeExpression,
  type Scheme,
  startPageServer,
} from './support/engines/index.js';
import { contrast } from './support/fidelity.js';

const widths = [600, 375] as const;
const schemes: readonly Scheme[] = ['light', 'dark'];
const minimumContrast = 4.5;

const all = await documents();
const renderers = new Map<string, ReturnType<typeof createRenderer>>();
async function render(doc: Document): Promise<string> {
  const key = JSON.stringify(doc.options satisfies RenderOptions);
  if (!renderers.has(key)) renderers.set(key, createRenderer(doc.options));
  return ((await renderers.get(key)) as Awaited<ReturnType<typeof createRenderer>>).render(doc.input).html;
}

const luminance = (rgb: readonly number[]) => contrast(rgb, [0, 0, 0]) / 21;
const round = (n: number) => Math.round(n * 10) / 10;

/** Layout, contrast, preheader and RTL problems: the same rules in every engine. */
function pageProblems(probe: PageProbe, scheme: Scheme, width: number): string[] {
  const problems: string[] = [];
  if (probe.viewport !== width) problems.push(`viewport is ${probe.viewport} px, not ${width}`);
  if (probe.prefersDark !== (scheme === 'dark')) problems.push(`prefers-color-scheme is not ${scheme}`);
  if (probe.scrollWidth > width) problems.push(`horizontal overflow: ${probe.scrollWidth} px wide`);
  for (const h of probe.headlines) {
    if (h.left < -0.5 || h.right > width + 0.5 || h.width <= 0)
      problems.push(`headline "${h.text}" outside the viewport: ${round(h.left)}–${round(h.right)}`);
  }
  if (probe.texts.length <= 10) problems.push(`only ${probe.texts.length} text elements found`);
  for (const t of probe.texts) {
    const ratio = contrast(t.color, t.background);
    if (ratio < minimumContrast)
      problems.push(
        `contrast <${t.tag}> "${t.text}" rgb(${t.color}) on rgb(${t.background}): ${ratio.toFixed(2)}:1`,
      );
  }
  // The scheme really applies: the page and every headline sit on a dark background in dark mode,
  // a light one in light.
  const headlines = probe.texts.filter((t) => t.tag === 'h2' || t.tag === 'h1');
  if (headlines.length === 0) problems.push('no headline found');
  for (const [what, background] of [
    ['page', probe.background],
    ...headlines.map((h) => [`headline "${h.text}"`, h.background] as const),
  ] as const) {
    const backdrop = luminance(background);
    if (scheme === 'dark' ? backdrop >= 0.1 : backdrop <= 0.5)
      problems.push(`${what} background luminance ${backdrop.toFixed(2)} in ${scheme} mode`);
  }
  if (!probe.preheader) problems.push('no preheader');
  else if (probe.preheader.visibleText) problems.push('preheader visible');
  if (probe.dir === 'rtl') {
    if (probe.rtl.length <= 20) problems.push(`only ${probe.rtl.length} RTL blocks found`);
    for (const r of probe.rtl) {
      if (r.direction !== 'rtl' || Math.abs(r.gapRight) > 1)
        problems.push(`RTL <${r.tag}> "${r.text}": ${r.direction}, ${r.gapRight} px from the right edge`);
    }
    for (const list of probe.lists) {
      if (list.paddingLeft !== '0px' || list.paddingRight !== '24px')
        problems.push(`list indented left ${list.paddingLeft}, right ${list.paddingRight}`);
    }
  }
  return problems;
}

/** Images that stick out of their column. */
function columnProblems(probe: PageProbe): string[] {
  return probe.images
    .filter(({ box, column }) => box.left < column.left - 0.5 || box.right > column.right + 0.5)
    .map(
      ({ alt, box, column }) =>
        `image "${alt}" ${round(box.left)}–${round(box.right)} outside its column ${round(column.left)}–${round(column.right)}`,
    );
}

function expectedHeight(image: PageProbe['images'][number]): number | undefined {
  const { width, height } = image.attributes;
  return width && height ? (image.box.width * Number(height)) / Number(width) : undefined;
}

/** What each engine drew for a blocked photo, logged after the run (README, Email-client fidelity). */
const blockedBoxes = new Map<string, string>();

for (const engine of engines) {
  describe.runIf(engineAvailable(engine))(`${engine.label}`, () => {
    for (const scheme of schemes) {
      describe(`${scheme} mode`, () => {
        let browser: EngineBrowser;
        let server: PageServer;

        beforeAll(async () => {
          server = await startPageServer();
          browser = await launch(engine, scheme);
          console.log(`${engine.label} ${scheme}: ${browser.version}`);
        });
        afterAll(async () => {
          await browser?.close();
          await server?.close();
        });

        // Once per engine (registered, not skipped, so CI's count of skipped tests stays at zero).
        if (scheme === 'light')
          it('the checks catch a broken email', async () => {
            const morning = all.find((doc) => doc.name === 'morning-edition') as Document;
            const broken = (await render(morning))
              .replace(
                /(class="nb-preheader" style="[^"]*)"/,
                '$1;display:block;max-height:none;max-width:none;opacity:1"',
              )
              .replace(
                '</body>',
                '<div style="width:700px">wide</div><p style="color:#bbbbbb">faint</p></body>',
              );
            const page = await browser.open(server.publish(broken, 'off'), 375, { blockImages: true });
            try {
              const problems = pageProblems(await page.evaluate<PageProbe>(probeExpression), scheme, 375);
              expect(problems).toContain('preheader visible');
              expect(problems.some((p) => p.startsWith('horizontal overflow'))).toBe(true);
              expect(problems.some((p) => p.startsWith('contrast <p> "faint"'))).toBe(true);
            } finally {
              await page.close();
            }
          });

        it.each(all.map((doc) => [doc.name, doc] as const))(
          '%s: layout, contrast, preheader, RTL, images blocked then loaded',
          async (_, doc) => {
            const html = await render(doc);
            const blocked = await browser.open(server.publish(html, 'off'), widths[0], { blockImages: true });
            try {
              for (const width of widths) {
                await blocked.resize(width);
                const probe = await blocked.evaluate<PageProbe>(probeExpression);
                const where = `${engine.label} ${scheme} ${width}px ${doc.name}, images blocked`;
                expect(
                  [...pageProblems(probe, scheme, width), ...blockedImageProblems(probe, engine)],
                  where,
                ).toEqual([]);
              }
            } finally {
              await blocked.close();
            }
            if (!/<img\b/.test(html)) return;
            const loaded = await browser.open(server.publish(html, 'on'), widths[1]);
            try {
              const where = `${engine.label} ${scheme} ${widths[1]}px ${doc.name}, images on`;
              const probe = await loaded.evaluate<PageProbe>(probeExpression);
              expect(probe.images.length, where).toBeGreaterThan(0);
              const problems = columnProblems(probe);
              for (const image of probe.images) {
                const height = expectedHeight(image);
                if (!image.loaded) problems.push(`image "${image.alt}" did not load`);
                else if (height !== undefined && Math.abs(image.box.height - height) > 1)
                  problems.push(
                    `image "${image.alt}" ${round(image.box.width)}×${round(image.box.height)}, expected height ${round(height)}`,
                  );
              }
              expect(problems, where).toEqual([]);
            } finally {
              await loaded.close();
            }
          },
          // A WebKit page loads, resizes and is probed over HTTP round trips: slower on a busy machine.
          60_000,
        );
      });
    }
  });
}

/**
 * Blocked images: alt text as body text (16 px, readable), and the box kept. Gecko and Chromium
 * keep the width×height proportions; WebKitGTK draws a square placeholder whatever width, height
 * or aspect-ratio say, so there it only has to stay within the column.
 */
function blockedImageProblems(probe: PageProbe, engine: EngineLauncher): string[] {
  const problems = columnProblems(probe);
  const background = probe.texts.find((t) => t.tag === 'p')?.background ?? [255, 255, 255];
  for (const image of probe.images) {
    if (image.loaded) problems.push(`image "${image.alt}" loaded although images are blocked`);
    if (image.style.fontSize !== '16px') problems.push(`alt text "${image.alt}" is ${image.style.fontSize}`);
    const ratio = contrast((image.style.color.match(/[\d.]+/g) ?? []).map(Number), background);
    if (ratio < minimumContrast) problems.push(`alt text "${image.alt}" at ${ratio.toFixed(2)}:1`);
    const height = expectedHeight(image);
    if (height === undefined) continue;
    const note = `${round(image.box.width)}×${round(image.box.height)} for width=${image.attributes.width} height=${image.attributes.height}`;
    blockedBoxes.set(engine.label, note);
    if (engine.engine === 'webkit' && !image.className.includes('logo')) continue;
    if (Math.abs(image.box.height - height) > 1) problems.push(`image "${image.alt}" lost its box: ${note}`);
  }
  return problems;
}

/** Launch failures name the engine and what to install. */
async function launch(engine: EngineLauncher, scheme: Scheme): Promise<EngineBrowser> {
  try {
    return await engine.launch(scheme);
  } catch (error) {
    throw new Error(
      `${engine.label} did not start (${(error as Error).message}). Install with: ${engine.install}`,
    );
  }
}

afterAll(() => {
  if (blockedBoxes.size > 0)
    console.log(`Blocked images (last seen): ${[...blockedBoxes].map(([e, n]) => `${e} ${n}`).join('; ')}`);
});
