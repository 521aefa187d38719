/**
 * Inputs that grow: ordinary copy and the runs an editor's bad paste (or an attacker) produces,
 * at any length, and the time to render or parse them. Shared by the bench's scaling table and
 * the test that guards linear growth by a ratio measured in one run.
 */
import { type Briefing, parseBriefing, type Renderer } from '../src/index.js';

/** A repeated unit of text and the name the tables give it. */
export interface Pattern {
  name: string;
  unit: string;
}

/** Ordinary copy first, then each run that made a parser super-linear somewhere. */
export const patterns: readonly Pattern[] = [
  {
    name: 'ordinary copy',
    unit: 'The **Senate** passed the bill 52–48, sending it to the _House_, where [leaders](https://example.com/vote) expect a vote by Friday. ',
  },
  { name: '`**a `', unit: '**a ' },
  { name: '`*a `', unit: '*a ' },
  { name: '`_`', unit: '_' },
  { name: '`_a `', unit: '_a ' },
  { name: '`[`', unit: '[' },
  { name: '`[a](`', unit: '[a](' },
  { name: '`*|`', unit: '*|' },
  { name: '`<`', unit: '<' },
  { name: 'abbreviations', unit: 'U.S. e.g. Dr. ' },
];

/** `unit` repeated to exactly `length` characters. */
export function runOf(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * `text` with its start overwritten by `serial`, same length: no cache (parsed text, escaped
 * html) can serve one call from another, and the text stays within the field's length limit.
 */
export function numbered(text: string, serial: number): string {
  return `${serial} ${text}`.slice(0, Math.max(text.length, String(serial).length + 1));
}

/** A one-story briefing whose lede is `text`, numbered by `serial`. */
function ledeBriefing(text: string, serial: number): Briefing {
  return {
    title: 'Scaling',
    stories: [{ headline: `Story ${serial}`, lede: numbered(text, serial), whyItMatters: `Case ${serial}.` }],
  };
}

/** The Markdown source of the same story: a `# Headline` and the text as its first paragraph. */
function markdownSource(text: string, serial: number): string {
  return `# Story ${serial}\n\n${numbered(text, serial)}\n\n**Why it matters:** Case ${serial}.\n`;
}

/** The plain-text paste of the same story: the headline line, then the text. */
function plainTextSource(text: string, serial: number): string {
  return `Story ${serial}\n\n${numbered(text, serial)}\n\nWhy it matters: Case ${serial}.\n`;
}

/** What is timed for one input length: a fresh input each call. */
export type Operation = (text: string, serial: number) => unknown;

let serial = 0;

/**
 * Milliseconds of CPU time this process has used (all its threads, the garbage collector's
 * included): on a shared machine, time other processes take the cores from it does not count,
 * as it would in wall-clock time.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The middle value (the upper one of an even count); `values` is left as it is. */
export function medianOf(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/** Median CPU milliseconds of `op` over at least `reps` calls and `minMs` of wall time. */
function timeMedian(op: Operation, text: string, reps = 7, minMs = 30): number {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < reps || performance.now() - started < minMs) {
    serial += 1;
    const start = cpuMs();
    op(text, serial);
    times.push(cpuMs() - start);
    if (times.length >= 1000) break;
  }
  return medianOf(times);
}

/** The operations the scaling table times: a render (html, text and stats read) and two parses. */
export function operations(
  renderer: Renderer,
): Record<'render' | 'parse Markdown' | 'parse plain text', Operation> {
  return {
    render: (text, n) => {
      const result = renderer.render(ledeBriefing(text, n));
      return result.html.length + result.text.length + result.stats.words;
    },
    'parse Markdown': (text, n) => parseBriefing(markdownSource(text, n)),
    'parse plain text': (text, n) => parseBriefing(plainTextSource(text, n)),
  };
}

/**
 * Times at `lengths` for one pattern and operation: per length, the fastest of `rounds` medians,
 * measured in rounds that alternate the lengths, so a slow stretch of a shared machine falls on
 * every length alike (and noise, which only ever adds time, is dropped).
 */
export function growth(op: Operation, unit: string, lengths: readonly number[], rounds = 5): number[] {
  const texts = lengths.map((length) => runOf(unit, length));
  const samples: number[][] = lengths.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    texts.forEach((text, index) => {
      samples[index]?.push(timeMedian(op, text));
    });
  }
  return samples.map((values) => Math.min(...values));
}
