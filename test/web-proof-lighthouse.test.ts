/**
 * Issue 19, proof: Lighthouse 12.2.3 (pinned in test/lighthouse/package-lock.json, kept out of the
 * main lockfile; `npm ci` there, as .ci/run does) scores every edition page and the index page at
 * 0.95 or more in performance, accessibility, best practices and SEO, with Lighthouse's default
 * mobile emulation and simulated throttling, in Debian's Chromium. The pages are served on 127.0.0.1
 * (Lighthouse audits http pages), their images replaced by local stand-ins. A page under the bar is
 * audited twice more and the median score counts (scores move with the machine's load). Scores and any audit under 0.9 are printed.
 *
 * Without test/lighthouse/node_modules a developer's run skips with a message; in CI it fails.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, startPageServer } from './support/engines/index.js';
import { chromiumInstall, chromiumPath } from './support/fidelity.js';
import { inCI, toolAvailable } from './support/tools.js';
import { buildWebPages, type WebPage } from './support/web-pages.js';

const run = promisify(execFile);
const folder = fileURLToPath(new URL('./lighthouse/', import.meta.url));
const installed = existsSync(join(folder, 'node_modules/lighthouse/package.json'));
const minimum = 0.95;

interface LighthouseResult {
  url: string;
  /** How many runs the scores are the median of. */
  runs: number;
  version: string;
  scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;
  failing: { category: string; id: string; title: string; score: number; detail: string }[];
}

/** Per category, the median score of the runs (3 at most; of 2, the lower); failing audits of the first run under the bar. */
function median(runs: LighthouseResult[]): LighthouseResult {
  const first = runs[0] as LighthouseResult;
  const scores = { ...first.scores };
  for (const key of Object.keys(scores) as (keyof LighthouseResult['scores'])[]) {
    const sorted = runs.map((r) => r.scores[key]).sort((a, b) => a - b);
    scores[key] = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  }
  return { ...first, scores, runs: runs.length };
}

if (!installed && !inCI)
  console.warn(
    'Skipping Lighthouse tests: test/lighthouse is not installed. Run: (cd test/lighthouse && npm ci)',
  );

describe.runIf((installed || inCI) && toolAvailable('Lighthouse', chromiumPath, chromiumInstall))(
  'Lighthouse',
  () => {
    let root: string;
    let server: PageServer;
    let urls: string[];
    let pages: WebPage[];
    let results: LighthouseResult[];

    /** Lighthouse over the URLs, in its own process: the page server here must keep answering. */
    async function audit(list: readonly string[]): Promise<LighthouseResult[]> {
      const { stdout } = await run(process.execPath, [join(folder, 'run.mjs'), ...list], {
        env: { ...process.env, CHROMIUM_PATH: chromiumPath },
        maxBuffer: 16 * 1024 * 1024,
      });
      return JSON.parse(stdout.trim().split('\n').at(-1) as string);
    }

    beforeAll(async () => {
      if (!installed) throw new Error('test/lighthouse is not installed: run (cd test/lighthouse && npm ci)');
      root = await mkdtemp(join(tmpdir(), 'newsbrief-lighthouse-'));
      pages = await buildWebPages(root);
      server = await startPageServer();
      // Images point at stand-ins on the same server: the examples' image hosts do not exist.
      urls = await Promise.all(pages.map(async (p) => server.publish(await readFile(p.file, 'utf8'), 'on')));
      const started = performance.now();
      const runs = (await audit(urls)).map((r) => [r]);
      // Scores move with the machine's load (Total Blocking Time under simulated 4x CPU throttling):
      // a page under the bar is audited twice more and its median score per category counts.
      for (let extra = 0; extra < 2; extra++) {
        const again = runs.filter((r) => Object.values(median(r).scores).some((score) => score < minimum));
        if (again.length === 0) break;
        const more = await audit(again.map((r) => (r[0] as LighthouseResult).url));
        for (const [i, r] of again.entries()) r.push(more[i] as LighthouseResult);
      }
      results = runs.map(median);
      console.log(
        `Lighthouse ${results[0]?.version}, ${pages.length} pages in ${Math.round(performance.now() - started)} ms`,
      );
      for (const [i, r] of results.entries()) {
        const scores = Object.entries(r.scores).map(([k, v]) => `${k} ${v}`);
        console.log(
          `${pages[i]?.name}: ${scores.join(', ')}${r.runs > 1 ? ` (median of ${r.runs} runs)` : ''}`,
        );
        for (const f of r.failing)
          console.log(`  ${f.category}: ${f.id} (${f.score}) ${f.title} ${f.detail}`);
      }
    }, 600_000);
    afterAll(async () => {
      await server?.close();
      if (root) await rm(root, { recursive: true, force: true });
    });

    it('audits edition pages (one right to left) and the index page', () => {
      expect(results.map((r) => r.url)).toEqual(urls);
      expect(pages.some((p) => p.kind === 'edition' && p.dir === 'rtl')).toBe(true);
      expect(pages.some((p) => p.kind === 'index')).toBe(true);
      expect(results[0]?.version).toBe('12.2.3');
    });

    it(`scores ${minimum} or more in every category on every page`, () => {
      const low = results.flatMap((r, i) =>
        Object.entries(r.scores)
          .filter(([, score]) => !(score >= minimum))
          .map(
            ([category, score]) =>
              `${pages[i]?.name} ${category} ${score}: ${r.failing
                .filter((f) => f.category === category)
                .map((f) => f.id)
                .join(', ')}`,
          ),
      );
      expect(low).toEqual([]);
    });
  },
);
