/**
 * Growth, not speed: rendering and parsing one field of 10,000 characters must cost about four
 * times what 2,500 characters cost, for ordinary copy and for every adversarial run. Both
 * lengths are timed in the same run, alternating, so a slow machine slows both; the bound (8×)
 * leaves room for noise while a quadratic cost (16× per 4× input) fails it.
 */
import { describe, expect, it } from 'vitest';
import { growth, operations, patterns } from '../bench/scaling.js';
import { createRenderer } from '../src/index.js';

const renderer = await createRenderer();
const lengths = [2_500, 10_000] as const;
const bound = 8;
const ops = operations(renderer);

describe('render and parse time grow linearly with the input', () => {
  for (const pattern of patterns) {
    for (const [operation, op] of Object.entries(ops)) {
      it(`${operation}: ${pattern.name}, 4× the text costs < ${bound}× the time`, () => {
        // Up to three measurements, keeping the best: noise only ever adds time.
        let best = Number.POSITIVE_INFINITY;
        for (let attempt = 0; attempt < 3 && best >= bound; attempt += 1) {
          const [short, long] = growth(op, pattern.unit, lengths, 3) as [number, number];
          best = Math.min(best, long / Math.max(short, 0.001));
        }
        expect(best).toBeLessThan(bound);
      });
    }
  }
});
