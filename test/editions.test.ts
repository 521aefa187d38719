import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BriefingValidationError,
  createRenderer,
  type EditionSet,
  editionRenderOptions,
  flattenEdition,
  type RenderResult,
  renderBriefing,
  renderEditions,
  validateEditionSet,
} from '../src/index.js';
import { pressOf } from '../src/render/renderer.js';
import { assertBriefing } from '../src/schema.js';

const example = (): EditionSet =>
  JSON.parse(
    readFileSync(new URL('../examples/editions/city-editions.json', import.meta.url), 'utf8'),
  ) as EditionSet;

/** Every part of a result a sender reads, warnings included. */
const parts = (result: RenderResult) => ({
  html: result.html,
  text: result.text,
  subject: result.subject,
  preheader: result.preheader,
  stats: result.stats,
  warnings: result.warnings,
  listUnsubscribe: result.listUnsubscribe,
});

describe('renderEditions', () => {
  it('renders each edition byte-identical to its flattened briefing rendered alone', async () => {
    const set = example();
    const options = { linkParams: { utm_source: 'local' }, theme: { brandColor: '#aa2200' } };
    const results = await renderEditions(set, options);
    expect(results.map(({ id }) => id)).toEqual(set.editions.map(({ id }) => id));
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const { id, result } of results) {
      const alone = await renderBriefing(flattenEdition(set, id), editionRenderOptions(set, id, options));
      expect(parts(result), id).toEqual(parts(alone));
      // Counted as written (kept html included), never measured after: the count must be exact.
      expect(result.stats.htmlBytes, id).toBe(Buffer.byteLength(result.html, 'utf8'));
    }
    // The Spanish edition's own settings reached it: theme, labels, link params, locale, toc.
    const miami = results.find(({ id }) => id === 'miami-es')?.result as RenderResult;
    expect(miami.html).toContain('lang="es-US"');
    expect(miami.html).toContain('#0b6e4f');
    expect(miami.html).toContain('utm_campaign=miami-es-2026-03-14');
    expect(miami.text).toContain('En esta edición:');
    const denver = results.find(({ id }) => id === 'denver')?.result as RenderResult;
    expect(denver.html).not.toContain('#0b6e4f');
    expect(denver.html).toContain('utm_source=local');
  });

  it('is the same on a renderer, called again, and without options', async () => {
    const set = example();
    const renderer = await createRenderer();
    const first = renderer.renderEditions(set).map(({ result }) => parts(result));
    const again = renderer.renderEditions(example()).map(({ result }) => parts(result));
    expect(again).toEqual(first);
    for (const [index, edition] of set.editions.entries()) {
      const alone = await renderBriefing(
        flattenEdition(set, edition.id),
        editionRenderOptions(set, edition.id),
      );
      expect(first[index], edition.id).toEqual(parts(alone));
    }
  });

  it('builds a shared story once per position and render settings', async () => {
    const set = example();
    const renderer = await createRenderer();
    // Editions without options of their own render with the renderer's settings, sharing its parts.
    const plain = set.editions.filter((edition) => edition.options === undefined);
    const ids = new Set<string>();
    const placed = new Set<string>();
    let uses = 0;
    for (const edition of plain)
      edition.stories.forEach((story, index) => {
        if (typeof story !== 'string') return;
        uses += 1;
        ids.add(story);
        placed.add(`${story} ${index}`);
      });
    renderer.renderEditions(set);
    const { counts } = pressOf(renderer).share;
    expect(counts.content).toBe(ids.size);
    expect(counts.view).toBe(placed.size);
    expect(counts.text).toBe(placed.size);
    expect(counts.words).toBe(placed.size);
    expect(placed.size).toBeLessThan(uses);
  });
});

describe('edition set validation', () => {
  const issuesOf = (set: unknown, options?: Parameters<typeof validateEditionSet>[1]) => {
    const result = validateEditionSet(set, options);
    return result.success ? [] : result.error.issues;
  };

  it('accepts the example and returns validated briefings', () => {
    const result = validateEditionSet(example());
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.map(({ id }) => id)).toContain('miami-es');
  });

  it('names unknown and duplicate ids, unknown keys and bad stories by path', () => {
    type Loose = Record<string, unknown> & { stories: unknown[] };
    const set = example() as unknown as {
      defaults: Record<string, unknown>;
      stories: Loose[];
      editions: Loose[];
    };
    const edition = (index: number) => set.editions[index] as Loose;
    edition(3).stories[1] = 'fed-pase';
    edition(1).id = 'denver';
    set.stories[2] = { ...(set.stories[2] as Loose), headline: '' };
    set.defaults.footer = { unsubscribeUrl: 'javascript:alert(1)' };
    edition(0).greting = 'Hi';
    edition(4).stories = [{ headline: 'Ok', lede: 5 }];
    const issues = issuesOf(set);
    const paths = issues.map(({ path }) => path);
    expect(paths).toContain('editions[0].greting');
    expect(issues.find(({ path }) => path === 'editions[0].greting')?.message).toMatch(
      /did you mean "greeting"/,
    );
    expect(paths).toContain('editions[1].id');
    expect(issues.find(({ path }) => path === 'editions[3].stories[1]')?.message).toMatch(/"fed-pause"/);
    // Structural issues come first; fix them and the content issues show.
    delete edition(0).greting;
    edition(1).id = 'austin';
    edition(3).stories[1] = 'fed-pause';
    const content = issuesOf(set).map(({ path }) => path);
    expect(content).toContain('stories[2].headline');
    expect(content).toContain('defaults.footer.unsubscribeUrl');
    expect(content).toContain('editions[4].stories[0].lede');
    // A default's fault is reported once, not once per edition.
    expect(content.filter((path) => path === 'defaults.footer.unsubscribeUrl')).toHaveLength(1);
    // miami-es and phoenix set their own unsubscribeUrl, which wins over the default.
    expect(content).not.toContain('editions[3].footer.unsubscribeUrl');
  });

  it('validates each edition as its flattened briefing validates alone, the defaults checked once', () => {
    const set = example();
    // Defaults every edition inherits, with line breaks to settle (CRLF → LF) and a sponsor.
    set.defaults = {
      ...set.defaults,
      greeting: 'Good morning.\r\nHere is your city.',
      sponsor: { headline: 'Brought to you by Acme', text: 'Tools\r\nfor towns.', after: 2 },
    };
    const checked = validateEditionSet(set);
    expect(checked.success).toBe(true);
    if (!checked.success) return;
    for (const { id, briefing } of checked.data) {
      const alone = assertBriefing(flattenEdition(set, id));
      expect(briefing, id).toEqual(alone);
      expect(Object.keys(briefing), id).toEqual(Object.keys(alone));
      expect(JSON.stringify(briefing), id).toBe(JSON.stringify(alone));
    }
    // The inherited defaults count toward each edition's whole size, as they do alone.
    const limits = { maxTotalLength: 200 };
    const small: EditionSet = {
      defaults: { title: 'Brief', footer: { text: 'f'.repeat(150) } },
      editions: [
        { id: 'short', stories: [{ headline: 'Hi' }] },
        { id: 'long', stories: [{ headline: 'h'.repeat(60) }] },
      ],
    };
    const result = validateEditionSet(small, { limits });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map(({ path }) => path)).toEqual(['editions[1]']);
    expect(() => assertBriefing(flattenEdition(small, 'long'), { limits })).toThrowError(/at most 200/);
    expect(() => assertBriefing(flattenEdition(small, 'short'), { limits })).not.toThrow();
  });

  it("names an edition's own story by its place among the pool stories, and counts both", () => {
    const set = example();
    const pooled = set.stories?.[0]?.id as string;
    set.editions = [
      { id: 'a', title: 'A', stories: [pooled, pooled, { headline: 'Ok', lede: 5 } as never] },
      { id: 'b', title: 'B', stories: [] },
      { id: 'c', title: 'C', stories: [pooled, { headline: '' }, pooled] },
    ];
    expect(issuesOf(set).map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'editions[0].stories[2].lede: expected string, found number 5',
      'editions[1].stories: expected at least one story, found none',
      'editions[2].stories[1].headline: expected a non-empty headline, found an empty string',
    ]);
    // Pool stories count toward an edition's story limit.
    const many: EditionSet = {
      stories: [{ id: 'p', headline: 'Pooled' }],
      editions: [{ id: 'm', title: 'M', stories: ['p', 'p', 'p', { headline: 'Own' }] }],
    };
    expect(issuesOf(many, { limits: { maxStories: 3 } })).toEqual([
      { path: 'editions[0].stories', message: 'expected at most 3 stories, found 4' },
    ]);
    expect(issuesOf(many, { limits: { maxStories: 4 } })).toEqual([]);
  });

  it('refuses stories in defaults, a missing title, empty editions and too many editions', () => {
    expect(
      issuesOf({ defaults: { stories: [] }, editions: [{ id: 'a', stories: [{ headline: 'A' }] }] }),
    ).toEqual([expect.objectContaining({ path: 'defaults.stories' })]);
    expect(issuesOf({ editions: [{ id: 'a', stories: [{ headline: 'A' }] }] })).toEqual([
      expect.objectContaining({ path: 'editions[0].title' }),
    ]);
    expect(issuesOf({ editions: [] })[0]?.path).toBe('editions');
    const many = Array.from({ length: 1001 }, (_, index) => ({ id: `e${index}`, stories: [] }));
    expect(issuesOf({ editions: many })[0]?.message).toMatch(/at most 1000 editions/);
  });

  it('applies the size limits to each flattened edition', async () => {
    const long = 'word '.repeat(1900);
    const set: EditionSet = {
      defaults: { title: 'Brief' },
      stories: [{ id: 'big', headline: 'Big', lede: long }],
      editions: [
        { id: 'one', stories: ['big'] },
        { id: 'two', stories: ['big', 'big', { headline: 'Local', lede: long }] },
      ],
    };
    const limits = { maxTotalLength: 25_000 };
    const renderer = await createRenderer({ limits });
    expect(() => renderer.renderEditions(set)).toThrowError(BriefingValidationError);
    const error = (() => {
      try {
        renderer.renderEditions(set);
      } catch (caught) {
        return caught as BriefingValidationError;
      }
    })();
    expect(error?.issues.map(({ path }) => path)).toEqual(['editions[1]']);
    await expect(renderBriefing(flattenEdition(set, 'two'), { limits })).rejects.toThrowError(
      /at most 25000 characters/,
    );
  });

  it('names the edition whose options are bad', async () => {
    const set: EditionSet = {
      defaults: { title: 'Brief' },
      editions: [
        { id: 'ok', stories: [{ headline: 'A' }] },
        { id: 'bad', stories: [{ headline: 'B' }], options: { theme: { brandColor: 'red' } } },
      ],
    };
    await expect(renderEditions(set)).rejects.toThrowError(
      /editions\[1\]\.options\.theme\.brandColor: expected a hex colour/,
    );
  });

  it('flattens with the footer merged field by field and other fields replaced', () => {
    const set = example();
    const miami = flattenEdition(set, 'miami-es');
    expect(miami.footer?.address).toBe(set.defaults?.footer?.address);
    expect(miami.footer?.unsubscribeUrl).toContain('list=miami-es');
    expect(miami.title).toBe('Miami al Día');
    expect(miami.stories[2]).not.toHaveProperty('id');
    expect(() => flattenEdition(set, 'denvr')).toThrowError(/no edition "denvr"; did you mean "denver"/);
  });
});
