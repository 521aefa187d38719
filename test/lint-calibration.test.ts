/**
 * The default lint thresholds are calibrated on copy in the published Smart Brevity style (issue
 * 12): on the parse corpus and the published seed story they must average at most 1.5 warnings
 * per story and report no errors. `npx tsx bench/lint-corpus.ts` prints the figures by rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintBriefing } from '../src/lint/index.js';
import { parseBriefing } from '../src/parse/index.js';

const corpus = new URL('./fixtures/parse/corpus/', import.meta.url);
const stories = [
  ...readdirSync(corpus)
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => readFileSync(new URL(name, corpus), 'utf8')),
  readFileSync(new URL('./fixtures/parse/seed.txt', import.meta.url), 'utf8'),
];

describe('lint defaults on published-style copy', () => {
  const findings = stories.flatMap((source) => lintBriefing(parseBriefing(source)));

  it('average at most 1.5 warnings per story', () => {
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    expect(warnings / stories.length).toBeLessThanOrEqual(1.5);
  });

  it('report no errors', () => {
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
