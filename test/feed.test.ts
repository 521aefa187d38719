/**
 * Feeds of an archive, read back by parsers that share no code with the writer: @xmldom/xmldom
 * (a W3C DOM parser, here made to stop at any well-formedness error) for RSS and Atom, and the
 * JSON Feed 1.1 schema (written from the spec in test/support/) through Ajv for JSON Feed.
 */
import { DOMParser } from '@xmldom/xmldom';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cdata, escapeXml } from '../src/feeds/xml.js';
import {
  type ArchiveEdition,
  type Briefing,
  BriefingValidationError,
  NewsbriefError,
  renderFeed,
  renderWebPage,
} from '../src/index.js';
import jsonFeedSchema from './support/json-feed-1.1.schema.json' with { type: 'json' };

const siteUrl = 'https://news.example.com/briefs/';
const atom = 'http://www.w3.org/2005/Atom';
const contentNs = 'http://purl.org/rss/1.0/modules/content/';

function edition(day: string, headline: string, extra: Partial<Briefing> = {}): Briefing {
  return {
    title: 'Morning Brief',
    date: day,
    stories: [
      {
        headline,
        lede: 'Regulators said <script>alert(1)</script> & "friends" would wait ]]> no more.',
        whyItMatters: 'Power bills **rise** in _July_.',
        sections: [
          {
            label: 'By the numbers',
            bullets: ['1.2 million homes', 'Up [12%](https://data.example.org/grid?x=1&y=2)'],
          },
        ],
        source: { label: 'Reuters', url: 'https://www.reuters.com/business/energy/' },
      },
      {
        headline: 'Second story',
        lede: 'Short and plain.',
        image: { src: 'https://cdn.example.com/a b.jpg', alt: 'Towers', width: 1200, height: 800 },
      },
    ],
    ...extra,
  };
}

const archive: ArchiveEdition[] = [
  { briefing: edition('2026-03-12', 'Grid operators brace for heat'), url: `${siteUrl}2026/03/12/am/` },
  {
    briefing: edition('2026-03-14', 'Fed holds rates'),
    url: `${siteUrl}2026/03/14/am/`,
    date: '2026-03-14T06:30:00-05:00',
  },
  {
    briefing: edition('2026-03-13', 'Senate passes the bill'),
    url: `${siteUrl}2026/03/13/am/`,
    updated: '2026-03-13T18:05:00Z',
  },
];

/** Parses XML, failing the test on any error or warning the parser reports. */
function parseXml(xml: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  });
  return parser.parseFromString(xml, 'text/xml') as unknown as Document;
}

const children = (parent: Element | Document, ns: string | null, name: string): Element[] =>
  Array.from(
    (ns === null
      ? parent.getElementsByTagName(name)
      : parent.getElementsByTagNameNS(ns, name)) as unknown as Element[],
  );
const textOf = (parent: Element, ns: string | null, name: string) =>
  children(parent, ns, name)[0]?.textContent ?? undefined;

const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The stories part of an edition's web page, as the feed should carry it. */
function pageMain(item: ArchiveEdition): string {
  const html = renderWebPage(item.briefing, {
    url: item.url,
    siteName: 'Morning Brief',
    homeUrl: siteUrl,
  }).html;
  return html.slice(html.indexOf('<main>') + 6, html.lastIndexOf('</main>'));
}

describe('renderFeed rss', () => {
  const xml = renderFeed(archive, { format: 'rss', siteUrl, description: 'The day’s news in 5 minutes' });
  const doc = parseXml(xml);
  const channel = children(doc, null, 'channel')[0] as Element;
  const items = children(channel, null, 'item');

  it('is RSS 2.0 with the channel fields and the self link', () => {
    expect(doc.documentElement?.getAttribute('version')).toBe('2.0');
    expect(textOf(channel, null, 'title')).toBe('Morning Brief');
    expect(textOf(channel, null, 'link')).toBe(siteUrl);
    expect(textOf(channel, null, 'description')).toBe('The day’s news in 5 minutes');
    expect(textOf(channel, null, 'language')).toBe('en-US');
    const self = children(channel, atom, 'link')[0];
    expect(self?.getAttribute('rel')).toBe('self');
    expect(self?.getAttribute('href')).toBe(`${siteUrl}feed.xml`);
    expect(textOf(channel, null, 'lastBuildDate')).toBe('Sat, 14 Mar 2026 06:30:00 -0500');
  });

  it('lists editions newest first with permalink guids and RFC 822 dates', () => {
    expect(items.map((item) => textOf(item, null, 'title'))).toEqual([
      'Fed holds rates',
      'Senate passes the bill',
      'Grid operators brace for heat',
    ]);
    for (const item of items) {
      const guid = children(item, null, 'guid')[0] as Element;
      expect(guid.getAttribute('isPermaLink')).toBe('true');
      expect(guid.textContent).toBe(textOf(item, null, 'link'));
      const date = textOf(item, null, 'pubDate') as string;
      expect(date).toMatch(rfc822);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
    }
    expect(Date.parse(textOf(items[0] as Element, null, 'pubDate') as string)).toBe(
      Date.parse('2026-03-14T11:30:00Z'),
    );
  });

  it('carries the full stories in content:encoded and the summary as escaped text', () => {
    const first = items[0] as Element;
    expect(textOf(first, contentNs, 'encoded')).toBe(pageMain(archive[1] as ArchiveEdition));
    // description is HTML to readers: the text's own < and & arrive escaped, never as a tag.
    const description = textOf(first, null, 'description') as string;
    expect(description).toContain('&lt;script&gt;');
    const { document } = parseHTML(`<div>${description}</div>`);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('div')?.textContent).toContain(
      '<script>alert(1)</script> & "friends" would wait ]]> no more.',
    );
  });

  it('never lets story text become markup in the content', () => {
    const { document } = parseHTML(`<body>${textOf(items[0] as Element, contentNs, 'encoded')}</body>`);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelectorAll('article').length).toBe(2);
    expect(document.querySelector('article h2')?.textContent).toBe('1. Fed holds rates');
    expect(document.querySelector('article p')?.textContent).toContain('<script>alert(1)</script>');
    expect(document.querySelector('li a')?.getAttribute('href')).toBe(
      'https://data.example.org/grid?x=1&y=2',
    );
  });
});

describe('renderFeed atom', () => {
  const xml = renderFeed(archive, {
    format: 'atom',
    siteUrl,
    author: { name: 'Example News Desk', email: 'desk@example.com' },
  });
  const doc = parseXml(xml);
  const feed = doc.documentElement as unknown as Element;
  const entries = children(feed, atom, 'entry');

  it('is an Atom 1.0 feed with id, updated, author and links', () => {
    expect(feed.namespaceURI).toBe(atom);
    expect(feed.getAttribute('xml:lang')).toBe('en-US');
    expect(textOf(feed, atom, 'id')).toBe(siteUrl);
    expect(textOf(feed, atom, 'updated')).toBe('2026-03-14T06:30:00-05:00');
    expect(textOf(children(feed, atom, 'author')[0] as Element, atom, 'name')).toBe('Example News Desk');
    const links = children(feed, atom, 'link').filter((link) => link.parentNode === feed);
    expect(links.map((link) => [link.getAttribute('rel'), link.getAttribute('href')])).toEqual([
      ['alternate', siteUrl],
      ['self', `${siteUrl}atom.xml`],
    ]);
  });

  it('has entries newest first with RFC 3339 dates, updated no earlier than published', () => {
    expect(entries.map((entry) => textOf(entry, atom, 'id'))).toEqual([
      `${siteUrl}2026/03/14/am/`,
      `${siteUrl}2026/03/13/am/`,
      `${siteUrl}2026/03/12/am/`,
    ]);
    for (const entry of entries) {
      const published = textOf(entry, atom, 'published') as string;
      const updated = textOf(entry, atom, 'updated') as string;
      expect(published).toMatch(rfc3339);
      expect(updated).toMatch(rfc3339);
      expect(Date.parse(updated)).toBeGreaterThanOrEqual(Date.parse(published));
    }
    expect(textOf(entries[1] as Element, atom, 'updated')).toBe('2026-03-13T18:05:00Z');
  });

  it('carries the stories as type="html" content', () => {
    const content = children(entries[0] as Element, atom, 'content')[0] as Element;
    expect(content.getAttribute('type')).toBe('html');
    expect(content.textContent).toBe(pageMain(archive[1] as ArchiveEdition));
    expect(textOf(entries[0] as Element, atom, 'summary')).toContain('<script>alert(1)</script>');
  });
});

describe('renderFeed json', () => {
  const text = renderFeed(archive, {
    format: 'json',
    siteUrl,
    author: { name: 'Desk', url: 'https://news.example.com/desk' },
  });
  const feed = JSON.parse(text);
  // strictRequired off: the spec's "content_html or content_text" is an anyOf of `required`.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  const validate = ajv.compile(jsonFeedSchema);

  it('validates against the JSON Feed 1.1 schema', () => {
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses what the schema says a JSON Feed must not be (the check can fail)', () => {
    const noContent = structuredClone(feed);
    delete noContent.items[0].content_html;
    expect(validate(noContent)).toBe(false);
    expect(validate({ ...feed, version: 'https://jsonfeed.org/version/1' })).toBe(false);
    expect(validate({ ...feed, items: [{ ...feed.items[0], date_published: 'Sat, 14 Mar 2026' }] })).toBe(
      false,
    );
  });

  it('has items newest first with full content, summary, image and dates', () => {
    expect(feed.feed_url).toBe(`${siteUrl}feed.json`);
    expect(feed.home_page_url).toBe(siteUrl);
    expect(feed.authors).toEqual([{ name: 'Desk', url: 'https://news.example.com/desk' }]);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual([
      `${siteUrl}2026/03/14/am/`,
      `${siteUrl}2026/03/13/am/`,
      `${siteUrl}2026/03/12/am/`,
    ]);
    const [first, second] = feed.items;
    expect(first.content_html).toBe(pageMain(archive[1] as ArchiveEdition));
    expect(first.summary).toBe(
      'Regulators said <script>alert(1)</script> & "friends" would wait ]]> no more.',
    );
    expect(first.image).toBe('https://cdn.example.com/a%20b.jpg');
    expect(first.date_published).toBe('2026-03-14T06:30:00-05:00');
    expect(first.date_modified).toBeUndefined();
    expect(second.date_modified).toBe('2026-03-13T18:05:00Z');
  });
});

describe('renderFeed for every format', () => {
  const formats = ['rss', 'atom', 'json'] as const;

  it('is deterministic and independent of the order editions are given in', () => {
    for (const format of formats) {
      const once = renderFeed(archive, { format, siteUrl });
      expect(renderFeed(archive, { format, siteUrl })).toBe(once);
      expect(renderFeed([...archive].reverse(), { format, siteUrl })).toBe(once);
    }
  });

  it('keeps the newest `limit` editions', () => {
    const feed = JSON.parse(renderFeed(archive, { format: 'json', siteUrl, limit: 2 }));
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual([
      'Fed holds rates',
      'Senate passes the bill',
    ]);
  });

  it('writes a tag: id as a non-permalink guid, and an empty archive as a valid feed', () => {
    const tagged = [{ ...(archive[0] as ArchiveEdition), id: 'tag:news.example.com,2026-03-12:am' }];
    const rss = parseXml(renderFeed(tagged, { format: 'rss', siteUrl }));
    const guid = children(rss, null, 'guid')[0] as Element;
    expect(guid.getAttribute('isPermaLink')).toBe('false');
    expect(guid.textContent).toBe('tag:news.example.com,2026-03-12:am');
    for (const format of ['rss', 'atom'] as const) {
      parseXml(renderFeed([], { format, siteUrl, title: 'Morning Brief' }));
    }
    expect(JSON.parse(renderFeed([], { format: 'json', siteUrl, title: 'Morning Brief' })).items).toEqual([]);
  });

  it('takes the language of the newest edition: a Hebrew archive is he', () => {
    const hebrew = [
      {
        briefing: edition('2026-03-14', 'הכנסת אישרה את התקציב', { locale: 'he-IL', title: 'תדריך' }),
        url: `${siteUrl}he/`,
      },
    ];
    const doc = parseXml(renderFeed(hebrew, { format: 'atom', siteUrl }));
    expect((doc.documentElement as unknown as Element).getAttribute('xml:lang')).toBe('he-IL');
    expect(JSON.parse(renderFeed(hebrew, { format: 'json', siteUrl })).language).toBe('he-IL');
  });
});

describe('renderFeed errors', () => {
  const issues = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(BriefingValidationError);
      return (error as BriefingValidationError).issues;
    }
    throw new Error('expected a BriefingValidationError');
  };

  it('names each edition problem by its path', () => {
    const { date: _date, ...undated } = edition('2026-03-14', 'No date');
    const found = issues(() =>
      renderFeed(
        [
          { briefing: undated, url: `${siteUrl}a/` },
          { briefing: edition('2026-02-30', 'Bad day'), url: `${siteUrl}b/` },
          { briefing: edition('2026-03-14', 'Relative'), url: '/2026/03/14/' },
          { briefing: edition('2026-03-14', 'Twin'), url: `${siteUrl}b/` },
          { briefing: edition('2026-03-14', 'Bad id'), url: `${siteUrl}c/`, id: 'tag:nope' },
        ],
        { format: 'rss', siteUrl },
      ),
    );
    expect(found.map((issue) => issue.path)).toEqual([
      'editions[0].briefing.date',
      'editions[1].briefing.date',
      'editions[2].url',
      'editions[3].url',
      'editions[4].id',
    ]);
    expect(found[1]?.message).toContain('a day that exists');
    expect(found[3]?.message).toContain('editions[1]');
  });

  it('names a briefing problem inside the edition', () => {
    const bad = { title: 'Morning Brief', date: '2026-03-14', stories: [{ headline: '' }] };
    const found = issues(() =>
      renderFeed([{ briefing: bad, url: `${siteUrl}a/` }], { format: 'json', siteUrl }),
    );
    expect(found[0]?.path).toBe('editions[0].briefing.stories[0].headline');
  });

  it('refuses bad options, naming the option', () => {
    expect(() => renderFeed(archive, { format: 'rss', siteUrl: 'news.example.com' })).toThrow(
      /Option siteUrl: expected an absolute/,
    );
    expect(() => renderFeed(archive, { format: 'xml' as never, siteUrl })).toThrow(/Option format/);
    expect(() => renderFeed(archive, { format: 'rss', siteUrl, limit: 0 })).toThrow(/Option limit/);
    expect(() => renderFeed(archive, { format: 'rss', siteUrl, titel: 'x' } as never)).toThrow(
      /did you mean "title"/,
    );
    expect(() =>
      renderFeed(archive, { format: 'rss', siteUrl, author: { name: 'A', email: 'a@b c' } }),
    ).toThrow(NewsbriefError);
  });
});

describe('XML escaping', () => {
  it('splits ]]> across CDATA sections, and a parser joins them back', () => {
    const value = 'a ]]> b ]]]]> c <![CDATA[ d';
    const doc = parseXml(`<x>${cdata(value)}</x>`);
    expect(doc.documentElement?.textContent).toBe(value);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const value = `<a href="x">&'\u0001\uffff\ud800 ok`;
    const doc = parseXml(`<x y="${escapeXml(value)}">${escapeXml(value)}</x>`);
    expect(doc.documentElement?.textContent).toBe(`<a href="x">&' ok`);
    expect(doc.documentElement?.getAttribute('y')).toBe(`<a href="x">&' ok`);
  });
});
