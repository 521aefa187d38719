/**
 * `npm run bench:personalize`: messages per second per core for one rendered 5-story edition
 * (the morning edition with reader tokens in the greeting, subject, two stories and the footer,
 * test/readers-fixture.ts), personalized reader after reader on one thread. Each message's html,
 * text and subject are read: their lengths, the html and text flattened (a character read from
 * the middle, which makes V8 join the pieces into one string, as writing it to a socket would),
 * and an FNV-1a hash of the subject. Readers come from a generator, each with its own name,
 * city, address and unsubscribe URL, so nothing is cached across readers.
 *
 * Throughput: the median of 7 rounds of 50,000 readers. Memory: 1,000,000 readers in one pass,
 * RSS and heap sampled (after a full GC when run with --expose-gc, as the npm script does) at
 * 10k, 100k and 1M. Also for scale: a full render per reader, and `unsubscribeUrl` signatures
 * per second. Writes bench/results-personalize.md.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { createRenderer, personalize, type RenderResult, unsubscribeUrl } from '../src/index.js';
import { readerEdition } from '../test/readers-fixture.js';

const bar = 20_000;
const goal = 100_000;
const roundReaders = 50_000;
const rounds = 7;
const memoryReaders = 1_000_000;

const renderer = await createRenderer();
const briefing = readerEdition();
const edition = renderer.render(briefing);

const cities = ['Tucson', 'Phoenix', 'Houston', 'Las Vegas', 'Albuquerque', 'El Paso', 'San Antonio'];
const names = ['Ann', 'Bo', 'Chidi', 'Dolores', 'Émile', 'Farah', 'Gus', 'Hana', '', 'Zoë'];

/** One reader after another, built on demand: a list of a million is never held in memory. */
function* readers(count: number, offset = 0) {
  for (let i = offset; i < offset + count; i += 1) {
    yield {
      first_name: names[i % names.length],
      city: i % 5 === 0 ? undefined : cities[i % cities.length],
      email: `reader${i}@example.org`,
      unsubscribeUrl: `https://news.example.com/unsubscribe?token=${i.toString(36)}.c2lnbmF0dXJl${i % 997}`,
    };
  }
}

/** Reads a message as a sender would before handing it on; returns a checksum so nothing is skipped. */
function read(message: RenderResult): number {
  const { html, text, subject } = message;
  let hash = 0x811c9dc5;
  for (let i = 0; i < subject.length; i += 1) hash = Math.imul(hash ^ subject.charCodeAt(i), 0x01000193);
  return (
    (hash ^
      html.length ^
      text.length ^
      html.charCodeAt(html.length >> 1) ^
      text.charCodeAt(text.length >> 1) ^
      message.stats.htmlBytes) >>>
    0
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

let sink = 0;
// Warm-up: the split of the edition, the JIT.
for (const reader of readers(20_000, 10_000_000)) sink ^= read(personalize(edition, reader));

/** CPU seconds of this process: on a shared machine, wall time also counts other processes' turns. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const perSecond: number[] = [];
const perCpuSecond: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const started = performance.now();
  const cpuStarted = cpuSeconds();
  for (const reader of readers(roundReaders, round * roundReaders))
    sink ^= read(personalize(edition, reader));
  perSecond.push(roundReaders / ((performance.now() - started) / 1000));
  perCpuSecond.push(roundReaders / (cpuSeconds() - cpuStarted));
}
const throughput = median(perCpuSecond);
const wallThroughput = median(perSecond);

// A full render per reader, for scale: what personalize saves.
const renders: number[] = [];
for (let round = 0; round < 5; round += 1) {
  const copy = readerEdition();
  copy.greeting = `${copy.greeting} (${round})`;
  const cpuStarted = cpuSeconds();
  for (let i = 0; i < 40; i += 1) {
    copy.subject = `Reader ${round}-${i}: cities race to cool the grid`;
    sink ^= read(renderer.render(copy));
  }
  renders.push(40 / (cpuSeconds() - cpuStarted));
}
const renderThroughput = median(renders);

// Signed unsubscribe URLs per second (Web Crypto HMAC-SHA-256), 2,000 at a time.
const secret = 'k7Qx2m9VfL4pR8sT1wY6zB3nH5jD0cGe';
const signing: number[] = [];
for (let round = 0; round < 5; round += 1) {
  const started = performance.now();
  const urls = await Promise.all(
    Array.from({ length: 2_000 }, (_, i) =>
      unsubscribeUrl('https://news.example.com/unsubscribe', `sub_${round}_${i}`, secret),
    ),
  );
  sink ^= urls.length;
  signing.push(2_000 / ((performance.now() - started) / 1000));
}
const signingThroughput = median(signing);

const gc = (globalThis as { gc?: () => void }).gc;
const samples: { readers: number; rss: number; heap: number }[] = [];
const sampleAt = new Set([10_000, 100_000, 1_000_000]);
let done = 0;
const memoryStarted = performance.now();
for (const reader of readers(memoryReaders, 50_000_000)) {
  sink ^= read(personalize(edition, reader));
  done += 1;
  if (sampleAt.has(done)) {
    gc?.();
    const usage = process.memoryUsage();
    samples.push({ readers: done, rss: usage.rss, heap: usage.heapUsed });
  }
}
const memorySeconds = (performance.now() - memoryStarted) / 1000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rate = (value: number) => Math.round(value).toLocaleString('en-US');
const first = samples[0] as { rss: number; heap: number };
const last = samples[samples.length - 1] as { rss: number; heap: number };
const verdict = throughput >= goal ? 'meets the goal' : throughput >= bar ? 'meets the bar' : 'BELOW THE BAR';

const report = `# personalize bench

\`npm run bench:personalize\` (bench/personalize.bench.ts), ${new Date().toISOString().slice(0, 10)}, Node ${process.version},
${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores available, one used).

Edition: examples/morning-edition.json (5 stories) with reader tokens in the greeting, subject, two
stories and the footer (test/readers-fixture.ts): ${edition.html.length.toLocaleString('en-US')} characters of html,
${edition.text.length.toLocaleString('en-US')} of text, ${
  new Set(edition.html.match(/\{\{reader\.[^}]*\}\}/g) ?? []).size
} distinct tokens in the html. Each message's html, text and subject are read (lengths, html and
text flattened, subject hashed).

## Throughput (one core)

| | per second | |
| --- | ---: | --- |
| \`personalize\`, per CPU second, median of ${rounds} × ${rate(roundReaders)} readers | **${rate(throughput)}** | bar ${rate(bar)}, goal ${rate(goal)}: ${verdict} |
| the same, per wall-clock second (shares the machine with whatever else runs) | ${rate(wallThroughput)} | |
| a full \`renderer.render\` per reader, per CPU second, median of 5 × 40 | ${rate(renderThroughput)} | ${(throughput / renderThroughput).toFixed(0)}× fewer per second than \`personalize\` |
| \`unsubscribeUrl\` signatures (Web Crypto HMAC-SHA-256), median of 5 × 2,000 | ${rate(signingThroughput)} | |

Rounds: ${perCpuSecond.map(rate).join(', ')} messages per CPU second (wall clock: ${perSecond.map(rate).join(', ')}).
Per CPU second is the per-core figure: one thread, its own user + system time (process.cpuUsage), so
other processes on a shared machine do not count against it; the wall-clock figure is what this run saw.

## Memory over ${rate(memoryReaders)} readers (a generator, one pass, ${memorySeconds.toFixed(1)} s)

${gc ? 'Sampled after a full GC.' : 'Sampled without a forced GC (run with --expose-gc for settled figures).'}

| readers | RSS | heap used |
| ---: | ---: | ---: |
${samples.map((sample) => `| ${rate(sample.readers)} | ${mb(sample.rss)} | ${mb(sample.heap)} |`).join('\n')}

From 10k to 1M readers: RSS ${last.rss >= first.rss ? '+' : ''}${mb(last.rss - first.rss)}, heap ${
  last.heap >= first.heap ? '+' : ''
}${mb(last.heap - first.heap)}.
`;

await writeFile(new URL('./results-personalize.md', import.meta.url), report);
process.stdout.write(`${report}\n(checksum ${sink >>> 0})\n`);
