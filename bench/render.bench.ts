/**
 * `npm run bench`. Leads with new copy: a 5-story edition whose every prose field is new on every
 * call (as a newsroom renders each edition once or a few times), `html`, `text` and `stats` read,
 * timed in rounds that interleave newsbrief, naive MJML-per-render and a hand-written template
 * literal in one process (a service's heap is never idle), medians over rounds. Then the
 * repeated-edition figure, the render path stage by stage, a scaling table (render and parse time
 * for 1×, 4× and 16× inputs, ordinary and adversarial), a 100-story adversarial edition, html
 * bytes, cold start and memory. Prints a table and writes bench/results.md.
 */
import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import juice from 'juice';
import mjml2html from 'mjml';
import { type Briefing, createRenderer, lintBriefing, validateBriefing } from '../src/index.js';
import { defaultPartials } from '../src/node/generated/partials.js';
import { minifiedSpec, renderDefault } from '../src/render/generated/templates.js';
import { renderText } from '../src/render/text.js';
import { buildPackage } from './build.js';
import { byteSplit } from './bytes.js';
import { freshCopy, morningEdition } from './editions.js';
import { cpuMs, growth, medianOf, operations, patterns, runOf } from './scaling.js';
import { normalizeEdition } from './stages.js';
import { renderTemplateLiteral } from './template-literal.js';

const edition = morningEdition();
const renderer = await createRenderer();
const template = (runtime as unknown as typeof Handlebars).create().template(minifiedSpec) as (
  data: unknown,
) => string;

// Naive: the same partials as one MJML + Handlebars document, compiled and laid out on every render.
const naiveEnv = Handlebars.create();
for (const [name, source] of Object.entries(defaultPartials)) naiveEnv.registerPartial(name, source);
const juiceOptions = {
  applyAttributesTableElements: false,
  applyHeightAttributes: false,
  applyWidthAttributes: false,
  preserveImportant: true,
};
async function renderNaive(briefing: Briefing): Promise<string> {
  const { view } = normalizeEdition(briefing);
  const naiveView = { ...view, layout: { width: 600, contentWidth: 552 } };
  const mjml = naiveEnv.compile(defaultPartials.layout)(naiveView);
  const css = naiveEnv.compile(defaultPartials.inline)(naiveView);
  const { html } = await mjml2html(mjml, { validationLevel: 'skip' });
  return juice.inlineContent(html, css, juiceOptions);
}

/** Every edition a contender renders is new: serials are never reused across contenders. */
let serial = 0;
const nextFresh = (): Briefing => {
  serial += 1;
  return freshCopy(edition, serial);
};
/** Results are summed here so no work can be optimised away. */
let sink = 0;

interface Contender {
  name: string;
  /** Calls per round; each round's time is divided by it. */
  batch: number;
  /** Builds one call's input, untimed. */
  prepare: () => unknown;
  run: (input: never) => unknown;
}

const readAll = (result: ReturnType<typeof renderer.render>) =>
  result.html.length + result.text.length + result.stats.words;

const contenders: Contender[] = [
  {
    name: 'newsbrief `render()`, new copy (html + text + stats read)',
    batch: 20,
    prepare: nextFresh,
    run: (input: Briefing) => readAll(renderer.render(input)),
  },
  {
    name: 'naive: `Handlebars.compile` + `mjml2html` + juice, new copy',
    batch: 1,
    prepare: nextFresh,
    run: (input: Briefing) => renderNaive(input),
  },
  {
    name: 'hand-written template literal, new copy, html only (floor)',
    batch: 20,
    prepare: nextFresh,
    run: (input: Briefing) => renderTemplateLiteral(input).length,
  },
  {
    name: 'newsbrief `render()`, the same edition again',
    batch: 20,
    prepare: () => edition,
    run: (input: Briefing) => readAll(renderer.render(input)),
  },
  {
    name: 'newsbrief `render()`, new copy, reading `warnings` too (lint runs)',
    batch: 10,
    prepare: nextFresh,
    run: (input: Briefing) => {
      const result = renderer.render(input);
      return readAll(result) + result.warnings.length;
    },
  },
  { name: 'stage: validate (valibot)', batch: 20, prepare: nextFresh, run: validateBriefing },
  { name: 'stage: normalize + view', batch: 20, prepare: nextFresh, run: normalizeEdition },
  {
    name: 'stage: template (the generated render function)',
    batch: 20,
    prepare: () => normalizeEdition(nextFresh()).view,
    run: (view: Parameters<typeof renderDefault>[0]) => renderDefault(view).length,
  },
  {
    name: 'stage: the same template on the Handlebars runtime (before)',
    batch: 20,
    prepare: () => normalizeEdition(nextFresh()).view,
    run: (view: unknown) => template(view).length,
  },
  {
    name: 'stage: plain text',
    batch: 20,
    prepare: () => normalizeEdition(nextFresh()),
    run: ({ edition: normalized, stats }: ReturnType<typeof normalizeEdition>) =>
      renderText(normalized, stats).length,
  },
  { name: 'stage: lint warnings', batch: 10, prepare: nextFresh, run: lintBriefing },
];

/** One timed batch: inputs built first, then `batch` calls timed together; ms per call. */
async function timeBatch(contender: Contender): Promise<number> {
  const inputs = Array.from({ length: contender.batch }, contender.prepare);
  const run = contender.run as (input: unknown) => unknown;
  const start = cpuMs();
  for (const input of inputs) {
    const value = run(input);
    sink += Number(value instanceof Promise ? ((await value) as string).length : value) || 0;
  }
  return (cpuMs() - start) / contender.batch;
}

const rounds = 40;
const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
for (let round = -3; round < rounds; round += 1) {
  for (const contender of contenders) {
    const time = await timeBatch(contender);
    if (round >= 0) samples.get(contender.name)?.push(time);
  }
}
const median = (name: string) => medianOf(samples.get(name) ?? []);
const [oursName, naiveName, floorName] = contenders.map((contender) => contender.name) as [
  string,
  string,
  string,
];
const ours = median(oursName);
const naive = median(naiveName);
const floor = median(floorName);
const bytes = {
  newsbrief: Buffer.byteLength(renderer.render(edition).html),
  naive: Buffer.byteLength(await renderNaive(edition)),
  floor: Buffer.byteLength(renderTemplateLiteral(edition)),
};

// Scaling: one field of 625, 2,500 and 10,000 characters (the default limit), fresh each call.
const lengths = [625, 2_500, 10_000] as const;
const scaling = patterns.flatMap((pattern) =>
  Object.entries(operations(renderer)).map(([operation, op]) => ({
    pattern: pattern.name,
    operation,
    times: growth(op, pattern.unit, lengths),
  })),
);

// A 100-story edition of adversarial runs, within the default limits.
const adversarial = patterns.slice(1);
const hostileEdition = (n: number): Briefing => ({
  title: `Hostile ${n}`,
  stories: Array.from({ length: 100 }, (_, index) => {
    const unit = adversarial[index % adversarial.length]?.unit ?? '*';
    return {
      headline: `Story ${n}.${index}`,
      lede: `${n} ${runOf(unit, 2_500)}`,
      whyItMatters: `${n} ${runOf(unit, 1_000)}`,
      sections: [{ label: 'Details', bullets: [`${n} ${runOf(unit, 1_000)}`, `${n} ${runOf(unit, 500)}`] }],
    };
  }),
});
const hostileTimes: number[] = [];
for (let n = 0; n < 7; n += 1) {
  const input = hostileEdition(n);
  const start = cpuMs();
  sink += readAll(renderer.render(input));
  hostileTimes.push(cpuMs() - start);
}
const hostile = medianOf(hostileTimes);
const hostileChars = JSON.stringify(hostileEdition(0)).length;

// Cold start: a fresh process that imports the built package and renders once, against bare node.
const builtDir = await buildPackage('bench-');
const exampleJson = JSON.stringify(edition);
const coldScript = `import(${JSON.stringify(join(builtDir, 'node.js'))}).then(async (m) => {
  const before = process.memoryUsage();
  (await m.createRenderer()).render(${exampleJson});
  const after = process.memoryUsage();
  process.stdout.write(JSON.stringify({ imported: before, rendered: after }));
})`;
const coldScriptCjs = `(async () => {
  const m = require(${JSON.stringify(join(builtDir, 'node.cjs'))});
  (await m.createRenderer()).render(${exampleJson});
})()`;
const memoryScript = `import(${JSON.stringify(join(builtDir, 'node.js'))}).then(() => { globalThis.gc?.(); process.stdout.write(JSON.stringify(process.memoryUsage())); })`;
const bareMemoryScript = `globalThis.gc?.(); process.stdout.write(JSON.stringify(process.memoryUsage()))`;
function timeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const runs = 15;
const bareTimes: number[] = [];
const coldTimes: number[] = [];
const coldCjsTimes: number[] = [];
timeProcess(['-e', coldScript]); // warm the OS file cache once
for (let i = 0; i < runs; i += 1) {
  bareTimes.push(timeProcess(['-e', '']));
  coldTimes.push(timeProcess(['-e', coldScript]));
  coldCjsTimes.push(timeProcess(['-e', coldScriptCjs]));
}
const bare = medianOf(bareTimes);
const cold = medianOf(coldTimes);
const coldCjs = medianOf(coldCjsTimes);
const memory = JSON.parse(
  execFileSync(process.execPath, ['--expose-gc', '-e', memoryScript], { encoding: 'utf8' }),
) as NodeJS.MemoryUsage;
const bareMemory = JSON.parse(
  execFileSync(process.execPath, ['--expose-gc', '-e', bareMemoryScript], { encoding: 'utf8' }),
) as NodeJS.MemoryUsage;
await rm(builtDir, { recursive: true, force: true });

// Report.
const ms = (value: number) =>
  value < 0.1 ? value.toFixed(4) : value < 10 ? value.toFixed(3) : value.toFixed(1);
const mb = (value: number) => (value / 1024 / 1024).toFixed(1);
const kB = (value: number) => value.toLocaleString('en-US');
const rows: string[][] = [
  [`**${oursName}**`, `**${ms(ours)}**`, '1×', kB(bytes.newsbrief)],
  [naiveName, ms(naive), `${(naive / ours).toFixed(0)}× newsbrief`, kB(bytes.naive)],
  [floorName, ms(floor), `newsbrief is ${(ours / floor).toFixed(1)}× the floor`, kB(bytes.floor)],
  ...contenders
    .slice(3)
    .map(({ name }) => [
      `↳ ${name}`,
      ms(median(name)),
      `${((median(name) / ours) * 100).toFixed(0)}% of new copy`,
      '',
    ]),
];
const split = byteSplit(renderer.render(edition).html);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'} (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${mb(totalmem())} MB RAM, Node ${process.version}, ${process.platform}/${process.arch}, load average ${loadavg()
  .map((load) => load.toFixed(1))
  .join(' / ')} (shared machine: other processes skew cold start most)`;
const table = [
  `| 5-story edition (1,151 words), median of ${rounds} interleaved rounds | ms per render | ratio | html bytes |`,
  '|---|---:|---|---:|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');

const ratio = (later: number, earlier: number) => (earlier > 0 ? later / earlier : 0);
const growthRatios = scaling.map(({ times }) => [
  ratio(times[1] as number, times[0] as number),
  ratio(times[2] as number, times[1] as number),
]);
const scalingTable = [
  '| input | operation | 625 chars (1×) ms | 2,500 (4×) ms | 10,000 (16×) ms | 4×/1× | 16×/4× |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...scaling.map(({ pattern, operation, times }, index) => {
    const [first, second] = growthRatios[index] as number[];
    return `| ${pattern} | ${operation} | ${times.map(ms).join(' | ')} | ${(first as number).toFixed(1)}× | ${(second as number).toFixed(1)}× |`;
  }),
].join('\n');
/** The worst growth and the slowest 10,000-character field among rows of one kind of operation. */
function worst(render: boolean) {
  const rows = scaling
    .map((row, index) => ({ ...row, ratios: growthRatios[index] as number[] }))
    .filter(({ operation }) => (operation === 'render') === render);
  const adversarial = rows.filter(({ pattern }) => pattern !== patterns[0]?.name);
  const growthRow = adversarial.reduce((a, b) => (Math.max(...b.ratios) > Math.max(...a.ratios) ? b : a));
  const slowRow = rows.reduce((a, b) => ((b.times[2] as number) > (a.times[2] as number) ? b : a));
  return {
    growth: Math.max(...growthRow.ratios),
    growthAt: `${growthRow.pattern}, ${growthRow.operation}`,
    slowest: slowRow.times[2] as number,
    slowestAt: `${slowRow.pattern}, ${slowRow.operation}`,
  };
}
const renderWorst = worst(true);
const parseWorst = worst(false);

const startTable = [
  '| cold start (median of 15 processes) | ms |',
  '|---|---:|',
  `| \`node -e ""\` | ${ms(bare)} |`,
  `| ESM: \`import\` built newsbrief + \`createRenderer()\` + one render | ${ms(cold)} |`,
  `| **ESM difference** | **${ms(cold - bare)}** |`,
  `| CommonJS: \`require\` built newsbrief + \`createRenderer()\` + one render | ${ms(coldCjs)} |`,
  `| **CommonJS difference** | **${ms(coldCjs - bare)}** |`,
  '',
  '| memory after import (after gc) | heap used | RSS |',
  '|---|---:|---:|',
  `| bare node | ${mb(bareMemory.heapUsed)} MB | ${mb(bareMemory.rss)} MB |`,
  `| \`import('newsbrief')\` | ${mb(memory.heapUsed)} MB | ${mb(memory.rss)} MB |`,
].join('\n');
const targets = [
  [
    'new-copy render ≤ 3× the template-literal floor (goal 2×)',
    ours / floor <= 3,
    `${(ours / floor).toFixed(1)}×`,
  ],
  [
    'new-copy render ≥ 50× faster than naive MJML (goal 100×)',
    naive / ours >= 50,
    `${(naive / ours).toFixed(0)}×`,
  ],
  ...[
    ['render', renderWorst],
    ['parse (`parseBriefing`)', parseWorst],
  ].flatMap(([what, found]) => {
    const { growth: most, growthAt, slowest, slowestAt } = found as typeof renderWorst;
    return [
      [
        `${what}: any 10,000-character field ≤ 50 ms (goal 10 ms)`,
        slowest <= 50,
        `${ms(slowest)} ms (slowest: ${slowestAt})`,
      ],
      [
        `${what}: 4× the input ≤ 6× the time, every adversarial pattern (goal linear)`,
        most <= 6,
        `worst ${most.toFixed(1)}× (${growthAt})`,
      ],
    ] as const;
  }),
  [
    `100-story adversarial edition (${kB(hostileChars)} characters) renders < 2 s (goal 300 ms)`,
    hostile < 2_000,
    `${ms(hostile)} ms`,
  ],
  ['5-story html ≤ 21,382 bytes', bytes.newsbrief <= 21_382, `${kB(bytes.newsbrief)} B`],
  ['cold start ≤ 120 ms over bare node (ESM)', cold - bare <= 120, `${ms(cold - bare)} ms`],
  ['cold start ≤ 120 ms over bare node (CommonJS)', coldCjs - bare <= 120, `${ms(coldCjs - bare)} ms`],
] as const;
const targetTable = [
  '| target | result | met |',
  '|---|---|---|',
  ...targets.map(([name, met, value]) => `| ${name} | ${value} | ${met ? 'yes' : '**no**'} |`),
].join('\n');
const splitTable = [
  '| part of the 5-story html | bytes |',
  '|---|---:|',
  ...Object.entries(split).map(([name, value]) => `| ${name} | ${kB(value)} |`),
].join('\n');

const report = `# Benchmark results

\`npm run bench\` (bench/render.bench.ts), ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}.

${targetTable}

\`parseBriefing\` reads Markdown blocks with newsbrief's own line scanner
(src/parse/markdown-blocks.ts) and inline text with the same linear scanner as render, so both
forms grow linearly too. Cold start is wall-clock time of new processes: on a loaded machine it
varies more than anything else here.

## New copy, interleaved

${table}

Times are CPU time of the bench process (\`process.cpuUsage\`, all its threads, the garbage
collector's included), not wall-clock time: on a shared machine, time other processes hold the
cores does not count. Every "new copy" call renders an edition no call has rendered before: the morning edition with a
number appended to every text field, so no cache (parsed text, escaped html, wrapped lines) can
serve it. Each round times a batch of every contender in turn, in one process, so each runs on a
heap the others have used; the table gives the median of ${rounds} rounds. The naive contender
builds the same template view (newsbrief's normalize) and pays for \`Handlebars.compile\`, MJML
and juice on every render, as projects that keep MJML in the request path do. The floor writes
the same email by hand with template literals (no validation, no text part, no stats). Stage rows
are parts of the new-copy render measured alone (render = validate + normalize + view + template
+ text + stats; lint runs when \`warnings\` is first read). "The same edition again" is the
repeated-edition case (per segment, per A/B variant), where caches keyed by text skip most work.

## Scaling: one field of growing length

${scalingTable}

One story whose lede holds the input (a number is prefixed so every call is new); render reads
html, text and stats; parse runs \`parseBriefing\` on the story written as Markdown (\`# Headline\`,
the input as a paragraph) and as a plain-text paste. Five rounds alternate the lengths; a round's
figure is the median of at least 7 calls, and the table keeps each length's fastest round (noise
on a shared machine only ever adds time). Linear growth shows as 4× per
step; fixed costs make the first step smaller. A 100-story edition of the adversarial runs (lede
2,500 characters, Why it matters 1,000, two bullets of 1,000 and 500, patterns in turn) renders
in ${ms(hostile)} ms (median of 7).

## Cold start and memory

${startTable}

## Bytes

${splitTable}
`;
await writeFile(new URL('./results.md', import.meta.url), report);
console.log(report);
if (sink === Number.NEGATIVE_INFINITY) console.log(sink);
