import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NewsbriefError } from '../src/errors.js';
import type { Section } from '../src/model.js';
import { canonicalAxiom } from '../src/parse/axioms.js';
import { parseBriefing } from '../src/parse/index.js';
import { readLabel, splitKicker } from '../src/parse/labels.js';
import { positionAt } from '../src/parse/positions.js';
import { validateBriefing } from '../src/schema.js';

const fixtures = new URL('./fixtures/parse/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

/** Parses and checks the result against the briefing schema. */
function parseValid(source: string) {
  const briefing = parseBriefing(source);
  const result = validateBriefing(briefing);
  if (!result.success) throw result.error;
  return briefing;
}

/** Bullets in a section, over all its lists. */
function bulletCount(section: Section): number {
  return (section.body ?? []).reduce(
    (count, block) => count + ('bullets' in block ? block.bullets.length : 0),
    0,
  );
}

function parseError(source: string): string {
  try {
    parseBriefing(source);
  } catch (error) {
    expect(error).toBeInstanceOf(NewsbriefError);
    return (error as Error).message;
  }
  throw new Error('expected parseBriefing to throw');
}

describe('parseBriefing fixtures (input → expected JSON)', () => {
  const inputs = readdirSync(fixtures).filter((name) => /\.(md|txt)$/.test(name));
  it.each(inputs)('%s', (name) => {
    const expected = JSON.parse(read(name.replace(/\.(md|txt)$/, '.json')));
    expect(parseValid(read(name))).toEqual(expected);
  });
});

describe('the seed article (plain text)', () => {
  const seed = read('seed.txt');

  it('is the same text as the shared seed', () => {
    const shared = new URL('../../shared/seeds/000_61d7ca86aaaaf7b9.txt', import.meta.url);
    let original: string | undefined;
    try {
      original = readFileSync(shared, 'utf8');
    } catch {
      // CI clones only this repository; the copy in fixtures is what the other tests use.
    }
    if (original !== undefined) expect(seed).toBe(original);
  });

  it('parses into one story with the sections, bullets and source of the article', () => {
    const briefing = parseValid(seed);
    expect(briefing.title).toBe('US and Israel to meet Iran working group');
    expect(briefing.stories).toHaveLength(1);
    const [story] = briefing.stories;
    expect(story?.headline).toBe('US and Israel to meet Iran working group');
    expect(story?.lede).toBe(seed.split('\n\n')[1]?.trim());
    expect(story?.sections?.map((section) => section.label)).toEqual([
      'Why it matters',
      'Flashback',
      'Driving the news',
      'Behind the scenes',
      "What's next",
      'The situation',
    ]);
    expect(story?.sections?.map(bulletCount)).toEqual([0, 3, 1, 3, 1, 0]);
    expect(story?.source).toEqual({ label: 'Source' });
  });

  it('reads \\r\\n line endings the same way', () => {
    expect(parseBriefing(seed.replace(/\n/g, '\r\n'))).toEqual(parseBriefing(seed));
  });
});

describe('Markdown form', () => {
  it('reads front matter, three stories, bylines, images, labels, lists and source links', () => {
    const briefing = parseValid(read('edition.md'));
    expect(briefing).toMatchObject({
      title: 'Morning Brief',
      date: '2026-03-14',
      subject: 'Rates, chips and Iran',
      footer: { address: '1 Main St, Arlington, VA', unsubscribeUrl: '*|UNSUB|*' },
    });
    expect(briefing.stories.map((story) => story.headline)).toEqual([
      'Fed holds **rates** steady',
      'Chipmakers race to build in Arizona',
      'US and Israel to meet on Iran',
    ]);
    const [fed, chips, iran] = briefing.stories;
    expect(fed?.byline).toBe('By Jane Doe');
    expect(fed?.image).toEqual({
      src: 'https://example.com/fed.jpg',
      alt: 'Federal Reserve building',
      credit: 'Photo: AP',
    });
    expect(fed?.sections?.[1]).toEqual({
      label: 'By the numbers',
      body: [
        { paragraph: 'The rate sits at 4.25%–4.5%.' },
        { bullets: ['Inflation ran at 2.8% in February.', 'Unemployment held at 4.1%.'] },
      ],
    });
    expect(fed?.sections?.[2]).toEqual({
      label: 'The big picture',
      body: [{ paragraph: 'Markets had priced in the pause.' }],
    });
    expect(fed?.source).toEqual({ label: 'Go deeper', url: 'https://example.com/fed' });
    expect(chips?.sections?.[0]?.label).toBe('🔭 Zoom out');
    expect(chips?.sections?.[0]?.body?.[1]).toEqual({
      bullets: ['Ohio offered tax breaks.', 'Texas offered land.'],
    });
    expect(chips?.sections?.[1]?.label).toBe("What's next");
    expect(iran?.sections?.[0]?.label).toBe('Why it matters');
    expect(iran?.source).toEqual({ label: 'Axios', url: 'https://www.axios.com/' });
  });

  it.each([
    [
      '---\ntitel: Morning Brief\n---\n# H\n',
      'Line 2: front matter field "titel": unknown field; did you mean "title"?',
    ],
    [
      '---\ntitle: T\npre_header: x\n---\n# H\n',
      'Line 3: front matter field "pre_header": unknown field; did you mean "preheader"?',
    ],
    [
      '---\ntitle: T\nfooter:\n  address: x\n  unsubscribe_url: "*|UNSUB|*"\n---\n# H\n',
      'Line 5: front matter field "footer.unsubscribe_url": unknown field; did you mean "unsubscribeUrl"?',
    ],
    [
      '---\nsponsor:\n  headline: H\n  image:\n    src: https://x.org/a.png\n    alt: ""\n    widht: 3\n---\n# H\n',
      'Line 7: front matter field "sponsor.image.widht": unknown field; did you mean "width"?',
    ],
    [
      '---\ntitle: T\nutm_campaign: monday\n---\n# H\n',
      'Line 3: front matter field "utm_campaign": unknown field; expected one of "title", ',
    ],
  ])('refuses an unknown front matter key with its line and the field meant: %j', (source, message) => {
    expect(parseError(source)).toContain(message);
  });

  it.each([
    ['---\n__proto__:\n  polluted: yes\n---\n# H\n', 2, '__proto__'],
    ['---\ntitle: T\nconstructor: x\n---\n# H\n', 3, 'constructor'],
    ['---\ntitle: T\nfooter:\n  text: x\n  prototype: y\n---\n# H\n', 5, 'footer.prototype'],
  ])('refuses a %j key by name, at its line', (source, line, field) => {
    let thrown: unknown;
    try {
      parseBriefing(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NewsbriefError);
    expect(thrown).toMatchObject({ line, column: 1 });
    expect((thrown as Error).message).toBe(
      `Line ${line}: front matter field "${field}" is not allowed: it names a JavaScript internal`,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['# Story\n\nLede.\n\n## \n\nText.\n', 5, '"## " heading needs label text'],
    ['# Story\n\nLede.\n\n###\n\nText.\n', 5, '"### " heading needs label text'],
    ['# Story\n\nLede.\n\n# \n\nText.\n', 5, '"# " heading needs headline text'],
  ])('an empty heading is a parse error at its line: %j', (source, line, message) => {
    let thrown: unknown;
    try {
      parseBriefing(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NewsbriefError);
    expect(thrown).toMatchObject({ line, column: 1 });
    expect((thrown as Error).message).toContain(message);
  });

  it('titles the briefing with the first headline, as plain text, when front matter has none', () => {
    const briefing = parseValid('# Rates **hold** at [the Fed](https://example.com)\n\nLede.\n');
    expect(briefing.title).toBe('Rates hold at the Fed');
    expect(briefing.stories[0]?.headline).toBe('Rates **hold** at [the Fed](https://example.com)');
  });

  it('writes inline Markdown back as the inline subset', () => {
    const briefing = parseValid(
      '# H\n\nA `code` span, ~~struck~~ text, <https://a.example> and a\nsoft break, _em_ and *em*.\n',
    );
    expect(briefing.stories[0]?.lede).toBe(
      'A code span, struck text, [https://a.example](https://a.example) and a soft break, _em_ and *em*.',
    );
  });

  it.each([
    ['**Label:** text', { label: 'Label', body: [{ paragraph: 'text' }] }],
    ['**Label**: text', { label: 'Label', body: [{ paragraph: 'text' }] }],
    ['🔭 **Zoom out:** text', { label: '🔭 Zoom out', body: [{ paragraph: 'text' }] }],
    ['**Why does it matter:** text', { label: 'Why it matters', body: [{ paragraph: 'text' }] }],
    ['Why it matters: text', { label: 'Why it matters', body: [{ paragraph: 'text' }] }],
    ['Stunning stat: Text', { label: 'Stunning stat', body: [{ paragraph: 'Text' }] }],
  ])('reads %j as a section', (paragraph, section) => {
    const story = parseValid(`# H\n\nLede.\n\n${paragraph}\n`).stories[0];
    expect(story?.sections).toEqual([section]);
  });

  it('does not read bold text without a colon, or a sentence colon, as a label', () => {
    const story = parseValid('# H\n\nLede.\n\n**Apple** said no.\n\nThe vote was close: 51 to 49.\n')
      .stories[0];
    expect(story?.lede).toBe('Lede.');
    expect(story?.sections).toEqual([
      { body: [{ paragraph: '**Apple** said no.' }, { paragraph: 'The vote was close: 51 to 49.' }] },
    ]);
  });

  it('lets ## headings label sections and --- rules pass without ending the story', () => {
    const story = parseValid('# H\n\nLede.\n\n---\n\n## Zoom in\n\nDetail.\n\n* one\n* two\n\n---\n')
      .stories[0];
    expect(story?.sections).toEqual([
      { label: 'Zoom in', body: [{ paragraph: 'Detail.' }, { bullets: ['one', 'two'] }] },
    ]);
  });

  it('flattens nested lists and reads • lines inside a paragraph as bullets', () => {
    const story = parseValid('# H\n\n**Flashback:** Then.\n• a\n• b\n\n- c\n  - d\n').stories[0];
    expect(story?.sections).toEqual([
      { label: 'Flashback', body: [{ paragraph: 'Then.' }, { bullets: ['a', 'b', 'c', 'd'] }] },
    ]);
  });

  it('keeps bullets written before any label, and their lead-in, in a section without a label', () => {
    const leadIn = parseValid('# H\n\nLede.\n\nThe bill would:\n\n- cut taxes\n- raise spending\n')
      .stories[0];
    expect(leadIn?.lede).toBe('Lede.');
    expect(leadIn?.sections).toEqual([
      { body: [{ paragraph: 'The bill would:' }, { bullets: ['cut taxes', 'raise spending'] }] },
    ]);
    const plain = parseValid('# H\n\nLede.\n\n- cut taxes\n').stories[0];
    expect(plain?.sections).toEqual([{ body: [{ bullets: ['cut taxes'] }] }]);
  });

  it('reads a linked image and leaves a link that is not last as text', () => {
    const story = parseValid(
      '# H\n\n[![Map](https://example.com/map.png)](https://example.com/map)\n\n[A link](https://example.com)\n\nLede.\n',
    ).stories[0];
    expect(story?.image).toEqual({
      src: 'https://example.com/map.png',
      alt: 'Map',
      href: 'https://example.com/map',
    });
    expect(story?.source).toBeUndefined();
    expect(story?.lede).toBe('[A link](https://example.com)');
    expect(story?.sections).toEqual([{ body: [{ paragraph: 'Lede.' }] }]);
  });

  it('does not take a lede that starts with "By" for a byline', () => {
    const story = parseValid('# H\n\nBy 2030, half of all cars sold will be electric.\n').stories[0];
    expect(story?.byline).toBeUndefined();
    expect(story?.lede).toBe('By 2030, half of all cars sold will be electric.');
  });

  it('uses paragraphs before the first story as the greeting', () => {
    const briefing = parseValid('---\ntitle: AM\n---\nGood morning.\n\n# H\n\nLede.\n');
    expect(briefing.greeting).toBe('Good morning.');
    expect(briefing.stories).toHaveLength(1);
  });

  it('coerces YAML scalars to text and keeps every field its contract type', () => {
    const briefing = parseValid('---\ntitle: 2026\ndir: RTL\nlocale: he\ndate: 2026-03-14\n---\n# H\n');
    expect(briefing).toMatchObject({ title: '2026', dir: 'rtl', locale: 'he', date: '2026-03-14' });
  });

  it('treats a "# " line inside a code block as text, not as a story', () => {
    const briefing = parseValid('Headline\n\n```\n# not a heading\n```\n');
    expect(briefing.stories[0]?.headline).toBe('Headline');
  });
});

describe('plain-text form', () => {
  it('canonicalises translated labels and keeps emoji prefixes', () => {
    const story = parseValid(read('translated.txt')).stories[0];
    expect(story?.byline).toBe('By Dana Ortiz');
    expect(story?.sections?.map((section) => section.label)).toEqual([
      'Why it matters',
      '🔭 Zoom out',
      '📊 By the numbers',
      "What they're saying",
      "What's next",
      "What's next",
    ]);
    expect(story?.sections?.[1]?.body?.[1]).toEqual({
      bullets: ['Ohio offered tax breaks.', 'Texas offered land near Austin.'],
    });
    expect(story?.source).toEqual({ label: 'Go deeper', url: 'https://example.com/chips' });
  });

  it('does not start a section at a colon inside an ordinary sentence', () => {
    const story = parseValid(read('tricky-colons.txt')).stories[0];
    expect(story?.lede).toBe('The vote was close: 51 to 49.');
    expect(story?.sections).toEqual([
      { body: [{ paragraph: 'Note: the bill still needs the House.' }] },
      {
        label: 'Why it matters',
        body: [
          { paragraph: 'Time: the government runs out of money Friday.' },
          { paragraph: 'Ratio 3:2 held for most of the night.' },
          { paragraph: 'Analysts said three things:' },
          { bullets: ['Spending rises.', 'Taxes stay flat.'] },
        ],
      },
    ]);
    expect(story?.source).toEqual({ label: 'Read more', url: 'https://example.com/budget' });
  });

  it.each([
    ['Source', { label: 'Source' }],
    ['.Source', { label: 'Source' }],
    ['Go deeper', { label: 'Go deeper' }],
    ['read more: https://example.com/x', { label: 'Read more', url: 'https://example.com/x' }],
    ['https://example.com/x', { url: 'https://example.com/x' }],
    ['[Go deeper](https://example.com/x)', { label: 'Go deeper', url: 'https://example.com/x' }],
    [
      'https://en.wikipedia.org/wiki/Mercury_(planet)',
      { url: 'https://en.wikipedia.org/wiki/Mercury_(planet)' },
    ],
    [
      '[Mercury](https://en.wikipedia.org/wiki/Mercury_(planet))',
      { label: 'Mercury', url: 'https://en.wikipedia.org/wiki/Mercury_(planet)' },
    ],
    [
      'Mercury (https://en.wikipedia.org/wiki/Mercury_(planet))',
      { label: 'Mercury', url: 'https://en.wikipedia.org/wiki/Mercury_(planet)' },
    ],
    [
      'Go deeper: the [planet](https://en.wikipedia.org/wiki/Mercury_(planet)) explained',
      { label: 'the planet explained', url: 'https://en.wikipedia.org/wiki/Mercury_(planet)' },
    ],
  ])('reads a last line %j as the source', (line, source) => {
    expect(parseValid(`Headline\n\nLede.\n\n${line}\n`).stories[0]?.source).toEqual(source);
  });

  it('keeps a last paragraph that only starts with a source word as text', () => {
    const story = parseValid('Headline\n\nLede.\n\nSources say the deal is off.\n').stories[0];
    expect(story?.source).toBeUndefined();
    expect(story?.sections).toEqual([{ body: [{ paragraph: 'Sources say the deal is off.' }] }]);
  });

  it.each([
    ['Why it matters: More.', 'Why it matters', 'More.'],
    ["What's next: Read more.", "What's next", 'Read more.'],
    ["What's next: https://example.com/x", "What's next", 'https://example.com/x'],
  ])('keeps a last labelled section whose text looks like a source line (%j)', (line, label, text) => {
    const story = parseValid(`Headline\n\nLede.\n\n${line}\n`).stories[0];
    expect(story?.source).toBeUndefined();
    expect(story?.sections).toEqual([{ label, body: [{ paragraph: text }] }]);
  });

  it('reads "-", "*" and "•" bullets with leading whitespace', () => {
    const story = parseValid('Headline\n\nFlashback: It began.\n\n   - one\n\t* two\n  •three\n').stories[0];
    expect(story?.sections?.[0]?.body?.[1]).toEqual({ bullets: ['one', 'two', 'three'] });
  });

  it('takes edition fields from front matter above a plain-text paste', () => {
    const briefing = parseValid('---\ntitle: Brief\nlocale: en-GB\n---\nHeadline\n\nLede.\n');
    expect(briefing).toMatchObject({
      title: 'Brief',
      locale: 'en-GB',
      stories: [{ headline: 'Headline', lede: 'Lede.' }],
    });
  });

  it('treats text right under the headline as the lede', () => {
    expect(parseValid('Headline\nThe lede, no blank line.\n').stories[0]?.lede).toBe(
      'The lede, no blank line.',
    );
  });
});

describe('axioms', () => {
  it.each([
    ['Why does it matter', 'Why it matters'],
    ['why this matters', 'Why it matters'],
    ['What is the next', "What's next"],
    ['Whats next', "What's next"],
    ['What’s next', "What's next"],
    ['🔭 zoom OUT:', 'Zoom out'],
    ['What they are saying', "What they're saying"],
    ['1 big thing', '1 big thing'],
    ['Yes, but', 'Yes, but'],
    ['⚡️ The latest', 'The latest'],
    ['👩‍💻 Be smart', 'Be smart'],
  ])('%j is the axiom %j', (label, canonical) => {
    expect(canonicalAxiom(label)).toBe(canonical);
  });

  it.each([
    'The vote was close: 51 to 49.',
    'Note: the bill still needs the House.',
    'Why it matters\nto us: nothing',
  ])('%j does not open with an axiom', (paragraph) => {
    expect(readLabel(paragraph, { knownOnly: true })).toBeUndefined();
  });
});

describe('labels, kickers and line breaks as real copy writes them', () => {
  it.each([
    ['Stunning stat: 51% said yes.', 'Stunning stat'],
    ["Jane Doe's thought bubble: It won't last.", "Jane Doe's thought bubble"],
    ['How you can help:', 'How you can help'],
    ['What to watch: The vote.', 'What to watch'],
    ['Next steps: The vote.', 'Next steps'],
    ['🍽️ What’s new: Lunch is $20.', '🍽️ What’s new'],
  ])('%j opens the section %j', (paragraph, label) => {
    expect(readLabel(paragraph)?.label).toBe(label);
  });

  it.each([
    'The vote was close: 51 to 49.',
    'Note: the bill still needs the House.',
    'We tried it:',
    'The bill would:',
    'Highlights include the:',
    'Ratio 3:2 held.',
    'At 10:30 the doors opened.',
    'This is a much longer sentence that only later reaches a colon: see.',
  ])('%j is not a label', (paragraph) => {
    expect(readLabel(paragraph)).toBeUndefined();
  });

  it('reads labels inside bullets only for known axioms', () => {
    expect(readLabel('Why it matters: X.', { knownOnly: true })?.label).toBe('Why it matters');
    expect(readLabel('Texas: 40% of the vote.', { knownOnly: true })).toBeUndefined();
  });

  it.each([
    [
      '1 big thing: Cities race to cool the grid',
      { kicker: '1 big thing', headline: 'Cities race to cool the grid' },
    ],
    ['Scoop: FEMA readies an overhaul', { kicker: 'Scoop', headline: 'FEMA readies an overhaul' }],
    ['Map of the day: Where rents fell', { kicker: 'Map of the day', headline: 'Where rents fell' }],
    ['Mayor: We are ready', { headline: 'Mayor: We are ready' }],
    ['Biden signs the bill', { headline: 'Biden signs the bill' }],
  ])('%j splits into %j', (line, expected) => {
    expect(splitKicker(line)).toEqual(expected);
  });

  it('does not let a bullet swallow the label line under it', () => {
    const story = parseValid('H\n\nLede.\n\n• One.\nWhy it matters: Two.\n').stories[0];
    expect(story?.sections).toEqual([
      { body: [{ bullets: ['One.'] }] },
      { label: 'Why it matters', body: [{ paragraph: 'Two.' }] },
    ]);
  });

  it('keeps a hard-wrapped paragraph whole and ends it where the line ends early', () => {
    const source =
      'H\n\nThe council approved the plan on Tuesday after a long debate that ran\nwell past midnight.\nA second vote is set for June.\n';
    const story = parseValid(source).stories[0];
    expect(story?.lede).toBe(
      'The council approved the plan on Tuesday after a long debate that ran well past midnight.',
    );
    expect(story?.sections).toEqual([{ body: [{ paragraph: 'A second vote is set for June.' }] }]);
  });

  it.each([
    ['Go deeper\n', { label: 'Go deeper' }],
    ['Go deeper: The full report\n', { label: 'The full report' }],
    [
      'Go deeper: [The full report](https://example.com/r)\n',
      { label: 'The full report', url: 'https://example.com/r' },
    ],
    [
      'Go deeper\n[The full report](https://example.com/r)\n',
      { label: 'The full report', url: 'https://example.com/r' },
    ],
    ['Go deeper\n\nhttps://example.com/r\n', { label: 'Go deeper', url: 'https://example.com/r' }],
    ['The full report <https://example.com/r>\n', { label: 'The full report', url: 'https://example.com/r' }],
  ])('reads the source from %j', (ending, source) => {
    const story = parseValid(`H\n\nLede.\n\nWhy it matters: Because.\n\n${ending}`).stories[0];
    expect(story?.source).toEqual(source);
    expect(story?.sections).toEqual([{ label: 'Why it matters', body: [{ paragraph: 'Because.' }] }]);
  });

  it('reads Markdown ordered lists as numbered and label lines without a blank line as sections', () => {
    const story = parseValid('# H\n\nLede.\n**Why it matters:** Because.\n\n1. One\n2. Two\n').stories[0];
    expect(story?.lede).toBe('Lede.');
    expect(story?.sections).toEqual([
      { label: 'Why it matters', body: [{ paragraph: 'Because.' }, { numbered: ['One', 'Two'] }] },
    ]);
  });
});

describe('source positions', () => {
  const source = [
    '---',
    'title: Brief',
    '---',
    'Headline here',
    '',
    'The lede, on line 6.',
    '',
    'Why it matters: Because.',
    '  • One.',
    '  • Two,',
    '    wrapped.',
    '',
    'Go deeper: [The report](https://example.com/r)',
  ].join('\n');

  it('maps briefing paths to 1-based spans, front matter counted', () => {
    const { briefing, positions } = parseBriefing(source, { positions: true });
    expect(briefing).toEqual(parseBriefing(source));
    expect(positions).toMatchObject({
      'stories[0].headline': { line: 4, column: 1, endLine: 4, endColumn: 14 },
      'stories[0].lede': { line: 6, column: 1, endLine: 6, endColumn: 21 },
      'stories[0].sections[0]': { line: 8, column: 1, endLine: 11, endColumn: 13 },
      'stories[0].sections[0].body[0]': { line: 8, column: 1, endLine: 8, endColumn: 25 },
      'stories[0].sections[0].body[1]': { line: 9, column: 3, endLine: 11, endColumn: 13 },
      'stories[0].sections[0].body[1].bullets[1]': { line: 10, column: 3, endLine: 11, endColumn: 13 },
      'stories[0].source': { line: 13, column: 1, endLine: 13, endColumn: 47 },
      'stories[0]': { line: 4, column: 1, endLine: 13, endColumn: 47 },
    });
  });

  it('finds the nearest recorded path for a lint path', () => {
    const { positions } = parseBriefing(source, { positions: true });
    expect(positionAt(positions, 'stories[0].sections[0].body[1].bullets[0]')?.line).toBe(9);
    expect(positionAt(positions, 'stories[0].sections[0].body[0].paragraph')?.line).toBe(8);
    expect(positionAt(positions, 'stories[0].image')?.line).toBe(4);
    expect(positionAt(positions, 'preheader')).toBeUndefined();
  });

  it('records Markdown stories, sections and list items by line', () => {
    const { positions } = parseBriefing('# One\n\nLede.\n\n# Two\n\n**Zoom in:** Text.\n\n1. a\n2. b\n', {
      positions: true,
    });
    expect(positions['stories[1].headline']?.line).toBe(5);
    expect(positions['stories[1].sections[0]']).toMatchObject({ line: 7, endLine: 10 });
    expect(positions['stories[1].sections[0].body[1].numbered[1]']?.line).toBe(10);
  });
});

describe('errors name what is wrong and on which line', () => {
  it.each([
    ['', /^Line 1: the source is empty/],
    [' \n\t\n', /^Line 1: the source is empty/],
    ['---\ntitle: Brief\n---\n\n', /^Line 4: nothing follows the front matter/],
    ['---\ntitle: Brief\n', /^Line 1: front matter opened with "---" is never closed/],
    ['---\ntitle: Brief\nsubject: [open\n---\n# H\n', /^Line 3: front matter is not valid YAML/],
    [
      '---\ntitle: A\ntitle: B\n---\n# H\n',
      /^Line 3: front matter is not valid YAML: duplicated mapping key/,
    ],
    ['---\n- a\n- b\n---\n# H\n', /^Line 2: front matter must be a mapping/],
    ['---\njust text\n---\n# H\n', /^Line 2: front matter must be a mapping/],
    ['---\ntitle: Brief\nfooter: nope\n---\n# H\n', /^Line 3: front matter field "footer" must be a mapping/],
    ['---\ndir: sideways\n---\n# H\n', /^Line 2: front matter field "dir" must be "ltr" or "rtl"/],
    ['---\ntitle:\n  - a\n---\n# H\n', /^Line 2: front matter field "title" must be text, found a list/],
    ['---\nstories: []\n---\n# H\n', /^Line 2: stories come from the "# Headline" sections/],
    [
      '---\ngreeting: Hi\n---\nHello.\n\n# H\n',
      /^Line 4: text before the first "# Headline" is the greeting/,
    ],
    [
      '# H\n\n![a](https://x.example/1.png)\n\n![b](https://x.example/2.png)\n',
      /^Line 5: a story has one image/,
    ],
    [
      '---\ntitle: X\n---\n# H\n\n![a](https://x.example/1.png)\n\n![b](https://x.example/2.png)\n',
      /^Line 8: a story has one image/,
    ],
    [
      'Intro\n\n- a list\n\n# H\n',
      /^Line 3: only greeting paragraphs may come before the first "# Headline"/,
    ],
  ])('%j', (source, message) => {
    expect(parseError(source)).toMatch(message);
  });
});
