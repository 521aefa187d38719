import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefingValidationError } from '../src/errors.js';
import {
  defaultLintThresholds,
  type LintOptions,
  lintBriefing,
  lintRules,
  splitSentences,
} from '../src/lint/index.js';
import type { Briefing, Story } from '../src/model.js';
import { parseBriefing } from '../src/parse/index.js';
import { createRenderer } from '../src/render/renderer.js';

/** `n` counted words. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
/** `n` sentences of three words each. */
const sentences = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i + 1}.`).join(' ');

const preheader = 'A preheader that is comfortably inside the limits.';

/** A story that no rule complains about; cases override one field. */
const clean: Story = {
  headline: 'Fed holds rates steady',
  lede: 'The Federal Reserve left rates unchanged on Wednesday.',
  whyItMatters: 'Borrowing stays costly.',
  source: { label: 'Go deeper', url: 'https://example.com/fed' },
};

const photo = { src: 'https://images.example.com/grid.jpg', alt: 'Transmission towers at dusk' };

function briefingOf(story: Partial<Story>, extra: Partial<Briefing> = {}): Briefing {
  return { title: 'Morning Brief', preheader, stories: [{ ...clean, ...story }], ...extra };
}

function findings(input: Briefing | Story, rule: string, options?: LintOptions) {
  return lintBriefing(input, options).filter((warning) => warning.rule === rule);
}

describe('the clean story', () => {
  it('has no findings', () => {
    expect(lintBriefing(briefingOf({}))).toEqual([]);
  });
});

interface Case {
  name: string;
  input: Briefing | Story;
  /** Expected `[severity, path]` of each finding of the rule, in order. */
  expected: [string, string][];
  options?: LintOptions;
}

const cases: Record<string, Case[]> = {
  'headline-length': [
    { name: '10 words', input: briefingOf({ headline: words(10) }), expected: [] },
    {
      name: '11 words',
      input: briefingOf({ headline: words(11) }),
      expected: [['warning', 'stories[0].headline']],
    },
    {
      name: '16 words',
      input: briefingOf({ headline: words(16) }),
      expected: [['warning', 'stories[0].headline']],
    },
    {
      name: '17 words',
      input: briefingOf({ headline: words(17) }),
      expected: [['error', 'stories[0].headline']],
    },
    {
      name: 'the strict house style',
      input: briefingOf({ headline: words(7) }),
      expected: [['warning', 'stories[0].headline']],
      options: { rules: { 'headline-length': { warn: 6, error: 10 } } },
    },
    {
      name: 'markup does not count',
      input: briefingOf({ headline: '**Fed** holds [rates](https://example.com) — steady now' }),
      expected: [],
    },
  ],
  'lede-one-sentence': [
    { name: 'one sentence of 45 words', input: briefingOf({ lede: `${words(45)}.` }), expected: [] },
    {
      name: '46 words',
      input: briefingOf({ lede: `${words(46)}.` }),
      expected: [['warning', 'stories[0].lede']],
    },
    {
      name: 'two sentences',
      input: briefingOf({ lede: sentences(2) }),
      expected: [['warning', 'stories[0].lede']],
    },
    { name: 'no lede', input: briefingOf({ lede: undefined }), expected: [] },
  ],
  'why-it-matters': [
    { name: 'field', input: briefingOf({}), expected: [] },
    {
      name: 'section with a variant label',
      input: briefingOf({
        whyItMatters: undefined,
        sections: [{ label: '💡 Why does it matter', text: 'Because.' }],
      }),
      expected: [],
    },
    {
      name: 'missing',
      input: briefingOf({ whyItMatters: undefined }),
      expected: [['warning', 'stories[0]']],
    },
    { name: '2 sentences', input: briefingOf({ whyItMatters: sentences(2) }), expected: [] },
    {
      name: '3 sentences',
      input: briefingOf({ whyItMatters: sentences(3) }),
      expected: [['warning', 'stories[0].whyItMatters']],
    },
    {
      name: '3 sentences in a section',
      input: briefingOf({
        whyItMatters: undefined,
        sections: [{ label: 'Why it matters', text: sentences(3) }],
      }),
      expected: [['warning', 'stories[0].sections[0].text']],
    },
    {
      name: 'not required',
      input: briefingOf({ whyItMatters: undefined }),
      expected: [],
      options: { rules: { 'why-it-matters': { required: false } } },
    },
  ],
  'axiom-duplicate': [
    {
      name: 'different axioms',
      input: briefingOf({
        sections: [
          { label: 'Zoom in', text: 'A.' },
          { label: 'Zoom out', text: 'B.' },
        ],
      }),
      expected: [],
    },
    {
      name: 'same axiom, one with an emoji',
      input: briefingOf({
        sections: [
          { label: 'Zoom in', text: 'A.' },
          { label: '🔎 Zoom in', text: 'B.' },
        ],
      }),
      expected: [['warning', 'stories[0].sections[1]']],
    },
    {
      name: 'sugar field and a section',
      input: briefingOf({ sections: [{ label: 'Why it matters', text: 'Again.' }] }),
      expected: [['warning', 'stories[0].sections[0]']],
    },
    {
      name: 'custom label twice',
      input: briefingOf({
        sections: [
          { label: 'Data', text: 'A.' },
          { label: 'data', text: 'B.' },
        ],
      }),
      expected: [['warning', 'stories[0].sections[1]']],
    },
  ],
  'bullet-length': [
    {
      name: '50 words, 5 bullets',
      input: briefingOf({ sections: [{ label: 'Zoom in', bullets: [words(50), 'b', 'c', 'd', 'e'] }] }),
      expected: [],
    },
    {
      name: '51 words',
      input: briefingOf({ sections: [{ label: 'Zoom in', bullets: ['a', words(51)] }] }),
      expected: [['warning', 'stories[0].sections[0].bullets[1]']],
    },
    {
      name: '6 bullets',
      input: briefingOf({ sections: [{ label: 'Zoom in', bullets: ['a', 'b', 'c', 'd', 'e', 'f'] }] }),
      expected: [['warning', 'stories[0].sections[0].bullets']],
    },
    {
      name: 'sugar list body',
      input: briefingOf({ flashback: ['a', words(51)] }),
      expected: [['warning', 'stories[0].flashback[1]']],
    },
    {
      name: 'two lists of 4 in one section count alone',
      input: briefingOf({
        sections: [
          {
            label: 'Zoom in',
            body: [
              { bullets: ['a', 'b', 'c', 'd'] },
              { paragraph: 'And:' },
              { bullets: ['e', 'f', 'g', 'h'] },
            ],
          },
        ],
      }),
      expected: [],
    },
    {
      name: 'numbered list of 6 and a long item, body paths',
      input: briefingOf({
        sections: [{ body: [{ paragraph: 'Steps:' }, { numbered: ['a', 'b', 'c', 'd', 'e', words(51)] }] }],
      }),
      expected: [
        ['warning', 'stories[0].sections[0].body[1].numbered'],
        ['warning', 'stories[0].sections[0].body[1].numbered[5]'],
      ],
    },
  ],
  'paragraph-length': [
    {
      name: '3 sentences',
      input: briefingOf({ sections: [{ label: 'Zoom in', text: sentences(3) }] }),
      expected: [],
    },
    {
      name: '4 sentences',
      input: briefingOf({ sections: [{ label: 'Zoom in', text: sentences(4) }] }),
      expected: [['warning', 'stories[0].sections[0].text']],
    },
    {
      name: 'each paragraph counts alone',
      input: briefingOf({ sections: [{ label: 'Zoom in', text: `${sentences(3)}\n\n${sentences(3)}` }] }),
      expected: [],
    },
    {
      name: 'bullet of 4 sentences',
      input: briefingOf({ whatsNext: { bullets: [sentences(4)] } }),
      expected: [['warning', 'stories[0].whatsNext.bullets[0]']],
    },
    {
      name: 'greeting',
      input: briefingOf({}, { greeting: sentences(4) }),
      expected: [['warning', 'greeting']],
    },
    { name: 'the lede has its own rule', input: briefingOf({ lede: sentences(4) }), expected: [] },
  ],
  'story-length': [
    {
      name: '500 words',
      input: briefingOf({
        headline: 'Fed',
        lede: undefined,
        whyItMatters: undefined,
        sections: [{ label: 'A', text: words(499) }],
      }),
      expected: [],
    },
    {
      name: '501 words',
      input: briefingOf({
        headline: 'Fed',
        lede: undefined,
        whyItMatters: undefined,
        sections: [{ label: 'A', text: words(500) }],
      }),
      expected: [['warning', 'stories[0]']],
    },
    {
      name: '800 words',
      input: briefingOf({
        headline: 'Fed',
        lede: undefined,
        whyItMatters: undefined,
        sections: [{ label: 'A', text: words(799) }],
      }),
      expected: [['warning', 'stories[0]']],
    },
    {
      name: '801 words, labels not counted',
      input: briefingOf({
        headline: 'Fed',
        lede: undefined,
        whyItMatters: undefined,
        sections: [
          { label: 'Long label words', body: [{ paragraph: words(400) }, { bullets: [words(400)] }] },
        ],
      }),
      expected: [['error', 'stories[0]']],
    },
  ],
  'edition-length': [
    {
      name: '1,200 words',
      input: {
        title: 'T',
        preheader,
        greeting: words(6),
        stories: Array.from({ length: 6 }, (_, i) => ({
          ...clean,
          headline: `Story ${i}`,
          lede: undefined,
          whyItMatters: words(197),
        })),
      },
      expected: [],
    },
    {
      name: '1,201 words',
      input: {
        title: 'T',
        preheader,
        greeting: words(7),
        stories: Array.from({ length: 6 }, (_, i) => ({
          ...clean,
          headline: `Story ${i}`,
          lede: undefined,
          whyItMatters: words(197),
        })),
      },
      expected: [['warning', '']],
    },
  ],
  'weasel-words': [
    { name: 'none', input: briefingOf({ lede: 'The plan will pass.' }), expected: [] },
    {
      name: 'lede and bullet',
      input: briefingOf({ lede: 'It could pass, reportedly.', flashback: { bullets: ['It might not.'] } }),
      expected: [
        ['info', 'stories[0].lede'],
        ['info', 'stories[0].flashback.bullets[0]'],
      ],
    },
    {
      name: 'May the month',
      input: briefingOf({ lede: 'Talks resume in May. May 5 is the date.' }),
      expected: [],
    },
    {
      name: 'May the verb',
      input: briefingOf({ lede: 'May the best plan win.' }),
      expected: [['info', 'stories[0].lede']],
    },
    { name: 'inside other words', input: briefingOf({ lede: 'Mayors mightiest couldron.' }), expected: [] },
  ],
  'source-link': [
    { name: 'descriptive https', input: briefingOf({}), expected: [] },
    {
      name: '"Click here" over http',
      input: briefingOf({ source: { label: 'Click here', url: 'http://example.com' } }),
      expected: [
        ['warning', 'stories[0].source.label'],
        ['warning', 'stories[0].source.url'],
      ],
    },
    {
      name: 'label only, no link',
      input: briefingOf({ source: { label: 'Source' } }),
      expected: [['warning', 'stories[0].source']],
    },
  ],
  'preheader-length': [
    { name: '40 characters', input: briefingOf({}, { preheader: 'x'.repeat(40) }), expected: [] },
    {
      name: '39 characters',
      input: briefingOf({}, { preheader: 'x'.repeat(39) }),
      expected: [['warning', 'preheader']],
    },
    { name: '110 characters', input: briefingOf({}, { preheader: 'x'.repeat(110) }), expected: [] },
    {
      name: '111 characters',
      input: briefingOf({}, { preheader: 'x'.repeat(111) }),
      expected: [['warning', 'preheader']],
    },
    {
      name: 'equal to the subject',
      input: briefingOf(
        {},
        {
          preheader: 'The same words as the subject line here',
          subject: 'The same words as the subject line here',
        },
      ),
      expected: [
        ['warning', 'preheader'],
        ['warning', 'preheader'],
      ],
    },
    {
      name: 'derived from a short lede',
      input: briefingOf({ lede: 'Rates held.' }, { preheader: undefined }),
      expected: [['warning', 'preheader']],
    },
    {
      name: 'derived from a long lede (cut to 100 characters)',
      input: briefingOf({ lede: `${words(40)}.` }, { preheader: undefined }),
      expected: [],
    },
    {
      // Without a lede the renderer falls back to the headline, which repeats the subject.
      name: 'no lede: derived from the headline',
      input: briefingOf({ lede: undefined }, { preheader: undefined }),
      expected: [['warning', 'preheader']],
    },
  ],
  'image-dimensions': [
    { name: 'no image', input: briefingOf({}), expected: [] },
    {
      name: 'width and height',
      input: briefingOf({ image: { ...photo, width: 1200, height: 800 } }),
      expected: [],
    },
    { name: 'aspectRatio alone', input: briefingOf({ image: { ...photo, aspectRatio: 1.5 } }), expected: [] },
    {
      name: 'no dimensions',
      input: briefingOf({ image: photo }),
      expected: [['warning', 'stories[0].image']],
    },
    {
      name: 'width alone',
      input: briefingOf({ image: { ...photo, width: 552 } }),
      expected: [['warning', 'stories[0].image']],
    },
    {
      name: 'a sponsor image without dimensions',
      input: briefingOf({}, { sponsor: { headline: 'Trade after hours', image: photo } }),
      expected: [['warning', 'sponsor.image']],
    },
    {
      name: 'a story linted alone',
      input: { ...clean, image: photo },
      expected: [['warning', 'stories[0].image']],
    },
  ],
  'html-size': [
    { name: 'not given', input: briefingOf({}), expected: [] },
    { name: '90,000 bytes', input: briefingOf({}), options: { htmlBytes: 90_000 }, expected: [] },
    {
      name: '90,001 bytes',
      input: briefingOf({}),
      options: { htmlBytes: 90_001 },
      expected: [['warning', '']],
    },
    {
      name: '102,000 bytes',
      input: briefingOf({}),
      options: { htmlBytes: 102_000 },
      expected: [['warning', '']],
    },
    {
      name: '102,001 bytes',
      input: briefingOf({}),
      options: { htmlBytes: 102_001 },
      expected: [['error', '']],
    },
  ],
};

describe('rules', () => {
  it('cover every rule of the table', () => {
    expect(Object.keys(cases).sort()).toEqual(lintRules.map((rule) => rule.name).sort());
    expect(Object.keys(defaultLintThresholds).sort()).toEqual(lintRules.map((rule) => rule.name).sort());
  });

  for (const [rule, ruleCases] of Object.entries(cases)) {
    describe(rule, () => {
      it.each(ruleCases)('$name', ({ input, expected, options }) => {
        const found = findings(input, rule, options);
        expect(found.map((warning) => [warning.severity, warning.path])).toEqual(expected);
        for (const warning of found) expect(warning.message).toMatch(/; .+[.)]$/);
      });
    });
  }
});

describe('messages say how to fix it', () => {
  it.each([
    [briefingOf({ headline: words(12) }), 'headline-length', 'Headline has 12 words; cut it to 10 or fewer.'],
    [
      briefingOf({ lede: sentences(2) }),
      'lede-one-sentence',
      'Lede has 2 sentences; make it one sentence of 45 words or fewer and move the rest into a section.',
    ],
    [
      briefingOf({ sections: [{ label: 'Zoom in', bullets: [words(55)] }] }),
      'bullet-length',
      'Bullet has 55 words; cut it to 50 or fewer.',
    ],
    [
      briefingOf({ lede: 'It may pass.' }),
      'weasel-words',
      '"may" hedges the claim; say what is known, or attribute it to a source.',
    ],
  ])('%#: %s', (input, rule, message) => {
    expect(findings(input, rule)[0]?.message).toBe(message);
  });
});

describe('options', () => {
  const long = briefingOf({
    headline: 'Fed',
    lede: undefined,
    whyItMatters: undefined,
    sections: [{ label: 'A', text: words(560) }],
  });

  it('override thresholds per rule, keeping the other defaults', () => {
    expect(findings(long, 'story-length').map((w) => w.severity)).toEqual(['warning']);
    expect(
      findings(long, 'story-length', { rules: { 'story-length': { warn: 250, error: 600 } } }),
    ).toHaveLength(1);
    expect(findings(long, 'story-length', { rules: { 'story-length': { warn: 600 } } })).toEqual([]);
    expect(findings(long, 'story-length', { rules: { 'story-length': { error: 555 } } })[0]?.severity).toBe(
      'error',
    );
  });

  it('turn rules off', () => {
    const input = briefingOf({ lede: 'It may pass.' });
    expect(findings(input, 'weasel-words')).toHaveLength(1);
    expect(findings(input, 'weasel-words', { rules: { 'weasel-words': 'off' } })).toEqual([]);
  });

  it('change word lists', () => {
    const input = briefingOf({ lede: 'It allegedly passed.' });
    expect(
      findings(input, 'weasel-words', { rules: { 'weasel-words': { words: ['allegedly'] } } }),
    ).toHaveLength(1);
  });

  it('mention the threshold in the message', () => {
    const [warning] = findings(briefingOf({ headline: words(5) }), 'headline-length', {
      rules: { 'headline-length': { warn: 4 } },
    });
    expect(warning?.message).toBe('Headline has 5 words; cut it to 4 or fewer.');
  });
});

describe('input', () => {
  it('lints a story alone with the paths of the story wrapped in a briefing', () => {
    const story: Story = {
      ...clean,
      headline: words(12),
      whyItMatters: undefined,
      flashback: { bullets: [words(51)] },
    };
    const paths = (input: Briefing | Story) => lintBriefing(input).map((w) => [w.rule, w.path]);
    expect(paths(story)).toEqual([
      ['headline-length', 'stories[0].headline'],
      ['why-it-matters', 'stories[0]'],
      ['bullet-length', 'stories[0].flashback.bullets[0]'],
    ]);
    expect(paths({ title: 'T', stories: [story] })).toEqual(paths(story));
  });

  it('reports edition findings first, then stories in order', () => {
    const input: Briefing = {
      title: 'T',
      preheader: 'short',
      stories: [
        { ...clean, headline: words(11) },
        { ...clean, lede: sentences(2), headline: words(12) },
      ],
    };
    expect(lintBriefing(input).map((w) => [w.rule, w.path])).toEqual([
      ['preheader-length', 'preheader'],
      ['headline-length', 'stories[0].headline'],
      ['headline-length', 'stories[1].headline'],
      ['lede-one-sentence', 'stories[1].lede'],
    ]);
  });

  it('throws BriefingValidationError for invalid input', () => {
    expect(() => lintBriefing({ title: 'T', stories: [] })).toThrow(BriefingValidationError);
    expect(() => lintBriefing({ headline: '' })).toThrow(BriefingValidationError);
  });
});

describe('splitSentences', () => {
  it.each([
    ['The U.S. and Dr. Lee met. Talks resume Jan. 5.', ['The U.S. and Dr. Lee met.', 'Talks resume Jan. 5.']],
    ['Mr. Smith and Mrs. Jones agreed.', ['Mr. Smith and Mrs. Jones agreed.']],
    ['The U.S. Senate voted. It passed.', ['The U.S. Senate voted.', 'It passed.']],
    [
      'J. K. Rowling wrote it. George W. Bush read it.',
      ['J. K. Rowling wrote it.', 'George W. Bush read it.'],
    ],
    ['Rates rose 3.5 points. Then fell.', ['Rates rose 3.5 points.', 'Then fell.']],
    ['He paused... then left. Wait… what?', ['He paused... then left.', 'Wait… what?']],
    ['Is it over? Yes! It is.', ['Is it over?', 'Yes!', 'It is.']],
    ['Really?! Yes.', ['Really?!', 'Yes.']],
    ['He said “no.” Then he left.', ['He said “no.”', 'Then he left.']],
    ['“No. Never. Not now.” He left.', ['“No. Never. Not now.”', 'He left.']],
    ['She said "stop. now." Then went.', ['She said "stop. now."', 'Then went.']],
    ['An unbalanced “quote. Then more.', ['An unbalanced “quote.', 'Then more.']],
    ['It was No. 1. Then No. 2 fell.', ['It was No. 1.', 'Then No. 2 fell.']],
    ['He said no. Then he left.', ['He said no.', 'Then he left.']],
    ['Meet at 5 p.m. Tuesday, e.g. at noon.', ['Meet at 5 p.m. Tuesday, e.g. at noon.']],
    ['Yahoo! is a brand. It is old.', ['Yahoo! is a brand.', 'It is old.']],
    ['First paragraph\n\nSecond paragraph', ['First paragraph', 'Second paragraph']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('the parsed seed article', () => {
  const seed = readFileSync(new URL('./fixtures/parse/seed.txt', import.meta.url), 'utf8');

  it('is quiet under the defaults, calibrated on published copy, but for its unlinked source', () => {
    expect(lintBriefing(parseBriefing(seed)).map((warning) => warning.rule)).toEqual(['source-link']);
  });

  it('gets the findings its length, headline and unlinked source deserve in the strict house style', () => {
    const strict: LintOptions = {
      rules: {
        'headline-length': { warn: 6, error: 10 },
        'lede-one-sentence': { maxWords: 30 },
        'bullet-length': { maxWords: 35 },
        'story-length': { warn: 200, error: 300 },
      },
    };
    const warnings = lintBriefing(parseBriefing(seed), strict);
    expect(warnings).toEqual([
      {
        rule: 'headline-length',
        severity: 'warning',
        message: 'Headline has 8 words; cut it to 6 or fewer.',
        path: 'stories[0].headline',
      },
      {
        rule: 'lede-one-sentence',
        severity: 'warning',
        message:
          'Lede has 35 words; make it one sentence of 30 words or fewer and move the rest into a section.',
        path: 'stories[0].lede',
      },
      {
        rule: 'bullet-length',
        severity: 'warning',
        message: 'Bullet has 36 words; cut it to 35 or fewer.',
        path: 'stories[0].sections[1].body[1].bullets[0]',
      },
      {
        rule: 'bullet-length',
        severity: 'warning',
        message: 'Bullet has 38 words; cut it to 35 or fewer.',
        path: 'stories[0].sections[3].body[1].bullets[0]',
      },
      {
        rule: 'bullet-length',
        severity: 'warning',
        message: 'Bullet has 36 words; cut it to 35 or fewer.',
        path: 'stories[0].sections[3].body[1].bullets[1]',
      },
      {
        rule: 'story-length',
        severity: 'error',
        message: 'Story has 477 words; cut it to 200 or fewer.',
        path: 'stories[0]',
      },
      {
        rule: 'source-link',
        severity: 'warning',
        message:
          'Source "Source" has no link; add the URL of the original reporting so readers can go deeper.',
        path: 'stories[0].source',
      },
    ]);
  });
});

describe('lint options are checked', () => {
  const story = { headline: 'Short headline', lede: 'One sentence.' };
  it.each([
    [{ 'storry-length': 'off' }, /rules\.storry-length: unknown rule/],
    [{ 'story-length': { warm: 250 } }, /rules\.story-length\.warm: unknown threshold; known: warn, error/],
    [{ 'story-length': { warn: '250' } }, /rules\.story-length\.warn: expected a number ≥ 0, found "250"/],
    [{ 'story-length': 250 }, /rules\.story-length: expected 'off' or an object of thresholds/],
  ])('%j', (rules, message) => {
    expect(() => lintBriefing(story, { rules } as never)).toThrow(message);
  });

  it('createRenderer refuses bad lint settings up front, not when warnings are read', async () => {
    await expect(createRenderer({ lint: { rules: { 'storry-length': 'off' } } as never })).rejects.toThrow(
      /unknown rule/,
    );
  });
});
