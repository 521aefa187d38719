/**
 * Injection-proof by property: briefings whose every text field holds arbitrary strings (HTML, MJML
 * tags, Handlebars, ESP merge tags, quotes, unicode, bidi marks, very long words) render to a DOM
 * with only the elements and attributes the template produces, every field's text exactly as typed,
 * only http(s)/mailto links, and the same bytes every time.
 *
 * NEWSBRIEF_PROPERTY_RUNS sets the number of generated briefings (default 10,000, plus a tenth of
 * that as pairs for the determinism property).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Briefing, BriefingValidationError, createRenderer, type Renderer } from '../src/index.js';
import { inlinePlain, parseInline } from '../src/normalize/inline.js';
import { parseDocument } from './support/fidelity.js';

const runs = Number(process.env.NEWSBRIEF_PROPERTY_RUNS ?? 10_000);
const determinismRuns = Math.max(100, Math.round(runs / 10));
const renderer = await createRenderer();

/** Pieces an attacker, a CMS or a careless editor might put in story text. */
const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '</mj-text>',
  '</mj-column></mj-section><mj-section><mj-column><mj-text>',
  '<mj-raw><b>raw</b></mj-raw>',
  '{{title}}',
  '{{{theme.brandColor}}}',
  '{{> story}}',
  '{{#each stories}}x{{/each}}',
  '{{!-- c --}}',
  '}}',
  '{{',
  'nbhb0x',
  '*|UNSUB|*',
  '*|FNAME|*',
  '{{unsubscribe}}',
  '%unsubscribe_url%',
  '<%asm_group_unsubscribe_raw_url%>',
  '"',
  "'",
  '`',
  '&amp;',
  '&lt;b&gt;',
  '&',
  '<!--',
  '-->',
  '<![CDATA[x]]>',
  '<!--[if mso]>',
  '<style>body{display:none}</style>',
  '\u200f',
  '\u200e',
  // Bidi controls where the text needs them (right-to-left script in the same field), closed.
  '\u202bשלום\u202c',
  '\u2067مرحبا\u2069',
  'שלום',
  'مرحبا',
  '🇮🇱👩🏽‍💻',
  'e\u0301',
  '\u00a0',
  'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(3),
  '**bold**',
  '_em_',
  '*',
  '[label](https://example.com/?a=1&b="2"&c=<3>)',
  '[mail](mailto:desk@example.com)',
  '[](https://example.com)',
  '\\',
  '$&',
  '__proto__',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'grapheme', maxLength: 8 })), {
    maxLength: 3,
  })
  .map((parts) => parts.join(''));

/** A field value wrapped in markers, so it can be found in the rendered text and never trims away. */
const field = (key: string) => text.map((value) => `⟦${key}⟧${value}⟦/${key}⟧`);

const url = fc
  .tuple(fc.constantFrom('https://example.com/', 'http://example.org/a?b=1', 'https://x.test/p'), text)
  .map(([base, tail]) => `${base}?q=${encodeURIComponent(tail)}`);

const storyArbitrary = (n: number) =>
  fc.record({
    kicker: field(`k${n}`),
    headline: field(`h${n}`),
    byline: field(`by${n}`),
    lede: field(`l${n}`),
    whyItMatters: field(`w${n}`),
    flashback: field(`f${n}`),
    whatsNext: fc.tuple(field(`n${n}a`), field(`n${n}b`)).map((bullets) => [...bullets]),
    sections: fc
      .tuple(field(`sl${n}`), field(`st${n}`), field(`sb${n}`))
      .map(([label, value, bullet]) => [{ label, text: value, bullets: [bullet] }]),
    image: fc.record({ src: url, alt: field(`alt${n}`), href: url, credit: field(`cr${n}`) }),
    source: fc.record({ label: field(`src${n}`), url }),
  });

const briefingArbitrary = fc.record({
  title: field('title'),
  greeting: field('greeting'),
  date: fc.constant('2026-03-14'),
  locale: fc.constantFrom('en-US', 'he-IL', 'ar-EG', 'de-DE'),
  stories: fc.oneof(
    { arbitrary: storyArbitrary(0).map((s) => [s]), weight: 3 },
    { arbitrary: fc.tuple(storyArbitrary(0), storyArbitrary(1)).map((list) => [...list]), weight: 1 },
  ),
  footer: fc.record({
    text: field('ft'),
    address: field('fa'),
    unsubscribeUrl: fc.oneof(url, fc.constantFrom('*|UNSUB|*', '{{unsubscribe}}', '%unsubscribe_url%')),
    preferencesUrl: url,
  }),
}) as fc.Arbitrary<Briefing>;

/** A briefing that uses every template feature: its tags and attributes are what the template produces. */
const baseline: Briefing = {
  title: 'Morning Brief',
  date: '2026-03-14',
  greeting: 'Hello **bold** _em_ [link](https://example.com)',
  stories: [0, 1].map((i) => ({
    kicker: 'k',
    headline: `Headline ${i}`,
    byline: 'By A',
    lede: 'Lede [link](https://example.com).',
    whyItMatters: 'W',
    flashback: 'F',
    whatsNext: ['a', 'b'],
    sections: [{ label: 'L', text: 'T', bullets: ['B'] }],
    image: { src: 'https://example.com/a.png', alt: 'A', href: 'https://example.com', credit: 'C' },
    source: { label: 'S', url: 'https://example.com' },
  })),
  footer: {
    text: 'T',
    address: 'A',
    unsubscribeUrl: 'https://example.com/u',
    preferencesUrl: 'https://example.com/p',
  },
};

function vocabulary(document: Document): Set<string> {
  const names = new Set<string>();
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    names.add(tag);
    for (const attribute of element.getAttributeNames()) names.add(`${tag}[${attribute}]`);
  }
  return names;
}

const allowedVocabulary = vocabulary(parseDocument(renderer.render(baseline).html));

const plain = (value: string) => inlinePlain(parseInline(value));

/** Every field with the text a reader must see: rich fields lose only their Markdown markers. */
function expectedTexts(briefing: Briefing): string[] {
  const texts = [briefing.title, plain(briefing.greeting ?? ''), plain(briefing.footer?.text ?? '')];
  texts.push(plain(briefing.footer?.address ?? ''));
  for (const story of briefing.stories) {
    const rich = [
      story.kicker,
      story.headline,
      story.byline,
      story.lede,
      story.whyItMatters,
      story.flashback,
    ];
    rich.push(...(story.whatsNext as string[]), story.image?.credit);
    for (const section of story.sections ?? []) rich.push(section.text, ...(section.bullets ?? []));
    texts.push(...rich.map((value) => plain(value as string)));
    texts.push(...(story.sections ?? []).map((section) => section.label ?? ''));
    texts.push(plain(story.source?.label ?? '').trim());
  }
  return texts;
}

function checkRender(briefing: Briefing): void {
  let result: ReturnType<typeof renderer.render>;
  try {
    result = renderer.render(briefing);
  } catch (error) {
    // Only a link with a forbidden scheme (or an empty label) may be refused, and only as a validation error.
    expect(error).toBeInstanceOf(BriefingValidationError);
    expect(JSON.stringify(briefing)).toContain('](');
    return;
  }
  const document = parseDocument(result.html);
  const unexpected = [...vocabulary(document)].filter((name) => !allowedVocabulary.has(name));
  expect(unexpected).toEqual([]);

  const bodyText = document.body.textContent ?? '';
  for (const expected of expectedTexts(briefing)) {
    if (!bodyText.includes(expected)) throw new Error(`text not shown as typed: ${JSON.stringify(expected)}`);
  }
  expect(document.title).toBe(result.subject);
  const alts = [...document.querySelectorAll('img')].map((img) => img.getAttribute('alt'));
  expect(alts).toEqual(briefing.stories.map((story) => story.image?.alt));

  const mergeTags = new Set(['*|UNSUB|*', '{{unsubscribe}}', '%unsubscribe_url%']);
  for (const a of document.querySelectorAll('[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!(mergeTags.has(href) && a.closest('.nb-t') && href === briefing.footer?.unsubscribeUrl)) {
      expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
  for (const img of document.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^https?:\/\//);
}

/** html + text, or the error message: both must be the same every time. */
function output(on: Renderer, briefing: Briefing): string {
  try {
    const { html, text } = on.render(briefing);
    return `${html}\n${text}`;
  } catch (error) {
    return String(error);
  }
}

describe('rendering arbitrary story text', () => {
  it('the baseline briefing exercises the whole template', () => {
    for (const name of ['h1', 'h2', 'ul', 'li', 'img[alt]', 'a[href]', 'strong', 'em', 'time[datetime]']) {
      expect(allowedVocabulary.has(name), name).toBe(true);
    }
    expect([...allowedVocabulary].filter((name) => /\[on/.test(name) || name.startsWith('script'))).toEqual(
      [],
    );
  });

  it(`never lets text become markup (${runs} generated briefings)`, { timeout: 600_000 }, () => {
    fc.assert(fc.property(briefingArbitrary, checkRender), { numRuns: runs });
  });

  it('refuses a javascript: link in any rich field, naming the field', () => {
    const paths = [
      'greeting',
      'footer.text',
      'footer.address',
      'stories[0].kicker',
      'stories[0].headline',
      'stories[0].byline',
      'stories[0].lede',
      'stories[0].whyItMatters',
      'stories[0].flashback',
      'stories[0].whatsNext[1]',
      'stories[0].sections[0].text',
      'stories[0].sections[0].bullets[0]',
      'stories[0].image.credit',
    ];
    fc.assert(
      fc.property(briefingArbitrary, fc.constantFrom(...paths), text, (generated, path, before) => {
        // A copy: fast-check reuses generated values while shrinking, so they must not be mutated.
        const briefing = structuredClone(generated);
        const keys = path.split(/[.[\]]+/).filter(Boolean);
        const last = keys.pop() as string;
        // biome-ignore lint/suspicious/noExplicitAny: walking a generated object by path
        const parent = keys.reduce<any>((object, key) => object[key], briefing);
        // A space apart: a trailing backslash in `before` would escape the `[` (literal text, no link).
        parent[last] = `${before} [x](javascript:alert(1))`;
        expect(() => renderer.render(briefing)).toThrow(BriefingValidationError);
        try {
          renderer.render(briefing);
        } catch (error) {
          expect((error as BriefingValidationError).issues.map((issue) => issue.path)).toContain(path);
        }
      }),
      { numRuns: Math.max(100, Math.round(runs / 20)) },
    );
  });

  // Rendering another briefing in between, and on another renderer, must not change a byte: no
  // state leaks between renders or renderers. A tenth of the runs: each case renders four times.
  it(`renders byte-identical output every time (${determinismRuns} generated pairs)`, {
    timeout: 600_000,
  }, async () => {
    const other = await createRenderer();
    fc.assert(
      fc.property(briefingArbitrary, briefingArbitrary, (a, b) => {
        const first = output(renderer, a);
        output(renderer, b);
        expect(output(other, a)).toBe(first);
        expect(output(renderer, a)).toBe(first);
      }),
      { numRuns: determinismRuns },
    );
  });
});
