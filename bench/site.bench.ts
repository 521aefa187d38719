/**
 * `npm run bench:site`: builds a 1,000-edition archive (5 stories each, generated into a temp
 * folder) with buildSite, cold (every file written) and warm (nothing changed, nothing written),
 * three runs each, and writes the medians to bench/results-site.md. The bar: under 10 s cold.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../src/node/site.js';

const count = 1000;

function edition(n: number): string {
  const day = new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const stories = Array.from({ length: 5 }, (_, s) =>
    [
      `# Story ${s + 1} of edition ${n}: council votes on budget item ${n * 5 + s}`,
      '',
      `The council voted ${n % 9}-${s} on item ${n * 5 + s}, the ${s + 1}th vote of the week, after a long debate.`,
      '',
      `**Why it matters:** The item moves $${(n % 97) + 1} million in the ${day} budget.`,
      '',
      '- First point of the story',
      '- Second point, with a [link](https://example.com/item)',
      '',
      "**What's next:** A final vote next week.",
    ].join('\n'),
  );
  return `---\ntitle: Daily Brief\ndate: ${day}\n---\n\n${stories.join('\n\n')}\n`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const input = await mkdtemp(join(tmpdir(), 'newsbrief-bench-site-'));
for (let n = 0; n < count; n += 1)
  await writeFile(join(input, `edition-${String(n).padStart(4, '0')}.md`), edition(n));

const cold: number[] = [];
const warm: number[] = [];
let files = 0;
for (let run = 0; run < 3; run += 1) {
  const out = await mkdtemp(join(tmpdir(), 'newsbrief-bench-site-out-'));
  let started = performance.now();
  const first = await buildSite(input, out, { baseUrl: 'https://news.example.com/daily/' });
  cold.push(performance.now() - started);
  files = first.written.length;
  started = performance.now();
  const second = await buildSite(input, out, { baseUrl: 'https://news.example.com/daily/' });
  warm.push(performance.now() - started);
  if (second.written.length !== 0) throw new Error('a warm build rewrote files');
  await rm(out, { recursive: true, force: true });
}
await rm(input, { recursive: true, force: true });

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const report = `# Site build bench

\`npm run bench:site\` (bench/site.bench.ts): ${count} editions of 5 stories (Markdown with front
matter), generated into a temp folder; \`buildSite\` into a new folder (cold: every file written),
then again into the same folder (warm: nothing changed, nothing written). Median of 3 runs.
Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores (shared).

| build | median | files written |
| --- | --- | --- |
| cold | ${seconds(median(cold))} | ${files} |
| warm | ${seconds(median(warm))} | 0 |

Bar: a 1,000-edition site builds in under 10 s (cold): ${median(cold) < 10_000 ? 'met' : 'NOT met'}.
`;
await writeFile(new URL('./results-site.md', import.meta.url), report);
process.stdout.write(report);
