/**
 * `npm run bench`: warm render of the 5-story morning edition (newsbrief vs naive MJML-per-render
 * vs a hand-written template literal), the render path stage by stage, html bytes, cold start of
 * the built package vs bare `node`, and memory after import. Prints a table and writes
 * bench/results.md. Numbers are medians from one run.
 */
import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import juice from 'juice';
import mjml2html from 'mjml';
import { Bench } from 'tinybench';
import { createRenderer, lintBriefing, validateBriefing } from '../src/index.js';
import { defaultPartials } from '../src/node/generated/partials.js';
import { defaultTemplates } from '../src/render/generated/templates.js';
import { renderText } from '../src/render/text.js';
import { buildPackage } from './build.js';
import { byteSplit } from './bytes.js';
import { freshEditions, morningEdition } from './editions.js';
import { normalizeEdition } from './stages.js';
import { renderTemplateLiteral } from './template-literal.js';

const edition = morningEdition();
const fresh = freshEditions(400);
let freshIndex = 0;
const renderer = await createRenderer();
const unlinted = await createRenderer({ lint: false });
const { edition: normalized, stats, view } = normalizeEdition(edition);

// Naive: the same partials as one MJML + Handlebars document, compiled and laid out on every render.
const naiveEnv = Handlebars.create();
for (const [name, source] of Object.entries(defaultPartials)) naiveEnv.registerPartial(name, source);
const naiveView = { ...view, layout: { width: 600, contentWidth: 552 } };
const juiceOptions = {
  applyAttributesTableElements: false,
  applyHeightAttributes: false,
  applyWidthAttributes: false,
  preserveImportant: true,
};
async function renderNaive(): Promise<string> {
  const mjml = naiveEnv.compile(defaultPartials.layout)(naiveView);
  const css = naiveEnv.compile(defaultPartials.inline)(naiveView);
  const { html } = await mjml2html(mjml, { validationLevel: 'skip' });
  return juice.inlineContent(html, css, juiceOptions);
}

const template = (runtime as unknown as typeof Handlebars)
  .create()
  .template(defaultTemplates.spec as never) as (data: unknown) => string;

const bench = new Bench({ time: 1500, warmupTime: 300 });
bench
  .add('newsbrief createRenderer().render()', () => renderer.render(edition))
  .add('naive: Handlebars.compile + mjml2html + juice per render', renderNaive)
  .add('template literal (floor)', () => renderTemplateLiteral(edition))
  .add('  newsbrief render, new content every call (no cache hits)', () => {
    freshIndex = (freshIndex + 1) % fresh.length;
    return renderer.render(fresh[freshIndex] as typeof edition);
  })
  .add('  newsbrief render, reading `warnings` (lint runs)', () => renderer.render(edition).warnings)
  .add('  newsbrief with `lint: false`, reading `warnings`', () => unlinted.render(edition).warnings)
  .add('  stage: validate (valibot)', () => validateBriefing(edition))
  .add('  stage: normalize + view', () => normalizeEdition(edition))
  .add('  stage: precompiled template', () => template(view))
  .add('  stage: plain text', () => renderText(normalized, stats))
  .add('  stage: lint warnings', () => lintBriefing(edition));
await bench.run();

const median = (name: string): number => {
  const result = bench.getTask(name)?.result;
  if (result?.state !== 'completed')
    throw new Error(`bench task "${name}" did not complete: ${result?.state}`);
  return result.latency.p50;
};
const ours = median('newsbrief createRenderer().render()');
const naive = median('naive: Handlebars.compile + mjml2html + juice per render');
const floor = median('template literal (floor)');
const bytes = {
  newsbrief: Buffer.byteLength(renderer.render(edition).html),
  naive: Buffer.byteLength(await renderNaive()),
  floor: Buffer.byteLength(renderTemplateLiteral(edition)),
};

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
const middle = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const bare = middle(bareTimes);
const cold = middle(coldTimes);
const coldCjs = middle(coldCjsTimes);
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
  ['newsbrief `createRenderer().render()`', ms(ours), '1×', kB(bytes.newsbrief)],
  [
    'naive: `Handlebars.compile` + `mjml2html` + juice per render',
    ms(naive),
    `${(naive / ours).toFixed(0)}× slower`,
    kB(bytes.naive),
  ],
  [
    'hand-written template literal (floor)',
    ms(floor),
    `newsbrief is ${(ours / floor).toFixed(1)}× the floor`,
    kB(bytes.floor),
  ],
  ...bench.tasks
    .filter((task) => task.name.startsWith('  '))
    .map((task) => [
      `↳ ${task.name.trim()}`,
      ms(median(task.name)),
      `${((median(task.name) / ours) * 100).toFixed(0)}% of render`,
      '',
    ]),
];
const split = byteSplit(renderer.render(edition).html);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'} (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${mb(totalmem())} MB RAM, Node ${process.version}, ${process.platform}/${process.arch}, load average ${loadavg()
  .map((load) => load.toFixed(1))
  .join(' / ')} (shared machine: other processes skew cold start most)`;
const table = [
  '| 5-story edition (1,151 words) | median ms | ratio | html bytes |',
  '|---|---:|---|---:|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
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
  ['warm render ≥ 50× faster than naive MJML', naive / ours >= 50, `${(naive / ours).toFixed(0)}×`],
  ['warm render ≤ 3× the template-literal floor', ours / floor <= 3, `${(ours / floor).toFixed(1)}×`],
  ['cold start ≤ 120 ms over bare node (ESM)', cold - bare <= 120, `${ms(cold - bare)} ms`],
  ['cold start ≤ 120 ms over bare node (CommonJS)', coldCjs - bare <= 120, `${ms(coldCjs - bare)} ms`],
  ['5-story html ≤ 24,000 bytes', bytes.newsbrief <= 24_000, `${kB(bytes.newsbrief)} B`],
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

\`npm run bench\` (bench/render.bench.ts, tinybench), ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}.

${table}

The naive contender gets the template view prepared for free; it pays for Handlebars.compile,
MJML and juice on every render, as projects that keep MJML in the request path do. Stage rows
are the parts of newsbrief's render measured alone (they overlap: render = validate + normalize +
view + template + text + stats; lint runs when \`warnings\` is first read). Parsed inline
Markdown and what is derived from it (escaped html, plain text, word counts) are cached by text,
so repeated renders of one edition (per segment, per A/B variant), as in the first row, skip
that work; the "new content every call" row renders 400 editions whose every field differs.

${startTable}

${targetTable}

${splitTable}
`;
await writeFile(new URL('./results.md', import.meta.url), report);
console.log(report);
