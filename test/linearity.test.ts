/**
 * Growth, not speed: rendering and parsing one field of 10,000 characters must cost about four
 * times what 2,500 characters cost, for ordinary copy and for every adversarial run. Both
 * lengths are timed in the same run, alternating, so a slow machine slows both; the bound (8×)
 * leaves room for noise while a quadratic cost (16× per 4× input) fails it.
 */
import { describe, expect, it } from 'vitest';
import { growth, type Operation, operations, patterns } from '../bench/scaling.js';
import { createRenderer, parseBriefing } from '../src/index.js';

const renderer = await createRenderer();
const lengths = [2_500, 10_000] as const;
const bound = 8;
const ops = operations(renderer);

/** Time at the long length over time at the short one, the best of up to three measurements. */
function growthRatio(op: Operation, unit: string): number {
  // Noise only ever adds time, so the best measurement is the truest.
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best >= bound; attempt += 1) {
    const [short, long] = growth(op, unit, lengths, 3) as [number, number];
    best = Math.min(best, long / Math.max(short, 0.001));
  }
  return best;
}

describe('render and parse time grow linearly with the input', () => {
  for (const pattern of patterns) {
    for (const [operation, op] of Object.entries(ops)) {
      it(`${operation}: ${pattern.name}, 4× the text costs < ${bound}× the time`, () => {
        expect(growthRatio(op, pattern.unit)).toBeLessThan(bound);
      });
    }
  }
});

/**
 * Block structure a paste can repeat: runs of container markers on one line (each one a level of
 * nesting) and runs of lines that each open a block. The Markdown block scan must stay linear on
 * these too; the paragraph patterns above start after a serial number, so they never reach it.
 */
const blockPatterns = [
  { name: '`> ` on one line', unit: '> ' },
  { name: '`- ` on one line', unit: '- ' },
  { name: '`1. ` on one line', unit: '1. ' },
  { name: '`> - 1. ` on one line', unit: '> - 1. ' },
  { name: 'unclosed `<!--` lines', unit: '<!--\n' },
  { name: 'unclosed fences', unit: '```\n' },
  { name: 'nested items', unit: '- a\n  ' },
  { name: 'quoted lines', unit: '> a\n' },
  { name: 'reference definitions', unit: '[a]: b\n' },
  { name: 'paragraphs with underlines', unit: 'a\n-\n' },
] as const;

describe('the Markdown block scan grows linearly with the input', () => {
  const parseBlocks = (text: string, serial: number) => parseBriefing(`# Story ${serial}\n\n${text}\n`);
  // A long run of spaces inside a line: `/ {2,}\n/` and `/\s+$/` retry from each of its spaces.
  it(`parse Markdown blocks: a run of spaces inside a line, 4× the text costs < ${bound}× the time`, () => {
    const op = (text: string, serial: number) =>
      parseBriefing(`# Story ${serial}\n\nLede${text}ends here.\n`);
    expect(growthRatio(op, ' ')).toBeLessThan(bound);
  });
  // The same inside a front matter key: `a     …     x: 1` once took seconds to find its line. It
  // is an unknown key, so the cost measured is reading it up to the error that names its line.
  it(`parse front matter: a run of spaces inside a key, 4× the text costs < ${bound}× the time`, () => {
    const op = (text: string, serial: number) =>
      expect(() =>
        parseBriefing(`---\ntitle: Brief ${serial}\na${text}x: 1\n---\n# Story ${serial}\n\nLede.\n`),
      ).toThrow(/^Line 3: front matter field/);
    expect(growthRatio(op, ' ')).toBeLessThan(bound);
  });
  for (const pattern of blockPatterns) {
    it(`parse Markdown blocks: ${pattern.name}, 4× the text costs < ${bound}× the time`, () => {
      expect(growthRatio(parseBlocks, pattern.unit)).toBeLessThan(bound);
    });
  }
});
