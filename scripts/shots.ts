/**
 * `npm run shots`: one contact sheet, examples/out/contact-sheet.png, of every example in WebKit,
 * Gecko and Chromium at 600 and 375 px, light and dark, plus the examples with images again with
 * images blocked. Each tile is the top of the email (masthead and first story), labelled, so a
 * reviewer sees what a template change does in all three engines at a glance.
 *
 * Needs the engines of `npm test` (see README, Email-client fidelity) and ImageMagick's `montage`.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRenderer } from '../src/node/index.js';
import {
  type EngineBrowser,
  engines,
  type ImageMode,
  missingBinaries,
  type Scheme,
  startPageServer,
} from '../test/support/engines/index.js';
import { examplesDir, loadExamples } from './example-inputs.js';

const run = promisify(execFile);
const widths = [600, 375] as const;
const schemes: readonly Scheme[] = ['light', 'dark'];
/** CSS px of each page kept in its tile: the masthead and the first story with its image. */
const tileHeight = 1100;
const scale = '45%';

const out = join(examplesDir, 'out', 'contact-sheet.png');
/** Copied to docs/contact-sheet-crop.png for the README. */
const cropOut = join(examplesDir, 'out', 'contact-sheet-crop.png');
const missing = engines.flatMap(missingBinaries);
if (missing.length > 0) {
  console.error(
    `npm run shots needs ${missing.join(', ')}. Install: ${engines.map((e) => e.install).join('; ')}`,
  );
  process.exit(1);
}

const rows = (await loadExamples()).map((example) => ({ example, html: '' }));
for (const row of rows) row.html = (await createRenderer(row.example.options)).render(row.example.input).html;
const variants: { name: string; html: string; images: ImageMode }[] = [
  ...rows.map(({ example, html }) => ({ name: example.name, html, images: 'on' as const })),
  ...rows
    .filter(({ html }) => /<img\b/.test(html))
    .map(({ example, html }) => ({ name: `${example.name} (images off)`, html, images: 'off' as const })),
];

const work = await mkdtemp(join(tmpdir(), 'newsbrief-shots-'));
const server = await startPageServer();
const tiles = new Map<string, string>();
const started = Date.now();
try {
  for (const engine of engines) {
    for (const scheme of schemes) {
      const browser: EngineBrowser = await engine.launch(scheme);
      console.log(`${browser.version}, ${scheme}`);
      try {
        for (const [index, variant] of variants.entries()) {
          const page = await browser.open(server.publish(variant.html, variant.images), widths[0], {
            blockImages: variant.images === 'off',
          });
          try {
            for (const width of widths) {
              await page.resize(width);
              const file = join(work, `${index}-${engine.engine}-${scheme}-${width}.png`);
              await writeFile(file, await page.screenshot());
              await run('convert', [
                file,
                '-crop',
                `${width}x${tileHeight}+0+0`,
                '+repage',
                '-resize',
                scale,
                file,
              ]);
              tiles.set(`${index}/${engine.engine}/${scheme}/${width}`, file);
            }
          } finally {
            await page.close();
          }
        }
      } finally {
        await browser.close();
      }
    }
  }

  // Rows: one per example (and per example with images off); columns: engine × scheme × width.
  const args: string[] = [];
  for (const [index, variant] of variants.entries()) {
    for (const engine of engines) {
      for (const scheme of schemes) {
        for (const width of widths) {
          args.push('-label', `${variant.name}\n${engine.label} · ${scheme} · ${width}px`);
          args.push(tiles.get(`${index}/${engine.engine}/${scheme}/${width}`) as string);
        }
      }
    }
  }
  await mkdir(join(examplesDir, 'out'), { recursive: true });
  // ImageMagick's default label font (Helvetica) is not installed on Debian; ask fontconfig.
  const font = (await run('fc-match', ['-f', '%{file}', 'sans-serif'])).stdout.trim();
  await run(
    'montage',
    [
      ...args,
      '-tile',
      `${engines.length * schemes.length * widths.length}x`,
      '-geometry',
      '+8+8',
      '-font',
      font,
      '-pointsize',
      '11',
      '-background',
      '#d8dadd',
      '-title',
      'newsbrief contact sheet: examples × WebKit, Gecko, Chromium × light, dark × 600, 375 px',
      // Full colour: a palette would shift the dark-mode background a reviewer is judging.
      '-depth',
      '8',
      out,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  // The README's crop: the morning edition on a phone, images on, then blocked in each engine.
  const morning = variants.findIndex((v) => v.name === 'morning-edition');
  const morningOff = variants.findIndex((v) => v.name === 'morning-edition (images off)');
  const crop = [
    ['images on', morning, engines[0]],
    ...engines.map((engine) => ['images off', morningOff, engine] as const),
  ] as const;
  await run('montage', [
    ...crop.flatMap(([what, index, engine]) => [
      '-label',
      `${engine?.label} · ${what}`,
      tiles.get(`${index}/${engine?.engine}/light/375`) as string,
    ]),
    '-tile',
    `${crop.length}x1`,
    '-geometry',
    '+6+6',
    '-font',
    font,
    '-pointsize',
    '12',
    '-background',
    '#d8dadd',
    // Screenshots of flat colours: a 128-colour palette keeps text sharp at a quarter of the bytes.
    '-colors',
    '128',
    `PNG8:${cropOut}`,
  ]);
  console.log(
    `${out}: ${variants.length} rows × ${engines.length * schemes.length * widths.length} tiles in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
