import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  type Briefing,
  BriefingValidationError,
  createRenderer,
  NewsbriefError,
  renderWebPage,
  type Story,
} from '../src/index.js';
import { generateWebPageSource } from '../src/node/web-page-source.js';
import { loadExample, parseDocument } from './support/fidelity.js';

const url = 'https://news.example.com/am/2026-03-14/';
const morning = loadExample('morning-edition');

function jsonLd(doc: Document): { '@graph': Record<string, unknown>[] } {
  const script = doc.querySelector('script[type="application/ld+json"]');
  return JSON.parse(script?.textContent ?? 'null');
}

const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe('renderWebPage', () => {
  const page = renderWebPage(morning, {
    url,
    siteName: 'Example News',
    homeUrl: 'https://news.example.com/am/',
    feeds: { rss: 'https://news.example.com/am/feed.xml', json: 'https://news.example.com/am/feed.json' },
    twitterSite: '@examplenews',
  });
  const doc = parseDocument(page.html);

  it('is one semantic HTML5 document: header, nav, main with an article per story, footer', () => {
    expect(page.html.startsWith('<!doctype html><html lang="en-US" dir="ltr">')).toBe(true);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')?.textContent).toBe('Morning Brief');
    const articles = [...doc.querySelectorAll('main > article')];
    expect(articles.map((article) => article.id)).toEqual([1, 2, 3, 4, 5].map((n) => `story-${n}`));
    expect(articles.map((article) => article.querySelector('h2')?.textContent)).toEqual(
      morning.stories.map((story, index) => `${index + 1}. ${story.headline}`),
    );
    expect(doc.querySelector('table')).toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelector('figure > img + figcaption')?.textContent).toBe(
      'Photo: Maria Lopez/Example Images',
    );
    expect(doc.querySelector('section.nb-ax > h3')?.textContent).toBe('Why it matters:');
    expect(doc.querySelectorAll('article ul > li').length).toBeGreaterThan(5);
    expect(doc.querySelectorAll('nav a[href^="#story-"]')).toHaveLength(5);
  });

  it('carries the canonical link, Open Graph and Twitter card tags', () => {
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(url);
    expect(meta(doc, 'og:url')).toBe(url);
    expect(meta(doc, 'og:site_name')).toBe('Example News');
    expect(meta(doc, 'og:title')).toBe('Cities race to cool the grid');
    expect(meta(doc, 'og:locale')).toBe('en_US');
    expect(meta(doc, 'og:image')).toBe('https://images.example.com/2026/03/grid-heat.jpg');
    expect(meta(doc, 'og:image:width')).toBe('1200');
    expect(meta(doc, 'og:image:height')).toBe('800');
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:site')).toBe('@examplenews');
    expect(meta(doc, 'description')).toBe(page.description);
    expect(page.description.length).toBeGreaterThan(40);
    expect(doc.querySelector('title')?.textContent).toBe('Cities race to cool the grid – Example News');
    expect([...doc.querySelectorAll('link[rel=alternate]')].map((link) => link.getAttribute('type'))).toEqual(
      ['application/rss+xml', 'application/feed+json'],
    );
    expect(page.image).toBe('https://images.example.com/2026/03/grid-heat.jpg');
  });

  it('describes the edition as a CollectionPage of NewsArticles in JSON-LD', () => {
    const graph = jsonLd(doc)['@graph'];
    expect(graph.map((node) => node['@type'])).toEqual(['CollectionPage', ...Array(5).fill('NewsArticle')]);
    const [collection, first] = graph as [Record<string, unknown>, Record<string, unknown>];
    expect(collection['@id']).toBe(url);
    expect(collection.hasPart).toHaveLength(5);
    expect(first.url).toBe(`${url}#story-1`);
    expect(first.headline).toBe('Cities race to cool the grid');
    expect(first.datePublished).toBe('2026-03-14');
    expect(first.author).toEqual([{ '@type': 'Person', name: 'Dana Whitfield' }]);
    expect(first.image).toEqual(['https://images.example.com/2026/03/grid-heat.jpg']);
    expect(first.publisher).toMatchObject({ '@type': 'Organization', name: 'Example News' });
  });

  it('has one inline stylesheet under 8 KB, with dark, print and narrow-screen rules', () => {
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    const css = styles[0]?.textContent ?? '';
    expect(new TextEncoder().encode(css).length).toBeLessThan(8 * 1024);
    expect(css).toContain('@media (prefers-color-scheme:dark)');
    expect(css).toContain('@media print');
    expect(css).toContain('max-width:100%');
    expect(css).toContain('overflow-wrap:break-word');
    expect(doc.querySelector('meta[name=viewport]')?.getAttribute('content')).toBe(
      'width=device-width,initial-scale=1',
    );
    expect(doc.querySelector('[style]')).toBeNull();
  });

  it('uses the theme tokens of the email, light and dark', () => {
    const themed = renderWebPage(morning, {
      url,
      theme: { brandColor: '#c8102e', fontFamily: "Georgia, 'Times New Roman', serif" },
    });
    const css = parseDocument(themed.html).querySelector('style')?.textContent ?? '';
    expect(css).toContain('--brand:#c8102e');
    expect(css).toContain("font:1.0625rem/1.6 Georgia, 'Times New Roman', serif;");
    expect(css).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{--bg:#121417/);
  });

  it('is what renderer.renderWebPage gives with the same settings', async () => {
    const renderer = await createRenderer();
    const options = { url, siteName: 'Example News', homeUrl: 'https://news.example.com/am/' };
    expect(renderer.renderWebPage(morning, options).html).toBe(renderWebPage(morning, options).html);
  });

  it('renders the same input to the same bytes', () => {
    expect(renderWebPage(morning, { url }).html).toBe(renderWebPage(structuredClone(morning), { url }).html);
  });
});

describe('web page copy', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '</script><script>alert(1)</script>',
    '<!-- <script>',
    '{{7*7}} {{{raw}}} {{> footer}}',
    '"quoted" & \'single\' <b>bold?</b>',
    '<img src=x onerror=alert(1)>',
  ];

  it.each(hostile)('%s appears exactly as typed, in the page and in its JSON-LD', (value) => {
    // Every field the page prints: masthead, story parts, a numbered list, the sponsor, the footer.
    const story: Story = {
      kicker: value,
      headline: value,
      byline: value,
      image: { src: 'https://example.com/a.png', alt: value, credit: value, href: 'https://example.com/' },
      lede: value,
      sections: [{ label: value, body: [{ paragraph: value }, { numbered: [value] }, { bullets: [value] }] }],
      whatsNext: value,
      source: { label: value, url: 'https://example.com/story' },
    };
    const page = renderWebPage(
      {
        title: value,
        greeting: value,
        preheader: value,
        stories: [story],
        sponsor: { label: value, headline: value, text: value, url: 'https://example.com/ad' },
        footer: { text: value, address: value },
      },
      { url, siteName: value },
    );
    const doc = parseDocument(page.html);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe(value);
    expect(doc.querySelector('h1')?.textContent).toBe(value);
    expect(doc.querySelector('h2')?.textContent).toBe(value);
    // The subject (the headline) is the site name: the title says it once.
    expect(doc.querySelector('title')?.textContent).toBe(value);
    expect(meta(doc, 'og:site_name')).toBe(value);
    expect(meta(doc, 'description')).toBe(value);
    const graph = jsonLd(doc)['@graph'];
    expect(graph[1]?.headline).toBe(value);
    expect(graph[1]?.description).toBe(value);
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.html)?.[1] ?? '';
    expect(script).not.toMatch(/[<>]/);
  });

  it('keeps inline Markdown and links as in the email, with linkParams', () => {
    const page = renderWebPage(
      { title: 'T', stories: [{ headline: 'H', lede: 'A **bold** [move](https://example.com/a?x=1&y=2)' }] },
      { url, linkParams: { utm_medium: 'web' } },
    );
    expect(page.html).toContain(
      '<p>A <strong>bold</strong> <a href="https://example.com/a?x=1&amp;y=2&amp;utm_medium=web">move</a></p>',
    );
  });

  it('writes line and paragraph separators in its JSON-LD as escapes, read back as spaces', () => {
    const page = renderWebPage(
      { title: 'T', stories: [{ headline: 'line\u2028and\u2029paragraph' }] },
      { url },
    );
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.html)?.[1] ?? '';
    expect(script).not.toMatch(/[\u2028\u2029]/);
    expect(jsonLd(parseDocument(page.html))['@graph'][1]?.headline).toBe('line and paragraph');
  });
});

describe('web page language and direction', () => {
  it('is right to left for Hebrew', () => {
    const page = renderWebPage(loadExample('rtl-hebrew'), { url });
    const html = parseDocument(page.html).documentElement;
    expect(html.getAttribute('lang')).toBe('he-IL');
    expect(html.getAttribute('dir')).toBe('rtl');
    expect(meta(parseDocument(page.html), 'og:locale')).toBe('he_IL');
  });

  it('is right to left for Arabic without a dir field', () => {
    const page = renderWebPage({ title: 'نشرة', locale: 'ar', stories: [{ headline: 'خبر' }] }, { url });
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
  });
});

describe('web page options', () => {
  const story: Briefing = { title: 'T', stories: [{ headline: 'H' }] };
  const cases: [string, unknown, string][] = [
    ['no options', undefined, "renderWebPage: expected options with the page's url"],
    ['no url', {}, 'Option url: expected an absolute https: or http: URL, found nothing.'],
    [
      'a relative url',
      { url: '/am/' },
      'Option url: expected an absolute https: or http: URL, found "/am/".',
    ],
    [
      'a javascript: url',
      { url: 'javascript:alert(1)' },
      'Option url: expected an https: or http: URL, found a javascript: URL',
    ],
    ['a fragment', { url: `${url}#top` }, "Option url: expected the page's URL without a #fragment"],
    [
      'a merge tag',
      { url: '*|ARCHIVE|*' },
      'Option url: expected an absolute https: or http: URL, found the ESP merge tag',
    ],
    [
      'a number siteName',
      { url, siteName: 42 },
      'Option siteName: expected text of 1–200 characters, found number 42.',
    ],
    [
      'a bad feed',
      { url, feeds: { rss: 'feed.xml' } },
      'Option feeds.rss: expected an absolute https: or http: URL',
    ],
    ['an unknown feed', { url, feeds: { rdf: url } }, 'Option feeds.rdf: unknown field'],
    ['a misspelt option', { url, siteNmae: 'X' }, 'Option siteNmae: unknown field; did you mean "siteName"?'],
    [
      'a bad handle',
      { url, twitterSite: 'examplenews' },
      'Option twitterSite: expected an X (Twitter) handle',
    ],
    ['a bad toc', { url, toc: { minStories: 0 } }, 'Option toc: expected true, false or { minStories'],
    ['bad linkParams', { url, linkParams: [] }, 'Option linkParams: expected an object'],
  ];

  it.each(cases)('refuses %s with an error naming the option', (_name, options, message) => {
    expect(() => renderWebPage(story, options as never)).toThrow(NewsbriefError);
    expect(() => renderWebPage(story, options as never)).toThrow(message);
  });

  it('refuses a bad theme with the path of the token', () => {
    expect(() => renderWebPage(story, { url, theme: { brandColor: 'red' } })).toThrow(
      BriefingValidationError,
    );
    expect(() => renderWebPage(story, { url, theme: { brandColor: 'red' } })).toThrow('theme.brandColor');
  });

  it('refuses an invalid briefing with path-named issues', () => {
    expect(() => renderWebPage({ title: 'T', stories: [{ headline: '' }] }, { url })).toThrow(
      'stories[0].headline',
    );
  });
});

it('src/web/generated/page.ts is up to date (run `npm run generate`)', async () => {
  const committed = await readFile(new URL('../src/web/generated/page.ts', import.meta.url), 'utf8');
  expect(committed === (await generateWebPageSource())).toBe(true);
});
