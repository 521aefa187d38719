/**
 * briefingFromFeed on feeds written the way four kinds of publisher write them (test/fixtures/feeds:
 * WordPress RSS with content:encoded, a Ghost Atom feed, a JSON Feed, a Substack RSS), and on
 * hostile ones: entity bombs, external entities, script in items, oversize input.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed } from '../src/feeds/from-feed.js';
import {
  type Briefing,
  briefingFromFeed,
  NewsbriefError,
  renderBriefing,
  renderFeed,
  type Story,
  validateBriefing,
} from '../src/index.js';
import { inlinePlain, parseInline } from '../src/normalize/inline.js';
import { escapeHtml } from '../src/render/html.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/feeds/${name}`, import.meta.url)), 'utf8');
const plain = (text: string | undefined) => inlinePlain(parseInline(text ?? ''));
const sectionLabels = (story: Story) => (story.sections ?? []).map((section) => section.label);
const bodyOf = (story: Story, label: string) =>
  story.sections?.find((section) => section.label === label)?.body ?? [];

const fixtures = ['wordpress.rss', 'ghost.atom', 'micro.json', 'substack.rss'];

describe('briefingFromFeed on realistic feeds', () => {
  for (const name of fixtures) {
    it(`${name}: a valid draft, as expected`, async () => {
      const briefing = briefingFromFeed(fixture(name));
      const result = validateBriefing(briefing);
      expect(result.success, result.success ? '' : result.error.message).toBe(true);
      await expect(`${JSON.stringify(briefing, null, 2)}\n`).toMatchFileSnapshot(
        `./fixtures/feeds/${name}.expected.json`,
      );
      const { html } = await renderBriefing(briefing);
      const { document } = parseHTML(html);
      expect(document.querySelector('script, iframe')).toBeNull();
    });
  }

  it('WordPress: content:encoded → lede, axioms, the heading as a label, bullets, image with credit', () => {
    const briefing = briefingFromFeed(fixture('wordpress.rss'));
    expect(briefing.title).toBe('The Lakeshore Ledger – Local News');
    expect(briefing.date).toBe('2026-03-13');
    expect(briefing.locale).toBe('en-US');
    const [story, second] = briefing.stories as [Story, Story];
    expect(story.headline).toBe('Council approves $4.2M plan to fix Harbor Street “sinkhole row”');
    expect(story.byline).toBe('By Maria Okafor');
    expect(story.lede).toContain('spend **$4.2 million** repairing');
    expect(sectionLabels(story)).toEqual(['Why it matters', 'By the numbers', "What's next"]);
    expect(bodyOf(story, 'By the numbers')[0]).toEqual({
      bullets: [
        '3 sinkholes since Jan. 4',
        '1,100 feet of pipe, laid in *1931*',
        '$4.2M from the stormwater fund — no tax increase',
      ],
    });
    // The relative image resolves against the item's link; the caption is its credit.
    expect(story.image).toEqual({
      src: 'https://lakeshoreledger.example.com/wp-content/uploads/2026/03/harbor-street-1024x683.jpg',
      alt: 'A crew fills a sinkhole on Harbor Street',
      credit: 'Photo: Dana Lee for the Ledger',
    });
    // The javascript: link is text; the script and iframe are gone; the "appeared first" line too.
    const next = JSON.stringify(bodyOf(story, "What's next"));
    expect(next).toContain('Sign up for closure alerts');
    expect(next).not.toContain('javascript');
    expect(JSON.stringify(briefing)).not.toMatch(/trackPageview|youtube|appeared first|Share this/);
    expect(story.source).toEqual({
      url: 'https://lakeshoreledger.example.com/2026/03/13/council-approves-harbor-street-plan/',
    });
    expect(second.sections?.[0]?.body?.[1]).toEqual({
      numbered: [
        'Buses: two more routes, about $310,000 a year',
        'Sports: practices would end after dark in November',
      ],
    });
  });

  it('Ghost Atom: escaped HTML content, headings as labels, the subscribe button dropped', () => {
    const briefing = briefingFromFeed(fixture('ghost.atom'));
    expect(briefing.title).toBe('Signal & Noise');
    expect(briefing.date).toBe('2026-03-14');
    const story = briefing.stories[0] as Story;
    expect(story.headline).toBe("The CHIPS Act's second round");
    expect(sectionLabels(story)).toEqual(['Why it matters', 'What to watch']);
    expect(bodyOf(story, 'Why it matters')).toEqual([
      {
        paragraph:
          'The first round went almost entirely to four companies; this one is aimed at suppliers & packaging plants.',
      },
    ]);
    expect(bodyOf(story, 'What to watch')[0]).toEqual({
      bullets: [
        'Whether [Commerce](https://www.commerce.gov/) keeps the child-care requirement',
        "Arizona's and Ohio's bids for the packaging money",
      ],
    });
    expect(story.image?.credit).toBe("Intel's Ohio site, February 2026");
    expect(JSON.stringify(story)).not.toContain('Subscribe');
    expect(story.source?.url).toBe('https://signal.example.net/chips-act-round-two/');
  });

  it('JSON Feed: newest first, content_text paragraphs, an untitled item named by its first words', () => {
    const briefing = briefingFromFeed(fixture('micro.json'));
    expect(briefing.locale).toBe('en-GB');
    expect(briefing.date).toBe('2026-03-11');
    const [untitled, strike] = briefing.stories as [Story, Story];
    expect(untitled.headline).toBe('Quiet morning at the station: every board green for the…');
    expect(untitled.lede).toBe(
      'Quiet morning at the station: every board green for the first time this month.',
    );
    expect(strike.headline).toBe('Rail strike called off hours before start');
    expect(sectionLabels(strike)).toEqual(['Yes, but']);
    expect(strike.image).toEqual({ src: 'https://notes.example.org/img/platform.jpg', alt: '' });
    expect(strike.byline).toBe('By Tom Hale');
  });

  it('Substack: li > p lists, literal asterisks and brackets kept as typed, "# 1" not a heading', () => {
    const briefing = briefingFromFeed(fixture('substack.rss'));
    const story = briefing.stories[0] as Story;
    expect(sectionLabels(story)).toEqual(['Why it matters', "What's in it", 'The other side']);
    const items = (bodyOf(story, "What's in it")[0] as { bullets: string[] }).bullets;
    expect(items.map(plain)).toEqual([
      'Funding through May 22',
      '$2.1 billion in disaster aid for the Gulf Coast',
      "A 1% cut to non-defense accounts (*not* to veterans' care)",
    ]);
    const other = bodyOf(story, 'The other side').map((block) =>
      plain((block as { paragraph: string }).paragraph),
    );
    expect(other).toEqual([
      '26 Democrats voted no, calling the cuts "a down payment on a bigger fight" [over the full-year bill].',
      '# 1 priority for House leaders now: the farm bill.',
    ]);
    expect(JSON.stringify(story)).not.toContain('Subscribe now');
    expect(story.image?.src).toBe('https://substackcdn.com/image/fetch/w_1456/senate.jpg');
  });

  it('reads back its own feeds: each edition of an archive becomes a story', () => {
    const edition: Briefing = {
      title: 'Morning Brief',
      date: '2026-03-14',
      stories: [
        {
          headline: 'Fed holds rates',
          lede: 'The Fed held rates at 4.25%.',
          whyItMatters: 'Mortgages stay high.',
        },
      ],
    };
    const archive = [{ briefing: edition, url: 'https://news.example.com/2026/03/14/' }];
    for (const format of ['rss', 'atom', 'json'] as const) {
      const back = briefingFromFeed(renderFeed(archive, { format, siteUrl: 'https://news.example.com/' }));
      expect(back.title).toBe('Morning Brief');
      expect(back.date).toBe('2026-03-14');
      const story = back.stories[0] as Story;
      expect(story.headline).toBe('Fed holds rates');
      expect(story.source?.url).toBe('https://news.example.com/2026/03/14/');
      expect(JSON.stringify(story)).toContain('Mortgages stay high.');
    }
  });
});

const rss = (items: string, extra = '') =>
  `<?xml version="1.0"?>${extra}<rss version="2.0"><channel><title>Hostile</title><link>https://e.example/</link><description>x</description>${items}</channel></rss>`;

describe('briefingFromFeed on hostile feeds', () => {
  it('never expands DOCTYPE entities (billion laughs), and stays fast', () => {
    const levels = Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`,
    ).join('');
    const bomb = rss(
      '<item><title>Boom &lol9;</title><link>https://e.example/a</link><description>&lt;p&gt;&lol9;&lt;/p&gt;</description></item>',
      `<!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]>`,
    );
    const started = performance.now();
    const briefing = briefingFromFeed(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(briefing).length).toBeLessThan(2000);
    expect(briefing.stories[0]?.headline).toBe('Boom &lol9;');
  });

  it('refuses external entities, naming the reason', () => {
    const xxe = rss(
      '<item><title>&xxe;</title><link>https://e.example/a</link></item>',
      '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    expect(() => briefingFromFeed(xxe)).toThrow(/external entities are not supported/);
  });

  it('keeps script, handlers and javascript: links out, and markup in text stays text', async () => {
    const item = `<item><title>&lt;img src=x onerror=alert(1)&gt; Headline</title><link>javascript:alert(1)</link><description><![CDATA[
      <p>Lede <script>alert(1)</script><style>p{}</style>with &lt;b&gt;literal&lt;/b&gt; tags.</p>
      <p onclick="alert(1)"><a href="javascript:alert(2)">click</a> <a href="data:text/html,x">data</a> <a href=" JaVaScRiPt:alert(3)">x</a></p>
      <img src="javascript:alert(4)" alt="bad"><svg><script>alert(5)</script></svg><p>[Sneaky](javascript:alert(6)) and {{reader.name}}</p>
    ]]></description></item>`;
    const briefing = briefingFromFeed(rss(item));
    const story = briefing.stories[0] as Story;
    expect(plain(story.headline)).toBe('<img src=x onerror=alert(1)> Headline');
    expect(plain(story.lede)).toBe('Lede with <b>literal</b> tags.');
    expect(story.image).toBeUndefined();
    expect(story.source).toBeUndefined();
    expect(JSON.stringify(briefing)).not.toMatch(/data:text|alert\([2-5]\)/i);
    // The one "javascript:" left is text the item wrote out, its bracket escaped: never a link.
    expect(plain((story.sections?.[0]?.body?.[1] as { paragraph: string } | undefined)?.paragraph)).toBe(
      '[Sneaky](javascript:alert(6)) and {{reader.name}}',
    );
    const { html, text } = await renderBriefing(briefing);
    const { document } = parseHTML(html);
    expect(document.querySelector('script, svg, img[onerror]')).toBeNull();
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.toContainEqual(
      expect.stringMatching(/^javascript:/i),
    );
    expect(text).toContain('<b>literal</b>');
    expect(text).toContain('[Sneaky](javascript:alert(6))');
  });

  it('keeps any text as typed through the Markdown parser (property)', () => {
    const alphabet = fc.constantFrom(...'abc *_[]()\\#-+>=<|!.1&"\''.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 60 }), (chars) => {
        const text = `the ${chars.join('')}`;
        const briefing = briefingFromFeed(
          rss(
            `<item><title>t</title><description>${escapeHtml(`<p>${escapeHtml(text)}</p>`)}</description></item>`,
          ),
        );
        expect(plain(briefing.stories[0]?.lede)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 300 },
    );
  });

  it('bounds a huge feed by the limits: refused past 10 × maxTotalLength, items and lists cut', () => {
    const limits = { maxTotalLength: 5_000, maxStories: 3, maxBullets: 4, maxTextLength: 200 };
    expect(() => briefingFromFeed(rss('<item/>'.repeat(10_000)), { limits })).toThrow(
      /reads at most 50000 \(10 × limits\.maxTotalLength\)/,
    );
    const long = 'word '.repeat(100);
    const items = Array.from(
      { length: 8 },
      (_, n) =>
        `<item><title>Item ${n}</title><pubDate>Fri, ${String(n + 1).padStart(2, '0')} Mar 2026 10:00:00 GMT</pubDate><description>${escapeHtml(`<p>${long}</p><ul>${'<li>point</li>'.repeat(9)}</ul>`)}</description></item>`,
    ).join('');
    const briefing = briefingFromFeed(rss(items), { limits });
    expect(briefing.stories.map((story) => story.headline)).toEqual(['Item 7', 'Item 6', 'Item 5']);
    expect(briefing.date).toBe('2026-03-08');
    const story = briefing.stories[0] as Story;
    expect(story.lede?.length).toBeLessThanOrEqual(200);
    expect(story.lede?.endsWith('…')).toBe(true);
    expect((story.sections?.[0]?.body?.[0] as { bullets: string[] } | undefined)?.bullets).toHaveLength(4);
    expect(validateBriefing(briefing, { limits }).success).toBe(true);
  });

  it('takes only items after `since`, at most `maxItems`', () => {
    const items = ['10', '11', '12']
      .map((day) => `<item><title>Day ${day}</title><pubDate>${day} Mar 2026 08:00:00 +0000</pubDate></item>`)
      .join('');
    const after = briefingFromFeed(rss(items), { since: '2026-03-10T12:00:00Z' });
    expect(after.stories.map((story) => story.headline)).toEqual(['Day 12', 'Day 11']);
    expect(briefingFromFeed(rss(items), { maxItems: 1 }).stories.map((story) => story.headline)).toEqual([
      'Day 12',
    ]);
    expect(() => briefingFromFeed(rss(items), { since: '2026-03-13' })).toThrow(
      /no items published after 2026-03-13/,
    );
    expect(() => briefingFromFeed(rss(items), { since: 'yesterday' })).toThrow(/Option since/);
  });

  it('says what it found when the text is not a feed', () => {
    for (const text of [
      '<!doctype html><html><body>hi</body></html>',
      '{"title": "x", "stories": []}',
      '',
      'Just a paste',
    ]) {
      expect(() => briefingFromFeed(text)).toThrow(NewsbriefError);
      expect(() => briefingFromFeed(text)).toThrow(/^Expected an RSS, Atom or JSON Feed document, found/);
    }
    expect(() => briefingFromFeed(rss(''))).toThrow(/no items/);
  });

  it('tells feeds from briefings and pastes', () => {
    expect(fixtures.every((name) => looksLikeFeed(fixture(name)))).toBe(true);
    expect(
      looksLikeFeed(
        '\uFEFF<?xml version="1.0"?>\n<!-- hi -->\n<?xml-stylesheet href="s.xsl"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      ),
    ).toBe(true);
    expect(looksLikeFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')).toBe(true);
    expect(looksLikeFeed('{"title": "Morning Brief", "stories": []}')).toBe(false);
    expect(looksLikeFeed('# Fed holds rates\n\nThe Fed held.')).toBe(false);
    expect(looksLikeFeed('<p>html</p>')).toBe(false);
  });
});

describe('newsbrief parse feed', () => {
  const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
  const run = (args: string[], stdin?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile('node', [cli, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  const path = (name: string) => fileURLToPath(new URL(`./fixtures/feeds/${name}`, import.meta.url));

  it('prints the draft of a .rss file, with no source lines', async () => {
    const result = await run(['parse', path('wordpress.rss')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('title: "The Lakeshore Ledger – Local News"');
    expect(result.stdout).toContain(
      'story 1: "Council approves $4.2M plan to fix Harbor Street “sinkhole row”"\n',
    );
    expect(result.stdout).toContain('  section 1 "Why it matters"\n');
    expect(result.stdout).not.toContain('()');
  });

  it('detects a JSON Feed given as .json or on stdin, and prints JSON', async () => {
    const file = await run(['parse', path('micro.json'), '--format', 'json']);
    expect(JSON.parse(file.stdout).briefing.title).toBe('Field Notes');
    const stdin = await run(['parse', '-', '--format', 'json'], fixture('ghost.atom'));
    expect(JSON.parse(stdin.stdout).briefing.stories).toHaveLength(2);
  });

  it('fails in one line naming the file', async () => {
    const result = await run(['parse', path('missing.rss')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/missing\.rss: no such file or folder\n$/);
    const bad = await run(['parse', '-'], '<rss version="2.0"><channel><title>x</title></channel></rss>');
    expect(bad.stderr).toBe('<stdin>: The feed has no items; a briefing needs at least one story.\n');
  });
});
