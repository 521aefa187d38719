/**
 * `npm run bench:editions`. An edition set of 50 city editions of 6 stories each (4 drawn from a
 * pool of 8 shared national stories, 2 local to the edition) against one single-edition render of
 * 6 such stories (4 national, 2 local), both new copy on every call: every text field of the set
 * (pool and local stories, titles, greetings) carries a number no earlier call used, so no cache
 * keyed by text serves one call from another. Rounds interleave the two in one process; each
 * result's html length, text and stats are read. Writes bench/results-editions.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import {
  type Briefing,
  createRenderer,
  type EditionSet,
  type RenderResult,
  type SharedStory,
  type Story,
} from '../src/index.js';
import { freshCopy } from './editions.js';
import { cpuMs, medianOf } from './scaling.js';

const example = JSON.parse(
  readFileSync(new URL('../examples/editions/city-editions.json', import.meta.url), 'utf8'),
) as EditionSet;
const pool = (example.stories ?? []) as SharedStory[];
const national: Story[] = pool.map(({ id: _id, ...story }) => story);
const local: Story[] = example.editions.flatMap((edition) =>
  edition.stories.filter((story): story is Story => typeof story !== 'string'),
);
const defaults = example.defaults ?? {};
const editionCount = 50;

/** `stories` as new copy marked `serial`: a one-off briefing through `freshCopy`. */
const fresh = (stories: Story[], serial: number, title = 'Brief'): Briefing =>
  freshCopy({ ...defaults, title, greeting: 'Good morning.', stories }, serial);

let serial = 0;

/**
 * One set: the pool new, and each edition's title, greeting and two local stories new. With
 * `withLocal` false each edition shows only its 4 pool stories: what every edition costs beyond
 * its own stories (the html and text written, measured and checked).
 */
function newSet(withLocal = true): EditionSet {
  serial += 1;
  const sharedCopy = fresh(national, serial).stories;
  const stories = sharedCopy.map((story, index) => ({ id: pool[index]?.id ?? `s${index}`, ...story }));
  const editions = Array.from({ length: editionCount }, (_, index) => {
    const own = fresh(
      [local[(2 * index) % local.length] as Story, local[(2 * index + 1) % local.length] as Story],
      serial * 1000 + index,
      `City ${index}`,
    );
    const ids = [0, 1, 2, 3].map((k) => stories[(index + 3 * k) % stories.length]?.id as string);
    return {
      id: `city-${index}`,
      title: own.title,
      greeting: own.greeting,
      stories: withLocal
        ? [
            ids[0] as string,
            own.stories[0] as Story,
            ids[1] as string,
            ids[2] as string,
            own.stories[1] as Story,
            ids[3] as string,
          ]
        : ids,
    };
  });
  const { stories: _none, ...newDefaults } = fresh([], serial);
  return { defaults: newDefaults, stories, editions };
}

/** The same composition as one edition of the set, alone. */
function newSingle(): Briefing {
  serial += 1;
  const [a, b, c, d] = national;
  const single = fresh([a, local[0], b, c, local[1], d] as Story[], serial);
  return { ...single, title: `City ${serial}` };
}

const renderer = await createRenderer();
let sink = 0;
const read = (result: RenderResult) =>
  result.html.length + result.text.length + result.stats.words + result.stats.htmlBytes;

const rounds = 40;
const singleBatch = 50;
const setBatch = 4;
const singleTimes: number[] = [];
const setTimes: number[] = [];
const ratios: number[] = [];
const sharedOnlyRatios: number[] = [];
for (let round = -3; round < rounds; round += 1) {
  const singles = Array.from({ length: singleBatch }, newSingle);
  let start = cpuMs();
  for (const briefing of singles) sink += read(renderer.render(briefing));
  const single = (cpuMs() - start) / singleBatch;
  const sets = Array.from({ length: setBatch }, newSet);
  start = cpuMs();
  for (const set of sets) for (const { result } of renderer.renderEditions(set)) sink += read(result);
  const whole = (cpuMs() - start) / setBatch;
  const sharedOnly = Array.from({ length: setBatch }, () => newSet(false));
  start = cpuMs();
  for (const set of sharedOnly) for (const { result } of renderer.renderEditions(set)) sink += read(result);
  const floor = (cpuMs() - start) / setBatch;
  if (round < 0) continue;
  singleTimes.push(single);
  setTimes.push(whole);
  ratios.push(whole / single);
  sharedOnlyRatios.push(floor / single);
}

const single = medianOf(singleTimes);
const whole = medianOf(setTimes);
const ratio = medianOf(ratios);
const sharedOnlyRatio = medianOf(sharedOnlyRatios);
const sample = renderer.renderEditions(newSet());
const words = (stories: Story[]) => renderer.render({ title: 'Count', stories }).stats.words / stories.length;
const ms = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'} (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), Node ${process.version}, load average ${loadavg()
  .map((load) => load.toFixed(1))
  .join(' / ')}`;

const report = `# Edition set benchmark

\`npm run bench:editions\` (bench/editions.bench.ts), ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}.

| target | result | met |
|---|---|---|
| 50 editions ≤ 15× one single-edition render (goal 8×) | ${ratio.toFixed(1)}× | ${ratio <= 15 ? 'yes' : '**no**'}${ratio <= 8 ? ' (goal met)' : ''} |

| new copy, median of ${rounds} interleaved rounds | ms per call | ratio |
|---|---:|---:|
| one edition of 6 stories, \`renderer.render\` | ${ms(single)} | 1× |
| **50 editions of 6 stories, \`renderer.renderEditions\`** | **${ms(whole)}** | **${ratio.toFixed(1)}×** (median of per-round ratios) |
| the same 50 editions, per edition | ${ms(whole / editionCount)} | ${(ratio / editionCount).toFixed(2)}× |
| 50 editions of their 4 pool stories only (no local stories) | | ${sharedOnlyRatio.toFixed(1)}× |

The last row is the floor of this design: with every story's html and text spliced from the
set's shared parts, each edition still validates and normalizes its own fields and writes its own
html (${Math.round(sample.reduce((sum, { result }) => sum + result.stats.htmlBytes, 0) / sample.length / 1000)} KB, its bytes counted as it is written) and text, and the set's 50 results
are alive together until the caller has read them (one render's result dies at once).

Each edition shows 4 stories of a pool of 8 national stories (examples/editions/city-editions.json:
the five of the morning edition and three shorter ones, ${words(national).toFixed(0)} words on
average) and 2 local stories of its own (city briefs, ${words(local).toFixed(0)} words on average),
interleaved; the single edition has the same composition. 100 local stories and 8 shared ones
are rendered per set against 6 for one edition, so the floor of the ratio is set by the local
stories' share of the work. Every call renders new copy: each text field of the set carries a
number no earlier call used (\`freshCopy\`), so only the sharing inside one set can help, never a
cache kept from an earlier call. Each round times a batch of ${singleBatch} single renders and then
${setBatch} set renders in one process; times are CPU time (\`process.cpuUsage\`). Each result's
html length, text length and word count are read (warnings are computed when first read, as for
\`render\`). A rendered set holds ${sample.length} editions of
${Math.round(sample.reduce((sum, { result }) => sum + result.stats.htmlBytes, 0) / sample.length).toLocaleString('en-US')} html bytes on average.
`;
await writeFile(new URL('./results-editions.md', import.meta.url), report);
console.log(report);
if (sink === Number.NEGATIVE_INFINITY) console.log(sink);
