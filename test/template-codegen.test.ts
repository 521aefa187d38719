/**
 * The default template's generated render function (src/node/template-codegen.ts) against the
 * same template run by the Handlebars runtime: byte-identical html for generated briefings that
 * switch every optional part of the template on and off, with hostile text in every field.
 */
import fc from 'fast-check';
import Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { describe, expect, it } from 'vitest';
import type { Briefing, Story } from '../src/index.js';
import { generateRenderFunction } from '../src/node/template-codegen.js';
import { toEdition } from '../src/normalize/edition.js';
import { minifiedSpec, renderDefault } from '../src/render/generated/templates.js';
import { countLine, editionStats } from '../src/render/stats.js';
import {
  bytesMark,
  counted,
  each,
  escaped,
  field,
  get,
  keepHtml,
  kept,
  present,
  staticText,
  truthy,
  unescaped,
  writtenBytes,
} from '../src/render/template-runtime.js';
import { resolveTheme } from '../src/render/theme.js';
import { templateView } from '../src/render/view.js';
import { assertBriefing } from '../src/schema.js';

const runs = Math.max(200, Math.round(Number(process.env.NEWSBRIEF_PROPERTY_RUNS ?? 10_000) / 10));
const handlebars = (runtime as unknown as typeof Handlebars).create().template(minifiedSpec) as (
  view: unknown,
) => string;

const text = fc.oneof(
  fc.constantFrom(
    '',
    'Plain words.',
    '**Bold** and _em_ [link](https://example.com/a?b=1&c=2)',
    '<b>"x" & \'y\' `z` = 1</b>',
    '{{title}} *|FNAME|*',
    'Zoë’s café — 5 °C, 東京 🌆 naïve',
    '0',
    'false',
  ),
  fc.string({ maxLength: 12 }),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const image = fc.record(
  {
    src: fc.constant('https://example.com/a.png'),
    alt: text,
    href: optional(fc.constant('https://example.com/story')),
    credit: optional(text),
  },
  { requiredKeys: ['src', 'alt'] },
);
const story: fc.Arbitrary<Story> = fc.record(
  {
    headline: text.map((value) => `H ${value}`),
    kicker: text,
    byline: text,
    lede: text,
    whyItMatters: text,
    whatsNext: fc.array(text, { maxLength: 2 }),
    sections: fc.array(
      fc.record({
        label: text.map((value) => `L ${value}`),
        text: optional(text),
        bullets: optional(fc.array(text, { maxLength: 3 })),
      }),
      { maxLength: 3 },
    ),
    image,
    source: fc.record({ label: optional(text), url: optional(fc.constant('https://www.example.com/s')) }),
  },
  { requiredKeys: ['headline'] },
);
const briefing: fc.Arbitrary<Briefing> = fc.record(
  {
    title: text.map((value) => `T ${value}`),
    date: fc.constant('2026-03-14'),
    greeting: text,
    locale: fc.constantFrom('en-US', 'he-IL', 'de-DE'),
    stories: fc.array(story, { minLength: 1, maxLength: 5 }),
    sponsor: fc.record(
      {
        headline: text.map((value) => `S ${value}`),
        label: text,
        text: text,
        url: fc.constant('https://acme.example'),
        image,
        after: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: ['headline'] },
    ),
    footer: fc.record({
      text: optional(text),
      address: optional(text),
      unsubscribeUrl: optional(fc.constantFrom('https://example.com/u', '*|UNSUB|*')),
      preferencesUrl: optional(fc.constant('https://example.com/p')),
    }),
  },
  { requiredKeys: ['title', 'stories'] },
);
const themes = [
  resolveTheme(undefined),
  resolveTheme({
    brandColor: '#c8102e',
    logoUrl: 'https://example.com/logo.png',
    logoDarkUrl: 'https://example.com/dark.png',
  }),
];

function view(input: Briefing, themeIndex: number, toc: boolean) {
  const theme = themes[themeIndex] as (typeof themes)[number];
  const edition = toEdition(assertBriefing(input), { contentWidth: theme.width - 48 });
  const stats = editionStats(edition);
  return templateView(edition, {
    theme,
    countLine: countLine(stats, edition.locale),
    toc,
  });
}

describe('the generated default render function', () => {
  it(`writes the bytes the Handlebars runtime writes (${runs} generated briefings)`, () => {
    let rendered = 0;
    fc.assert(
      fc.property(briefing, fc.integer({ min: 0, max: 1 }), fc.boolean(), (input, themeIndex, toc) => {
        let data: ReturnType<typeof view>;
        try {
          data = view(input, themeIndex, toc);
        } catch {
          return; // generated text that fails validation (e.g. a link label of spaces): nothing to render
        }
        const html = renderDefault(data);
        expect(html).toBe(handlebars(data));
        // The bytes it counted as it wrote are the bytes it wrote.
        expect(writtenBytes(html)).toBe(Buffer.byteLength(html, 'utf8'));
        rendered += 1;
      }),
      { numRuns: runs },
    );
    expect(rendered).toBeGreaterThan(runs * 0.8);
  });

  it(`splices a kept story's html only where it would write the same bytes (${runs} generated pairs)`, () => {
    // Kept views are what an edition set's shared stories are: one view object rendered in many
    // editions, at other positions (@first, @index), beside other roots (text direction, theme,
    // sponsor). Each render is compared with the Handlebars runtime's, the kept html being written
    // by the first render and read by the later ones.
    let rendered = 0;
    fc.assert(
      fc.property(
        briefing,
        briefing,
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 1 }),
        (first, second, themeA, themeB) => {
          let a: ReturnType<typeof view>;
          let b: ReturnType<typeof view>;
          try {
            a = view(first, themeA, false);
            b = view(second, themeB, true);
          } catch {
            return;
          }
          const keptStories = a.stories.map((story) => keepHtml({ ...story }));
          const views = [
            { ...a, stories: keptStories },
            { ...b, stories: [...keptStories].reverse() },
            { ...b, stories: [...b.stories.slice(0, 1), ...keptStories] },
            { ...a, stories: keptStories },
          ];
          for (const data of views) {
            const html = renderDefault(data);
            expect(html).toBe(handlebars(data));
            expect(writtenBytes(html)).toBe(Buffer.byteLength(html, 'utf8'));
          }
          rendered += 1;
        },
      ),
      { numRuns: Math.round(runs / 4) },
    );
    expect(rendered).toBeGreaterThan((runs / 4) * 0.6);
  });

  it('counts the bytes of static text outside ASCII, and of values, as it writes', () => {
    const template = 'Café — {{title}}{{#each list}} ✓ {{this}}{{/each}}';
    const source = generateRenderFunction(template, 'render', './unused.js', { keptRuns: true })
      .replace(/^import .*\n/, '')
      .replace('export function', 'return function');
    expect(source).toContain('staticText("Café — ", 3)');
    const helpers = {
      bytesMark,
      counted,
      each,
      escaped,
      field,
      get,
      kept,
      present,
      staticText,
      truthy,
      unescaped,
    };
    const render = new Function(...Object.keys(helpers), source)(...Object.values(helpers)) as (
      view: unknown,
    ) => string;
    const data = { title: 'Zoë & <Ana>', list: ['ä', '🌆', 'plain'] };
    const html = render(data);
    expect(html).toBe(Handlebars.create().compile(template)(data));
    expect(writtenBytes(html)).toBe(Buffer.byteLength(html, 'utf8'));
  });

  it('reads inherited names (constructor, toString) as Handlebars does: not at all', () => {
    const template = '{{constructor}}|{{a.toString}}|{{a.b}}|{{#each list}}{{@index}}{{this}}{{/each}}';
    const source = generateRenderFunction(template, 'render', './unused.js')
      .replace(/^import .*\n/, '')
      .replace('export function', 'return function');
    const helpers = { each, escaped, field, get, present, truthy, unescaped };
    const render = new Function(...Object.keys(helpers), source)(...Object.values(helpers)) as (
      view: unknown,
    ) => string;
    const data = { a: { b: '<b>' }, list: ['x', 'y'] };
    expect(render(data)).toBe(Handlebars.create().compile(template)(data));
    expect(render(data)).toBe('||&lt;b&gt;|0x1y');
  });

  it.each([
    ['a helper call', '{{lookup theme "x"}}', /helper calls/],
    ['a ../ path', '{{#each stories}}{{../title}}{{/each}}', /\.\.\/ paths/],
    ['an unknown block', '{{#custom x}}y{{/custom}}', /\{\{#custom\}\}/],
    ['@index outside #each', '{{@index}}', /@index/],
  ])('refuses %s at build time', (_, template, message) => {
    expect(() => generateRenderFunction(template, 'render', './runtime.js')).toThrow(message);
  });
});
