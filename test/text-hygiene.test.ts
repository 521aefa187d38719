/**
 * Text hygiene: control characters, unpaired surrogates and misplaced bidirectional formatting
 * are refused with an issue naming the field and the character as U+XXXX, in every text field,
 * URL and footer field; line breaks are normalised to LF; bidi controls stay where the direction
 * needs them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Briefing,
  BriefingValidationError,
  createRenderer,
  NewsbriefError,
  validateBriefing,
} from '../src/index.js';

const renderer = await createRenderer();

/** A briefing with every text and URL field filled, each with clean text. */
const full = (): Briefing => ({
  title: 'Morning Brief',
  subject: 'Cities race to cool the grid',
  preheader: 'Batteries, heat pumps and a vote on Friday.',
  greeting: 'Good morning.',
  stories: [
    {
      kicker: '1 big thing',
      headline: 'Cities race to cool the grid',
      byline: 'By Ana Ruiz',
      lede: 'Cities buy batteries to ride out heat waves.',
      whyItMatters: 'Blackouts cost more than batteries.',
      flashback: 'In 2021 the grid failed for four days.',
      whatsNext: ['A vote on Friday.'],
      sections: [
        { label: 'By the numbers', text: 'Three cities.', bullets: ['40 MW in Austin.'] },
        { body: [{ paragraph: 'Zoom in.' }, { numbered: ['First.'] }] },
      ],
      image: {
        src: 'https://images.example.com/grid.png',
        alt: 'A battery farm',
        href: 'https://example.com/grid',
        credit: 'Photo: Ana Ruiz',
      },
      source: { label: 'Utility Dive', url: 'https://example.com/source' },
    },
  ],
  sponsor: { headline: 'Grid Co.', text: 'Storage for cities.', url: 'https://sponsor.example.com' },
  footer: {
    text: 'You get this because you signed up.',
    address: '1 Main St, Springfield',
    unsubscribeUrl: 'https://example.com/unsubscribe',
    preferencesUrl: 'https://example.com/preferences',
  },
});

const urlKeys = new Set(['src', 'href', 'url', 'unsubscribeUrl', 'preferencesUrl']);

/** The path of every string in `value`, written as issues write them: `stories[0].sections[1].label`. */
function stringPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => stringPaths(item, path ? `${path}.${key}` : key));
}

const lastKey = (path: string) => path.slice(path.search(/[^.[\]]+\]?$/)).replace(']', '');
/** Every text field of `full()` (23) and every URL field (6). */
const textPaths = stringPaths(full()).filter((path) => !urlKeys.has(lastKey(path)));
const urlPaths = stringPaths(full()).filter((path) => urlKeys.has(lastKey(path)));

const keysOf = (path: string) =>
  path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));

/** `full()` with `edit` applied to the string at `path`. */
function withField(path: string, edit: (value: string) => string, briefing = full()): Briefing {
  const keys = keysOf(path);
  const last = keys.pop() as string | number;
  // biome-ignore lint/suspicious/noExplicitAny: walking a briefing by path
  const parent = keys.reduce<any>((object, key) => object[key], briefing);
  parent[last] = edit(parent[last]);
  return briefing;
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = validateBriefing(input);
  if (result.success) throw new Error('expected the briefing to be refused');
  return result.error.issues;
}

/** Characters no text field keeps, with the name an error gives them. */
const refused: [string, string][] = [
  ['\u0000', 'U+0000 (NULL)'],
  ['\u0007', 'U+0007'],
  ['\u0008', 'U+0008'],
  ['\u000b', 'U+000B'],
  ['\u000c', 'U+000C'],
  ['\u001b', 'U+001B (ESCAPE)'],
  ['\u007f', 'U+007F (DELETE)'],
  ['\u0085', 'U+0085'],
  ['\u009b', 'U+009B'],
  ['\ud83d', 'an unpaired surrogate U+D83D'],
  ['\udc00', 'an unpaired surrogate U+DC00'],
];

describe('control characters and unpaired surrogates are refused in every text field', () => {
  it('the full briefing is valid as written and has every kind of field', () => {
    expect(validateBriefing(full()).success).toBe(true);
    expect([textPaths.length, urlPaths.length]).toEqual([23, 6]);
    expect(textPaths).toContain('stories[0].sections[1].body[1].numbered[0]');
    expect(urlPaths).toContain('footer.unsubscribeUrl');
  });

  for (const [character, name] of refused) {
    it(`${name} in each field is an issue at that field, naming the character and where it is`, () => {
      for (const path of textPaths) {
        const input = withField(path, (value) => `${value.slice(0, 3)}${character}${value.slice(3)}`);
        expect(issuesOf(input)).toEqual([
          {
            path,
            message: `expected text without control characters, found ${name} at character 4${character >= '\ud800' ? ' (half of an emoji or other character, cut off)' : ''}`,
          },
        ]);
      }
    });
  }

  it('counts an emoji before the character as one character', () => {
    const [issue] = issuesOf(withField('title', () => '📰📰\u001b[31m'));
    expect(issue?.message).toMatch(/found U\+001B \(ESCAPE\) at character 3$/);
  });

  it('keeps tabs, line breaks, emoji, joiners and direction marks', () => {
    const kept = 'Tab\there\nline 👩🏽‍💻 e\u0301 \u200d \u200e \u200f \u00a0 \ufeff';
    const result = validateBriefing(withField('stories[0].lede', () => kept));
    expect(result.success && result.data.stories[0]?.lede).toBe(kept);
  });

  it('refuses them as a render error too, for a story given alone', () => {
    expect(() => renderer.render({ headline: 'Breaking\u0000news' })).toThrow(
      /headline: expected text without control characters, found U\+0000 \(NULL\) at character 9/,
    );
  });

  it('any refused character at any place in any field is reported there (property)', () => {
    const character = fc.constantFrom(...refused.map(([c]) => c), '\u0001', '\u001f', '\u0090', '\u009f');
    fc.assert(
      fc.property(fc.constantFrom(...textPaths), character, fc.nat(), (path, inserted, at) => {
        const input = withField(path, (value) => {
          const index = at % (value.length + 1);
          // A surrogate beside a surrogate could pair up: keep insertions between whole characters.
          return `${value.slice(0, index)}${inserted}${value.slice(index)}`;
        });
        const issues = issuesOf(input);
        expect(issues.map((issue) => issue.path)).toEqual([path]);
        expect(issues[0]?.message).toMatch(/found (an unpaired surrogate )?U\+[0-9A-F]{4}/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('URLs take no control or bidi characters at all', () => {
  const inUrl: [string, string][] = [
    ['\t', 'U+0009 (TAB)'],
    ['\n', 'U+000A (LINE FEED)'],
    ['\r', 'U+000D (CARRIAGE RETURN)'],
    ['\u0000', 'U+0000 (NULL)'],
    ['\u0085', 'U+0085'],
    ['\u202e', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['\u2066', 'U+2066 (LEFT-TO-RIGHT ISOLATE)'],
  ];
  it.each(inUrl)('%j in each URL field, even in a right-to-left briefing', (character, name) => {
    for (const path of urlPaths) {
      for (const dir of ['ltr', 'rtl'] as const) {
        const input = withField(path, (value) => `${value}/a${character}b`, { ...full(), dir });
        expect(issuesOf(input)).toEqual([
          {
            path,
            message: expect.stringMatching(
              new RegExp(
                `^expected a URL without control or bidirectional formatting characters, found ${name.replace(/[()+]/g, '\\$&')} at character \\d+$`,
              ),
            ),
          },
        ]);
      }
    }
  });

  it('a link inside story text, in a right-to-left briefing', () => {
    const input = withField('stories[0].lede', () => 'ראו [כאן](https://example.com/\u202egnp.exe)', {
      ...full(),
      locale: 'he-IL',
    });
    expect(issuesOf(input)).toContainEqual({
      path: 'stories[0].lede',
      message:
        'link expected a URL without control or bidirectional formatting characters, found U+202E (RIGHT-TO-LEFT OVERRIDE) at character 21',
    });
  });

  it('footer merge tags still pass', () => {
    const input = {
      ...full(),
      footer: { unsubscribeUrl: '*|UNSUB|*', preferencesUrl: '{{{pm:preferences}}}' },
    };
    expect(validateBriefing(input).success).toBe(true);
  });
});

describe('line breaks', () => {
  it('CRLF and lone CR become LF in the validated briefing', () => {
    const result = validateBriefing(
      withField(
        'stories[0].lede',
        () => 'One.\r\n\r\nTwo.\rThree.',
        withField('title', () => 'A\r\nB'),
      ),
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.stories[0]?.lede).toBe('One.\n\nTwo.\nThree.');
    expect(result.data.title).toBe('A\nB');
  });

  it('a CRLF blank line splits paragraphs as an LF one does', () => {
    const crlf = withField('stories[0].whyItMatters', () => 'First.\r\n\r\nSecond.');
    const lf = withField('stories[0].whyItMatters', () => 'First.\n\nSecond.');
    const rendered = renderer.render(crlf);
    expect(rendered.html).toBe(renderer.render(lf).html);
    expect(rendered.text).toBe(renderer.render(lf).text);
    expect(rendered.text).not.toContain('\r');
  });
});

describe('bidirectional embeddings, overrides and isolates', () => {
  // Trojan Source in a link label: reads "Pay here.exe", links where the label does not say.
  const spoof = '[\u202eexe.ereh yaP\u202c](https://example.com/invoice)';

  it('are refused in left-to-right text without right-to-left script, naming the character', () => {
    expect(issuesOf(withField('stories[0].lede', () => `Invoice: ${spoof}`))).toEqual([
      {
        path: 'stories[0].lede',
        message:
          'expected no bidirectional override, embedding or isolate in left-to-right text, found U+202E (RIGHT-TO-LEFT OVERRIDE) at character 11; they are kept only in right-to-left briefings and in text with right-to-left script',
      },
    ]);
    for (const character of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      expect(issuesOf(withField('footer.text', (value) => `${value}${character}`))[0]?.path).toBe(
        'footer.text',
      );
    }
  });

  it('are kept in text with right-to-left script, in a left-to-right briefing', () => {
    const mixed = 'The mayor said \u2067שלום לכולם\u2069 and left; \u202bמחיר: 40$\u202c.';
    const result = renderer.render(withField('stories[0].lede', () => mixed));
    expect(result.html).toContain(mixed.slice(15, 28));
    expect(result.text).toContain(mixed);
  });

  it.each([
    ['dir: "rtl"', { dir: 'rtl' as const }],
    ['an Arabic locale', { locale: 'ar-EG' }],
  ])('are kept in every field of a right-to-left briefing (%s)', (_, settings) => {
    const input = withField('stories[0].sections[0].label', () => 'Version \u202a2.0\u202c', {
      ...full(),
      ...settings,
    });
    expect(validateBriefing(input).success).toBe(true);
  });

  it('an explicit dir: "ltr" outranks a right-to-left locale', () => {
    const input = withField('title', () => '\u202eBrief\u202c', { ...full(), locale: 'he-IL', dir: 'ltr' });
    expect(issuesOf(input)[0]?.path).toBe('title');
  });

  it('must be closed in the same field, so no direction spills into what follows', () => {
    const rtl = () => ({ ...full(), dir: 'rtl' as const });
    const [issue] = issuesOf(withField('stories[0].byline', () => 'מאת \u202eדנה', rtl()));
    expect(issue).toEqual({
      path: 'stories[0].byline',
      message:
        'expected each bidirectional embedding, override or isolate to be closed in the same field, found U+202E (RIGHT-TO-LEFT OVERRIDE) at character 5 without a U+202C (POP DIRECTIONAL FORMATTING) after it',
    });
    expect(issuesOf(withField('title', () => '\u2067שלום', rtl()))[0]?.message).toMatch(
      /found U\+2067 \(RIGHT-TO-LEFT ISOLATE\) at character 1 without a U\+2069 \(POP DIRECTIONAL ISOLATE\)/,
    );
    // PDF cannot close an isolate; PDI closes the isolate and the embedding opened inside it.
    expect(issuesOf(withField('title', () => '\u2067שלום\u202c', rtl()))[0]?.path).toBe('title');
    expect(validateBriefing(withField('title', () => '\u2067\u202bשלום\u2069', rtl())).success).toBe(true);
    // A stray closer changes nothing and is harmless.
    expect(validateBriefing(withField('title', () => 'שלום\u202c', rtl())).success).toBe(true);
  });
});

describe('options and theme values get the same checks', () => {
  it('a label with a terminal escape sequence', async () => {
    const error = await createRenderer({ labels: { unsubscribe: 'Unsubscribe\u001b[31m' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(NewsbriefError);
    expect((error as Error).message).toBe(
      'Option labels.unsubscribe: expected text without control characters, found U+001B (ESCAPE) at character 12.',
    );
  });

  it.each([
    ['logoAlt', { logoAlt: 'The\u0000Ledger' }, /found U\+0000 \(NULL\) at character 4/],
    ['logoUrl', { logoUrl: 'https://example.com/logo.png\n' }, /found U\+000A \(LINE FEED\) at character 29/],
    ['logoDarkUrl', { logoDarkUrl: 'https://example.com/\tdark.png' }, /found U\+0009 \(TAB\)/],
  ])('theme.%s', async (field, theme, message) => {
    const error = (await createRenderer({ theme }).catch(
      (caught: unknown) => caught,
    )) as BriefingValidationError;
    expect(error).toBeInstanceOf(BriefingValidationError);
    expect(error.issues).toEqual([{ path: `theme.${field}`, message: expect.stringMatching(message) }]);
  });
});
