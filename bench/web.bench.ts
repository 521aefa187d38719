/**
 * `npm run bench:web`. The 5-story morning edition (examples/morning-edition.json) with new copy on
 * every call, rendered as its web page (`renderer.renderWebPage`, `html` read) and as its email
 * (`renderer.render`, `html`, `text` and `stats` read), in rounds that interleave the two in one
 * process; CPU-time medians over rounds. The bar: a web page within 2× the email render. Also the
 * top-level `renderWebPage` (settles no options: the default renderer), and the page's bytes.
 * Prints a table and writes bench/results-web.md.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { type Briefing, createRenderer, renderWebPage } from '../src/index.js';
import { freshCopy, morningEdition } from './editions.js';
import { cpuMs, medianOf } from './scaling.js';

const edition = morningEdition();
const renderer = await createRenderer();
const url = 'https://news.example.com/am/2026-03-14/';
const page = { url, siteName: 'Example News', homeUrl: 'https://news.example.com/am/' };

/** Every input is new: serials are never reused across contenders. */
let serial = 0;
const nextFresh = (): Briefing => {
  serial += 1;
  return freshCopy(edition, serial);
};
/** Results are summed here so no work can be optimised away. */
let sink = 0;

interface Contender {
  name: string;
  run: (input: Briefing) => number;
}

const contenders: Contender[] = [
  {
    name: 'email: `renderer.render()` (html + text + stats read)',
    run: (input) => {
      const result = renderer.render(input);
      return result.html.length + result.text.length + result.stats.words;
    },
  },
  {
    name: 'web page: `renderer.renderWebPage()`',
    run: (input) => renderer.renderWebPage(input, page).html.length,
  },
  { name: 'web page: `renderWebPage()`', run: (input) => renderWebPage(input, page).html.length },
];

const batch = 20;
const rounds = 40;

/** One timed batch: inputs built first, then `batch` calls timed together; ms per call. */
function timeBatch(contender: Contender): number {
  const inputs = Array.from({ length: batch }, nextFresh);
  const start = cpuMs();
  for (const input of inputs) sink += contender.run(input);
  return (cpuMs() - start) / batch;
}

const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
// Three rounds of warm-up, then interleaved rounds: each contender sees the same heap conditions.
for (let round = -3; round < rounds; round += 1) {
  for (const contender of contenders) {
    const time = timeBatch(contender);
    if (round >= 0) samples.get(contender.name)?.push(time);
  }
}

const median = (name: string) => medianOf(samples.get(name) ?? []);
const [email, web, topLevel] = contenders.map((contender) => median(contender.name)) as [
  number,
  number,
  number,
];
const ratio = web / email;
const sample = renderer.renderWebPage(edition, page);
const css = /<style>([\s\S]*?)<\/style>/.exec(sample.html)?.[1] ?? '';
const bytes = (text: string) => new TextEncoder().encode(text).length;
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg()
  .map((load) => load.toFixed(2))
  .join(' / ')}`;

const rows = contenders.map(
  (contender) =>
    `| ${contender.name} | ${median(contender.name).toFixed(3)} | ${(median(contender.name) / email).toFixed(2)}× |`,
);
const report = `# Web page bench

\`npm run bench:web\` (bench/web.bench.ts). The 5-story morning edition, new copy on every call
(every text field gets a new serial), ${batch} calls per batch, ${rounds} interleaved rounds after
3 warm-up rounds; CPU-time medians per call, in one process.

| render | median ms | vs the email |
| --- | ---: | ---: |
${rows.join('\n')}

**Web page / email: ${ratio.toFixed(2)}×** (bar: within 2×): ${ratio <= 2 ? 'met' : 'NOT met'}.

The web page of the same edition: ${bytes(sample.html).toLocaleString('en-US')} bytes of html, of
which ${bytes(css).toLocaleString('en-US')} bytes of inline CSS (bar: under 8 KB).

Machine: ${machine} (shared: other processes skew single runs; the ratio is measured in one run).
`;

console.log(report);
console.log(
  `(sink ${sink > 0 ? 'ok' : 'empty'}; top-level renderWebPage ${(topLevel / email).toFixed(2)}× the email)`,
);
await writeFile(new URL('./results-web.md', import.meta.url), report);
if (ratio > 2) process.exitCode = 1;
