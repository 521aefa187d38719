/**
 * Any input that passes validation renders in bounded time and memory, however many requests a
 * service takes. The heavy checks run in a child process on the built package, so this run's heap
 * and caches neither help nor hide them.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../src/schema.js';

const run = promisify(execFile);
const build = fileURLToPath(new URL('./artifacts/build', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(`./support/${name}`, import.meta.url));
const megabytes = (bytes: number) => bytes / 1024 / 1024;

describe('memory stays flat across distinct locales', () => {
  it('100,000 renders, each with a new private-use locale tag, grow RSS by under 32 MB after the first 10,000', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', script('locale-flood.mjs'), build, '100000', '10000'],
      { timeout: 120_000 },
    );
    const { samples, ms } = JSON.parse(stdout) as {
      samples: Record<string, { rss: number; heapUsed: number }>;
      ms: number;
    };
    const early = samples['10000'];
    const late = samples['100000'];
    if (!early || !late) throw new Error(`missing samples in ${stdout}`);
    console.info(
      `locale flood: RSS ${megabytes(early.rss).toFixed(1)} MB after 10,000 renders, ${megabytes(late.rss).toFixed(1)} MB after 100,000; heap ${megabytes(early.heapUsed).toFixed(1)} → ${megabytes(late.heapUsed).toFixed(1)} MB; ${ms} ms`,
    );
    // Before formatters were keyed by resolved locale this grew from about 390 MB to 3 GB.
    expect(megabytes(late.rss - early.rss)).toBeLessThan(32);
    expect(megabytes(late.heapUsed - early.heapUsed)).toBeLessThan(8);
  }, 120_000);
});

describe('the largest valid input renders in bounded time and memory', () => {
  it.each(['structure', 'text'])(
    'every limit at its maximum (%s-heavy) renders, warnings included, under --max-old-space-size=256',
    async (shape) => {
      const { stdout } = await run(
        process.execPath,
        [
          '--max-old-space-size=256',
          script('largest-briefing.mjs'),
          build,
          shape,
          JSON.stringify(defaultLimits),
        ],
        { timeout: 60_000, maxBuffer: 1024 * 1024 },
      );
      const figures = JSON.parse(stdout) as {
        refusesMore: boolean;
        renderMs: number;
        withWarningsMs: number;
        htmlBytes: number;
        peakRss: number;
      };
      console.info(
        `largest valid input (${shape}): render ${figures.renderMs} ms, with warnings ${figures.withWarningsMs} ms, html ${(figures.htmlBytes / 1e6).toFixed(1)} MB, peak RSS ${megabytes(figures.peakRss).toFixed(0)} MB`,
      );
      expect(figures.refusesMore).toBe(true);
      // About a second here; the bound is for a slow, shared CI machine.
      expect(figures.withWarningsMs).toBeLessThan(15_000);
    },
    60_000,
  );
});
