import { describe, expect, it } from 'vitest';
import { createRenderer, renderBriefing, type Story } from '../src/index.js';
import { createRenderer as createNodeRenderer } from '../src/node/index.js';
import { toEdition } from '../src/normalize/edition.js';
import { resolveTheme } from '../src/render/theme.js';
import { preheaderPadding, preheaderTarget, templateView } from '../src/render/view.js';
import { assertBriefing } from '../src/schema.js';
import { loadExample, parseDocument } from './support/fidelity.js';

const renderer = await createRenderer();
const seed = loadExample('seed-iran-working-group');
const morning = loadExample('morning-edition');

const seedAxioms = [
  'Why it matters:',
  'Flashback:',
  'Driving the news:',
  'Behind the scenes:',
  "What's next:",
  'The situation:',
];

describe('seed article', () => {
  const result = renderer.render(seed);
  const doc = parseDocument(result.html);

  it('renders the headline as a real <h2>', () => {
    const h2 = doc.querySelectorAll('h2');
    expect(h2).toHaveLength(1);
    expect(h2[0]?.textContent).toBe('US and Israel to meet Iran working group');
  });

  it('shows all six axioms in order with their bullets as <li>', () => {
    const labels = [...doc.querySelectorAll('p > strong')].map((node) => node.textContent);
    expect(labels).toEqual(seedAxioms);
    const bulletCounts = [...doc.querySelectorAll('ul')].map((list) => list.querySelectorAll('li').length);
    expect(bulletCounts).toEqual([3, 1, 3, 1]);
  });

  it('carries the same sections and bullets in the text part', () => {
    const lines = result.text.split('\n');
    for (const label of seedAxioms) {
      expect(lines.some((line) => line.startsWith(label))).toBe(true);
    }
    expect(lines.filter((line) => line.startsWith('• '))).toHaveLength(8);
    expect(lines.every((line) => line.length <= 78 || !line.includes(' ') || /https?:\/\//.test(line))).toBe(
      true,
    );
  });

  it('sets lang, dir, title and a hidden preheader derived from the lede', () => {
    const html = doc.documentElement;
    expect(html.getAttribute('lang')).toBe('en-US');
    expect(html.getAttribute('dir')).toBe('ltr');
    expect(doc.querySelector('title')?.textContent).toBe(result.subject);
    const preheader = doc.querySelector('body div div');
    expect(preheader?.getAttribute('style')).toContain('display:none');
    expect(preheader?.textContent?.startsWith(result.preheader)).toBe(true);
    expect(result.preheader.startsWith('The United States and Israel have chosen')).toBe(true);
  });

  it('marks every table as presentation and formats the date for the locale', () => {
    const tables = [...doc.querySelectorAll('table')];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table.getAttribute('role')).toBe('presentation');
    expect(doc.querySelector('time')?.textContent).toBe('Thursday, February 25, 2021');
    expect(result.text).toContain('Thursday, February 25, 2021');
  });

  it('counts the words a reader reads', () => {
    expect(result.stats).toMatchObject({ stories: 1, readingMinutes: 2 });
    expect(result.stats.words).toBeGreaterThan(450);
    expect(result.stats.htmlBytes).toBe(Buffer.byteLength(result.html));
  });
});

describe('multi-story edition', () => {
  const result = renderer.render(morning);
  const doc = parseDocument(result.html);

  it('numbers stories and writes the Smart Brevity count line', () => {
    const headlines = [...doc.querySelectorAll('h2')].map((node) => node.textContent);
    expect(headlines).toHaveLength(5);
    expect(headlines[0]).toBe('1. Cities race to cool the grid');
    expect(headlines[4]).toBe("5. A record crowd for women's soccer");
    expect(result.html).toMatch(/Smart Brevity count: 1,\d{3} words \.\.\. \d(½)? minutes/);
    expect(doc.querySelector('h1')?.textContent).toBe('Morning Brief');
  });

  it('links sources with text that makes sense alone and writes links out in text', () => {
    const goDeeper = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'Go deeper: example.com');
    expect(goDeeper?.getAttribute('href')).toBe(
      'https://www.example.com/2026/03/14/cities-battery-storage-heat',
    );
    expect(result.text).toContain(
      'Go deeper: https://www.example.com/2026/03/14/cities-battery-storage-heat',
    );
    const unsubscribe = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'Unsubscribe');
    expect(unsubscribe?.getAttribute('href')).toBe('https://example.com/unsubscribe?list=am&u=8f3a');
    expect(result.text).toContain('Unsubscribe: https://example.com/unsubscribe?list=am&u=8f3a');
  });

  it('renders the story image with alt text and credit', () => {
    const image = doc.querySelector('img.nb-img');
    expect(image?.getAttribute('alt')).toBe(
      'Transmission towers against an orange evening sky outside Phoenix',
    );
    expect(image?.getAttribute('width')).toBe('552');
    expect(result.text).toContain('[Image: Transmission towers');
  });

  it('is deterministic: the same input gives byte-identical html and text', async () => {
    const again = (await createRenderer()).render(structuredClone(morning));
    expect(again.html).toBe(result.html);
    expect(again.text).toBe(result.text);
  });
});

describe('sugar fields and a story alone', () => {
  const story: Story = {
    headline: 'Sugar in reading order',
    lede: 'One sentence.',
    whatsNext: { text: 'Next.', bullets: ['n1'] },
    sections: [{ label: 'Zoom in', text: 'Closer.' }],
    flashback: ['f1', 'f2'],
    whyItMatters: 'Because.',
    source: { url: 'https://example.com/story' },
  };

  it('orders Why it matters, Flashback, sections, What’s next', async () => {
    const result = await renderBriefing(story);
    const doc = parseDocument(result.html);
    const labels = [...doc.querySelectorAll('p > strong')].map((node) => node.textContent);
    expect(labels).toEqual(['Why it matters:', 'Flashback:', 'Zoom in:', "What's next:"]);
    expect(doc.querySelector('h1')?.textContent).toBe('Sugar in reading order');
    expect(result.subject).toBe('Sugar in reading order');
    expect(doc.querySelector('h2')?.textContent).toBe('Sugar in reading order');
  });

  it('renders inline Markdown as <strong>, <em> and links', async () => {
    const result = await renderBriefing({
      headline: 'Inline',
      lede: 'A **bold** and *italic* and _also_ with [a link](https://example.com/a?b=1&c=2), snake_case_name and 5 * 3.',
    });
    const lede = [...parseDocument(result.html).querySelectorAll('p')].find((p) =>
      p.textContent?.startsWith('A bold'),
    );
    expect(lede?.querySelector('strong')?.textContent).toBe('bold');
    expect([...(lede?.querySelectorAll('em') ?? [])].map((em) => em.textContent)).toEqual(['italic', 'also']);
    expect(lede?.querySelector('a')?.getAttribute('href')).toBe('https://example.com/a?b=1&c=2');
    expect(lede?.textContent).toContain('snake_case_name and 5 * 3.');
    expect(result.text).toContain('a link (https://example.com/a?b=1&c=2)');
  });
});

describe('labels', () => {
  it('translate the built-in text in html and text', async () => {
    const hebrew = await createRenderer({
      labels: { countLine: 'ספירה: {words} מילים, {minutes} דקות', unsubscribe: 'הסרה', goDeeper: 'להרחבה' },
    });
    const result = hebrew.render({
      title: 'תדריך',
      locale: 'he-IL',
      stories: [{ headline: 'כותרת', lede: 'משפט אחד.', source: { url: 'https://example.com/a' } }],
      footer: { unsubscribeUrl: 'https://example.com/u' },
    });
    const doc = parseDocument(result.html);
    const links = [...doc.querySelectorAll('a')].map((a) => a.textContent);
    expect(links).toEqual(['להרחבה: example.com', 'הסרה']);
    expect(result.html).toContain('ספירה: 3 מילים, ½ דקות');
    expect(result.text).toContain('ספירה: 3 מילים, ½ דקות');
    expect(result.text).toContain('הסרה: https://example.com/u');
    expect(result.text).toContain('להרחבה: https://example.com/a');
  });

  it('reject unknown names and empty text', async () => {
    await expect(createRenderer({ labels: { unsubscribe: '' } })).rejects.toThrow(
      /labels\.unsubscribe: expected text/,
    );
    await expect(createRenderer({ labels: { bogus: 'x' } as never })).rejects.toThrow(
      /labels\.bogus: unknown label/,
    );
  });
});

describe('warnings', () => {
  it('are computed on first read and then behave like a plain property', () => {
    const result = renderer.render(seed);
    expect(Object.keys(result)).toContain('warnings');
    const first = result.warnings;
    expect(result.warnings).toBe(first);
    expect(first.map((warning) => warning.rule)).toContain('source-link');
    expect(JSON.parse(JSON.stringify(result)).warnings).toEqual(first);
    expect({ ...result }.warnings).toEqual(first);
  });

  it('follow the renderer’s lint settings; `lint: false` keeps only the size checks', async () => {
    const story = morning.stories[0] as Story;
    const big = { ...morning, stories: Array.from({ length: 40 }, () => story) };
    const rules = (result: { warnings: { rule: string }[] }) => new Set(result.warnings.map((w) => w.rule));
    expect(rules(renderer.render(big))).toContain('edition-length');
    const quiet = await createRenderer({ lint: { rules: { 'edition-length': 'off' } } });
    expect(rules(quiet.render(big))).not.toContain('edition-length');
    expect(rules(quiet.render(big))).toContain('html-size');
    const off = await createRenderer({ lint: false });
    expect([...rules(off.render(big))]).toEqual(['html-size']);
    expect(off.render(morning).warnings).toEqual([]);
  });
});

describe('size warnings', () => {
  it('warns when the html nears Gmail’s clipping point', () => {
    const story = morning.stories[0] as Story;
    const big = { ...morning, stories: Array.from({ length: 40 }, () => story) };
    const result = renderer.render(big);
    expect(result.stats.htmlBytes).toBeGreaterThan(102_000);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ rule: 'html-size', severity: 'error', path: '' }),
    );
  });
});

describe('the template view of a section', () => {
  it('keeps every bullet in `bullets`, for overrides written before ordered bodies', () => {
    const theme = resolveTheme(undefined);
    const story: Story = {
      headline: 'Council passes the transit plan',
      sections: [
        {
          label: 'The details',
          body: [
            { paragraph: 'The plan has **two** phases.' },
            { bullets: ['Night buses & trams.', 'A crosstown line.'] },
            { numbered: ['Online.', 'At the library.'] },
            { paragraph: 'And <more>.' },
            { bullets: ['Fares stay at $2.'] },
          ],
        },
      ],
    };
    const edition = toEdition(assertBriefing(story), { contentWidth: theme.width - 48 });
    const [section] = templateView(edition, { theme, countLine: '' }).stories[0]?.sections ?? [];
    expect(section?.html).toBe('The plan has <strong>two</strong> phases.');
    expect(section?.blocks).toEqual([
      { bullets: ['Night buses &amp; trams.', 'A crosstown line.'] },
      { numbered: ['Online.', 'At the library.'] },
      { html: 'And &lt;more&gt;.' },
      { bullets: ['Fares stay at $2.'] },
    ]);
    expect(section?.bullets).toEqual(['Night buses &amp; trams.', 'A crosstown line.', 'Fares stay at $2.']);
  });
});

describe('preheader padding', () => {
  it.each([
    ['nothing', ''],
    ['a short line', 'Congress returns to a packed week.'],
    ['emoji (one code point each)', '📰'.repeat(150)],
    ['exactly the target', 'a'.repeat(preheaderTarget)],
    ['a long preheader', 'word '.repeat(2_000)],
  ])('fills %s up to the target in code points', (_, preheader) => {
    const missing = Math.max(0, preheaderTarget - [...preheader].length);
    expect(preheaderPadding(preheader)).toBe('\u034f\u200c\u00a0'.repeat(Math.ceil(missing / 3)));
  });
});

describe('stats.htmlBytes', () => {
  // The default template counts the bytes it writes; a template compiled by Handlebars (an
  // override) is measured whole. Both must be the UTF-8 length of the html, byte for byte.
  it.each(['seed-iran-working-group', 'morning-edition', 'rtl-hebrew', 'themed-edition'])(
    'is the UTF-8 length of the html for %s, with the default template and an override',
    async (name) => {
      const briefing = loadExample(name);
      const withDefault = renderer.render(briefing);
      expect(withDefault.stats.htmlBytes).toBe(Buffer.byteLength(withDefault.html, 'utf8'));
      const overridden = (
        await createNodeRenderer({ templates: { footer: '<mj-text><p>Thanks — ¡gracias!</p></mj-text>' } })
      ).render(briefing);
      expect(overridden.stats.htmlBytes).toBe(Buffer.byteLength(overridden.html, 'utf8'));
      // An html string from elsewhere is never taken for the last one counted.
      expect(renderer.render({ ...briefing, title: `${briefing.title} ✓` }).stats.htmlBytes).toBe(
        Buffer.byteLength(renderer.render({ ...briefing, title: `${briefing.title} ✓` }).html, 'utf8'),
      );
    },
  );
});
