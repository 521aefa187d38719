import { describe, expect, it } from 'vitest';
import { BriefingValidationError, NewsbriefError, renderBriefing, validateBriefing } from '../src/index.js';

const story = { headline: 'Valid headline' };
const briefing = (extra: Record<string, unknown> = {}, storyExtra: Record<string, unknown> = {}) => ({
  title: 'Morning Brief',
  stories: [{ ...story, ...storyExtra }],
  ...extra,
});

const cases: { name: string; input: unknown; path: string; message: RegExp }[] = [
  {
    name: 'missing title',
    input: { stories: [story] },
    path: 'title',
    message: /required: expected string, found nothing/,
  },
  { name: 'empty title', input: briefing({ title: '  ' }), path: 'title', message: /non-empty title/ },
  { name: 'no stories', input: briefing({ stories: [] }), path: 'stories', message: /at least one story/ },
  {
    name: 'stories not a list',
    input: briefing({ stories: {} }),
    path: 'stories',
    message: /expected a list, found an object/,
  },
  {
    name: 'missing headline',
    input: { title: 'T', stories: [{ lede: 'x' }] },
    path: 'stories[0].headline',
    message: /required/,
  },
  {
    name: 'empty headline',
    input: briefing({}, { headline: '' }),
    path: 'stories[0].headline',
    message: /non-empty headline/,
  },
  {
    name: 'headline wrong type',
    input: briefing({}, { headline: 42 }),
    path: 'stories[0].headline',
    message: /expected string, found number 42/,
  },
  {
    name: 'unknown dir',
    input: briefing({ dir: 'up' }),
    path: 'dir',
    message: /"ltr" or "rtl", found string "up"/,
  },
  { name: 'bad date', input: briefing({ date: '14/03/2026' }), path: 'date', message: /ISO 8601 date/ },
  {
    name: 'impossible date',
    input: briefing({ date: '2026-02-30' }),
    path: 'date',
    message: /ISO 8601 date/,
  },
  { name: 'bad locale', input: briefing({ locale: 'en_US!' }), path: 'locale', message: /BCP 47/ },
  {
    name: 'bullet wrong type',
    input: briefing({}, { sections: [{ label: 'Zoom in', bullets: ['ok', null] }] }),
    path: 'stories[0].sections[0].bullets[1]',
    message: /expected string, found null/,
  },
  {
    name: 'empty section label',
    input: briefing({}, { sections: [{ label: ' ', text: 'x' }] }),
    path: 'stories[0].sections[0].label',
    message: /non-empty section label/,
  },
  {
    name: 'body bullet wrong type',
    input: briefing(
      {},
      {
        sections: [{ text: 'x' }, { body: [{ paragraph: 'a' }, { numbered: ['b'] }, { bullets: [7] }] }],
      },
    ),
    path: 'stories[0].sections[1].body[2].bullets[0]',
    message: /expected string, found number 7/,
  },
  {
    name: 'body block of two kinds',
    input: briefing({}, { sections: [{ body: [{ paragraph: 'a', bullets: ['b'] }] }] }),
    path: 'stories[0].sections[0].body[0]',
    message: /one of "paragraph", "bullets" or "numbered", found "paragraph" and "bullets"/,
  },
  {
    name: 'body block of no kind',
    input: briefing({}, { sections: [{ body: [{ text: 'a' }] }] }),
    path: 'stories[0].sections[0].body[0]',
    message: /one of "paragraph", "bullets" or "numbered", found none/,
  },
  {
    name: 'body with text',
    input: briefing({}, { sections: [{ label: 'L', text: 'a', body: [{ paragraph: 'b' }] }] }),
    path: 'stories[0].sections[0].body',
    message: /"body" alone or "text"\/"bullets", not both; found "body" with "text"/,
  },
  {
    name: 'body paragraph javascript: link',
    input: briefing({}, { whatsNext: { body: [{ paragraph: '[x](javascript:alert(1))' }] } }),
    path: 'stories[0].whatsNext.body[0].paragraph',
    message: /found a javascript: URL/,
  },
  {
    name: 'javascript: inline link',
    input: briefing({}, { lede: 'See [this](javascript:alert(1))' }),
    path: 'stories[0].lede',
    message: /https:, http: or mailto: URL, found a javascript: URL/,
  },
  {
    name: 'relative source url',
    input: briefing({}, { source: { url: '/story' } }),
    path: 'stories[0].source.url',
    message: /absolute https:, http: or mailto: URL, found "\/story"/,
  },
  {
    name: 'data: image',
    input: briefing({}, { image: { src: 'data:image/png;base64,AAAA', alt: 'x' } }),
    path: 'stories[0].image.src',
    message: /found a data: URL/,
  },
  {
    name: 'image without alt',
    input: briefing({}, { image: { src: 'https://example.com/a.png' } }),
    path: 'stories[0].image.alt',
    message: /alt text/,
  },
  {
    name: 'unsubscribe url not a url',
    input: briefing({ footer: { unsubscribeUrl: 'unsubscribe-here' } }),
    path: 'footer.unsubscribeUrl',
    message: /or an ESP merge tag/,
  },
  {
    name: 'flashback wrong shape',
    input: briefing({}, { flashback: 12 }),
    path: 'stories[0].flashback',
    message: /text, a list of bullets or \{ text, bullets \} \/ \{ body \}, found number 12/,
  },
  {
    name: 'not an object',
    input: 'hello',
    path: '',
    message: /briefing object or a story object, found string "hello"/,
  },
  { name: 'neither briefing nor story', input: { lede: 'x' }, path: '', message: /found neither field/ },
  {
    name: 'story alone, bad field',
    input: { headline: 'H', lede: 5 },
    path: 'lede',
    message: /expected string/,
  },
];

describe('validateBriefing', () => {
  it.each(cases)('$name → $path', ({ input, path, message }) => {
    const result = validateBriefing(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const issue = result.error.issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(result.error.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
    expect(result.error.message).toContain(path || '(root)');
  });

  it('lists every issue in the message', () => {
    const result = validateBriefing({ title: '', stories: [{ headline: 1 }, { headline: 'ok', lede: 2 }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((issue) => issue.path)).toEqual([
      'title',
      'stories[0].headline',
      'stories[1].lede',
    ]);
    expect(result.error.message).toMatch(/3 problems/);
    expect(result.error).toBeInstanceOf(BriefingValidationError);
    expect(result.error).toBeInstanceOf(NewsbriefError);
  });

  it('accepts a story alone as a one-story briefing titled by its headline', () => {
    const result = validateBriefing({ headline: 'Alone', lede: 'Just me.' });
    expect(result).toEqual({
      success: true,
      data: { title: 'Alone', stories: [{ headline: 'Alone', lede: 'Just me.' }] },
    });
  });

  it('titles a story alone by its headline as plain text', () => {
    const result = validateBriefing({ headline: 'A **big** [day](https://example.com)' });
    expect(result.success && result.data.title).toBe('A big day');
  });

  it('refuses unknown fields at their paths, with the field that was meant', () => {
    const result = validateBriefing({
      ...briefing(),
      edition: 42,
      stories: [
        {
          headline: 'H',
          why_it_matters: 'It matters.',
          sorce: { url: 'https://example.com' },
          sections: [{ label: 'L', text: 'x', bulets: ['a'] }],
          image: { src: 'https://example.com/a.png', alt: '', titel: 'x' },
        },
      ],
      footer: { Unsubscribe_URL: '*|UNSUB|*' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const expected = [
      { path: 'edition', message: expect.stringMatching(/^unknown field; expected one of "title", /) },
      { path: 'stories[0].why_it_matters', message: 'unknown field; did you mean "whyItMatters"?' },
      { path: 'stories[0].sorce', message: 'unknown field; did you mean "source"?' },
      { path: 'stories[0].sections[0].bulets', message: 'unknown field; did you mean "bullets"?' },
      {
        path: 'stories[0].image.titel',
        message: expect.stringMatching(/^unknown field; expected one of "src"/),
      },
      { path: 'footer.Unsubscribe_URL', message: 'unknown field; did you mean "unsubscribeUrl"?' },
    ];
    expect(result.error.issues).toEqual(expect.arrayContaining(expected));
    expect(result.error.issues).toHaveLength(expected.length);
  });

  it('allows a top-level $schema and drops it from the data', () => {
    const result = validateBriefing({ $schema: 'newsbrief/schema.json', ...briefing() });
    expect(result.success && Object.keys(result.data)).not.toContain('$schema');
    const story = validateBriefing({ $schema: 'newsbrief/schema.json', headline: 'H' });
    expect(story.success && story.data.stories[0]).toEqual({ headline: 'H' });
    const nested = validateBriefing({ ...briefing(), stories: [{ headline: 'H', $schema: 'x' }] });
    expect(nested.success).toBe(false);
  });

  it('accepts ESP merge tags and mailto links where URLs are expected', () => {
    const result = validateBriefing(
      briefing(
        { footer: { unsubscribeUrl: '*|UNSUB|*', preferencesUrl: '<%asm_preferences_raw_url%>' } },
        { lede: 'Mail [us](mailto:tips@example.com).' },
      ),
    );
    expect(result.success).toBe(true);
  });
});

describe('renderBriefing with invalid input', () => {
  it('rejects with a BriefingValidationError naming the path', async () => {
    await expect(renderBriefing({ title: 'T', stories: [{ headline: '' }] })).rejects.toThrow(
      /stories\[0\]\.headline: expected a non-empty headline/,
    );
  });
});
