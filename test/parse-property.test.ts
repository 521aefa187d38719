import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewsbriefError, parseBriefing, validateBriefing } from '../src/index.js';

// Whatever an editor pastes, parseBriefing returns a briefing or throws a NewsbriefError that
// says what is wrong: never a TypeError from inside the parser.
const runs = Number(process.env.NEWSBRIEF_PROPERTY_RUNS ?? 10_000) / 10;

const line = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '# Headline',
    '## Sub',
    '---',
    '- bullet',
    '• bullet',
    '* bullet',
    '![alt](https://x.com/a.png)',
  ),
  fc.constantFrom(
    '**Why it matters:** text',
    'Why does it matter: text',
    '🔭 Zoom out: text',
    'Source',
    '.Source',
  ),
  fc.constantFrom(
    '[Go deeper](https://example.com)',
    'title: T',
    'date: 2026-13-45',
    '  ',
    ': : :',
    '\t',
    '\r',
  ),
);
const source = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));
const frontMatter = fc
  .tuple(fc.array(line, { maxLength: 6 }), source)
  .map(([head, body]) => `---\n${head.join('\n')}\n---\n${body}`);

describe('parseBriefing on arbitrary pastes', () => {
  it('returns a briefing or throws a NewsbriefError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(source, frontMatter), (text) => {
        try {
          const briefing = parseBriefing(text);
          // What it returns is data the validator can judge (valid or with path-named issues).
          const result = validateBriefing(briefing);
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(NewsbriefError);
        }
      }),
      { numRuns: runs },
    );
  });
});
