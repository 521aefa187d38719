/**
 * Bad input fails fast with a path-named BriefingValidationError: oversized input (within limits
 * that are options), wrong types at every level, nulls, numbers as strings, invalid dates and
 * locales, and prototype-polluting keys, which must not change any object's prototype.
 */
import { describe, expect, it } from 'vitest';
import { type Briefing, BriefingValidationError, createRenderer, validateBriefing } from '../src/index.js';

const renderer = await createRenderer();
const story = { headline: 'Cities race to cool the grid', lede: 'Cities buy batteries.' };
const valid: Briefing = { title: 'Morning Brief', stories: [story] };

/** Renders and returns the thrown error's issues (fails the test if nothing was thrown). */
function issuesOf(input: unknown, render = renderer.render): { path: string; message: string }[] {
  try {
    render(input as Briefing);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingValidationError);
    const { issues, message } = error as BriefingValidationError;
    for (const issue of issues) expect(message).toContain(issue.path || '(root)');
    return issues;
  }
  throw new Error('expected a BriefingValidationError, but the briefing rendered');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('oversized input fails fast, by default limits', () => {
  it.each([
    [
      'a 10 MB field',
      { ...valid, stories: [{ ...story, lede: 'x'.repeat(10 * 1024 * 1024) }] },
      'stories[0].lede',
      /10000/,
    ],
    [
      '10,000 stories',
      { ...valid, stories: Array.from({ length: 10_000 }, () => story) },
      'stories',
      /at most 100 stories, found 10000/,
    ],
    [
      '1,000 bullets',
      {
        ...valid,
        stories: [{ ...story, sections: [{ label: 'By the numbers', bullets: Array(1000).fill('One.') }] }],
      },
      'stories[0].sections[0].bullets',
      /at most 50 bullets, found 1000/,
    ],
    [
      '1,000 sections',
      { ...valid, stories: [{ ...story, sections: Array(1000).fill({ label: 'Zoom in', text: 'x' }) }] },
      'stories[0].sections',
      /1000/,
    ],
    ['a 10 MB title', { ...valid, title: 'T'.repeat(10 * 1024 * 1024) }, 'title', /10000/],
    [
      '100 bullets split over body blocks of 10',
      {
        ...valid,
        stories: [
          { ...story, sections: [{ label: 'L', body: Array(10).fill({ bullets: Array(10).fill('One.') }) }] },
        ],
      },
      'stories[0].sections[0].body',
      /at most 50 list items in a section, found 100 \(bullets and numbered items of all its blocks together\)/,
    ],
    [
      'bullets and numbered items of a sugar section, together',
      {
        ...valid,
        stories: [
          {
            ...story,
            whatsNext: { body: [{ bullets: Array(30).fill('One.') }, { numbered: Array(30).fill('Two.') }] },
          },
        ],
      },
      'stories[0].whatsNext.body',
      /at most 50 list items in a section, found 60/,
    ],
    [
      '1,000 body blocks',
      { ...valid, stories: [{ ...story, sections: [{ body: Array(1000).fill({ paragraph: 'x' }) }] }] },
      'stories[0].sections[0].body',
      /at most 30 blocks, found 1000/,
    ],
    [
      '100 stories with every field at its length limit',
      {
        ...valid,
        stories: Array.from({ length: 100 }, (_, index) => ({
          headline: `Story ${index}`,
          lede: 'x'.repeat(10_000),
          whyItMatters: 'y'.repeat(10_000),
        })),
      },
      '',
      /expected at most 1000000 characters in the whole briefing, found 2000803 \(every text field, URL and label added up\)/,
    ],
  ])('%s', (_, input, path, message) => {
    const { value: issues, ms } = timed(() => issuesOf(input));
    expect(issues.map((issue) => issue.path)).toContain(path);
    expect(issues.find((issue) => issue.path === path)?.message).toMatch(message);
    expect(issues.length).toBeLessThan(20);
    expect(ms).toBeLessThan(2_000);
  });

  it('limits are options: raised limits accept, lowered limits refuse', async () => {
    const many = { ...valid, stories: Array.from({ length: 150 }, () => story) };
    expect(issuesOf(many)[0]?.path).toBe('stories');
    const generous = await createRenderer({ limits: { maxStories: 200 } });
    expect(generous.render(many).stats.stories).toBe(150);
    const strict = await createRenderer({ limits: { maxBullets: 2, maxTextLength: 10 } });
    const input = {
      title: 'Brief',
      stories: [{ headline: 'Short', sections: [{ label: 'L', bullets: ['a', 'b', 'c'] }] }],
    };
    expect(issuesOf(input, strict.render).map((i) => i.path)).toEqual(['stories[0].sections[0].bullets']);
    expect(issuesOf({ ...input, title: 'Eleven char' }, strict.render).map((i) => i.path)).toContain('title');
  });

  it('maxBlocks and maxTotalLength are options too, and the total counts a story alone', async () => {
    const blocks = { headline: 'H', sections: [{ body: Array(40).fill({ paragraph: 'x' }) }] };
    expect(issuesOf(blocks).map((i) => i.path)).toEqual(['sections[0].body']);
    expect((await createRenderer({ limits: { maxBlocks: 40 } })).render(blocks).stats.stories).toBe(1);
    const small = await createRenderer({ limits: { maxTotalLength: 100 } });
    const long = { headline: 'Cities race to cool the grid', lede: 'x'.repeat(80) };
    expect(issuesOf(long, small.render)).toEqual([
      {
        path: '',
        message:
          'expected at most 100 characters in the whole briefing, found 108 (every text field, URL and label added up)',
      },
    ]);
    expect(small.render({ ...long, lede: 'x'.repeat(72) }).stats.stories).toBe(1);
  });
});

describe('wrong types at every level', () => {
  it.each<[string, unknown, string]>([
    ['the briefing is a string', 'Morning Brief', ''],
    ['the briefing is null', null, ''],
    ['the briefing is an array', [valid], ''],
    ['the briefing is a number', 42, ''],
    ['an object that is neither a briefing nor a story', { name: 'x' }, ''],
    ['title is a number', { ...valid, title: 42 }, 'title'],
    ['title is null', { ...valid, title: null }, 'title'],
    ['title is empty', { ...valid, title: '  ' }, 'title'],
    ['stories is an object', { ...valid, stories: { 0: story } }, 'stories'],
    ['stories is empty', { ...valid, stories: [] }, 'stories'],
    ['stories is null', { ...valid, stories: null }, 'stories'],
    ['a story is a string', { ...valid, stories: ['Cities race'] }, 'stories[0]'],
    ['a story is null', { ...valid, stories: [story, null] }, 'stories[1]'],
    ['headline is missing', { ...valid, stories: [{ lede: 'x' }] }, 'stories[0].headline'],
    ['headline is a number', { ...valid, stories: [{ headline: 7 }] }, 'stories[0].headline'],
    ['lede is an array', { ...valid, stories: [{ ...story, lede: ['a'] }] }, 'stories[0].lede'],
    [
      'sections is a string',
      { ...valid, stories: [{ ...story, sections: 'Why it matters' }] },
      'stories[0].sections',
    ],
    ['a section is null', { ...valid, stories: [{ ...story, sections: [null] }] }, 'stories[0].sections[0]'],
    [
      'a section is empty (no label, no body)',
      { ...valid, stories: [{ ...story, sections: [{}] }] },
      'stories[0].sections[0]',
    ],
    [
      'a section label is a number',
      { ...valid, stories: [{ ...story, sections: [{ label: 7, text: 'x' }] }] },
      'stories[0].sections[0].label',
    ],
    [
      'a body block is a string',
      { ...valid, stories: [{ ...story, sections: [{ body: ['x'] }] }] },
      'stories[0].sections[0].body[0]',
    ],
    [
      'a bullet is a number',
      { ...valid, stories: [{ ...story, sections: [{ label: 'L', bullets: ['a', 2] }] }] },
      'stories[0].sections[0].bullets[1]',
    ],
    [
      'a bullet is null',
      { ...valid, stories: [{ ...story, whatsNext: ['a', null] }] },
      'stories[0].whatsNext',
    ],
    ['flashback is a number', { ...valid, stories: [{ ...story, flashback: 2021 }] }, 'stories[0].flashback'],
    [
      'image is a string',
      { ...valid, stories: [{ ...story, image: 'https://x.test/a.png' }] },
      'stories[0].image',
    ],
    [
      'image width as a string',
      { ...valid, stories: [{ ...story, image: { src: 'https://x.test/a.png', alt: 'a', width: '600' } }] },
      'stories[0].image.width',
    ],
    [
      'image alt is missing',
      { ...valid, stories: [{ ...story, image: { src: 'https://x.test/a.png' } }] },
      'stories[0].image.alt',
    ],
    [
      'source url is javascript:',
      { ...valid, stories: [{ ...story, source: { url: 'javascript:alert(1)' } }] },
      'stories[0].source.url',
    ],
    ['footer is a string', { ...valid, footer: 'Unsubscribe' }, 'footer'],
    ['unsubscribeUrl is a number', { ...valid, footer: { unsubscribeUrl: 1 } }, 'footer.unsubscribeUrl'],
    [
      'unsubscribeUrl is relative',
      { ...valid, footer: { unsubscribeUrl: '/unsubscribe' } },
      'footer.unsubscribeUrl',
    ],
    ['dir is "auto"', { ...valid, dir: 'auto' }, 'dir'],
    ['date is a number', { ...valid, date: 20260314 }, 'date'],
    ['date is not a calendar day', { ...valid, date: '2026-02-30' }, 'date'],
    ['date is not ISO', { ...valid, date: '14/03/2026' }, 'date'],
    ['date has a time', { ...valid, date: '2026-03-14T08:00:00Z' }, 'date'],
    ['date is empty', { ...valid, date: '' }, 'date'],
    ['locale uses an underscore', { ...valid, locale: 'en_US' }, 'locale'],
    ['locale is not a tag', { ...valid, locale: 'en--US' }, 'locale'],
    ['locale has a bad subtag', { ...valid, locale: 'e' }, 'locale'],
    ['locale is empty', { ...valid, locale: '' }, 'locale'],
    ['locale is a number', { ...valid, locale: 1 }, 'locale'],
    ['preheader is null', { ...valid, preheader: null }, 'preheader'],
  ])('%s → %s', (_, input, path) => {
    const { value: issues, ms } = timed(() => issuesOf(input));
    expect(issues.map((issue) => issue.path)).toContain(path);
    for (const issue of issues) expect(issue.message).toMatch(/^(required: )?expected /);
    expect(ms).toBeLessThan(500);
  });

  it('validateBriefing returns the same issues without throwing', () => {
    const result = validateBriefing({ ...valid, stories: [{ headline: 7 }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path)).toEqual(['stories[0].headline']);
  });
});

describe('prototype-polluting keys', () => {
  const polluting = [
    '{"__proto__": {"polluted": "yes"}, "title": "T", "stories": [{"headline": "H"}]}',
    '{"constructor": {"prototype": {"polluted": "yes"}}, "title": "T", "stories": [{"headline": "H"}]}',
    '{"title": "T", "stories": [{"headline": "H", "__proto__": {"polluted": "yes"}}]}',
    '{"title": "T", "stories": [{"headline": "H", "sections": [{"label": "L", "text": "x", "__proto__": {"polluted": "yes"}}]}]}',
    '{"title": "T", "stories": [{"headline": "H", "image": {"src": "https://x.test/a.png", "alt": "", "__proto__": {"polluted": "yes"}}}]}',
    '{"title": "T", "footer": {"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}, "stories": [{"headline": "H"}]}',
    '{"title": "T", "stories": [{"headline": "H", "whatsNext": {"__proto__": {"polluted": "yes"}, "text": "x"}}]}',
    '{"__proto__": [], "title": "T", "stories": [{"headline": "H"}]}',
  ];

  // Each is refused as an unknown field at its path (never copied, never merged into a prototype).
  it.each(polluting)('%s fails without touching any prototype', async (json) => {
    const input = JSON.parse(json) as Briefing;
    const result = validateBriefing(input);
    expect(() => renderer.render(input)).toThrow(BriefingValidationError);
    const withOptions = await createRenderer({
      linkParams: JSON.parse('{"__proto__": "yes", "utm_source": "x"}'),
    });
    expect(() => withOptions.render(input)).toThrow(BriefingValidationError);
    for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype]) {
      expect(Object.hasOwn(proto, 'polluted')).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.success).toBe(false);
    // Named as unknown fields; inside a union (`whatsNext`), as the union's own message.
    if (!result.success) {
      for (const issue of result.error.issues)
        expect(issue.path).toMatch(/(__proto__|constructor|whatsNext)$/);
    }
  });

  it('a __proto__ key holding a story is not mistaken for a story', () => {
    const input = JSON.parse('{"title": "T", "stories": [{"__proto__": {"headline": "inherited"}}]}');
    expect(issuesOf(input).map((issue) => issue.path)).toEqual(['stories[0].__proto__']);
  });
});
