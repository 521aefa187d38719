/**
 * `npx tsx bench/lint-corpus.ts`: how noisy the default lint is on copy written in the published
 * Smart Brevity style — the parse corpus (test/fixtures/parse/corpus/, 22 fictional stories) and
 * the published seed story. Prints warnings per story and per rule for the defaults, and for the
 * thresholds before issue 12 (`--before`), so a change of default can be judged on real copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type LintOptions, lintBriefing, parseBriefing } from '../src/index.js';

const corpus = new URL('../test/fixtures/parse/corpus/', import.meta.url);
const files = [
  ...readdirSync(corpus)
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => new URL(name, corpus)),
  new URL('../test/fixtures/parse/seed.txt', import.meta.url),
];

/** The defaults before issue 12 calibrated them on published copy. */
const before: LintOptions = {
  rules: {
    'headline-length': { warn: 6, error: 10 },
    'lede-one-sentence': { maxSentences: 1, maxWords: 30 },
    'bullet-length': { maxWords: 35, maxBullets: 5 },
    'story-length': { warn: 200, error: 300 },
  },
};

const options = process.argv.includes('--before') ? before : {};
const byRule = new Map<string, number>();
let warnings = 0;
let errors = 0;
for (const file of files) {
  for (const finding of lintBriefing(parseBriefing(readFileSync(file, 'utf8')), options)) {
    if (finding.severity === 'info') continue;
    if (finding.severity === 'error') errors += 1;
    else warnings += 1;
    const key = `${finding.rule} (${finding.severity})`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
  }
}
console.log(`${process.argv.includes('--before') ? 'before' : 'defaults'}: ${files.length} stories`);
console.log(`warnings per story: ${(warnings / files.length).toFixed(2)}, errors: ${errors}`);
for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule}: ${count}`);
