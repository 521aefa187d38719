/**
 * linkParams (UTM and the like): added to every http(s) link a reader can follow, in html and
 * text; never to mailto:, merge tags, unsubscribe or preferences links, nor to image sources.
 */
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer } from '../src/node/index.js';
import { withLinkParams } from '../src/normalize/links.js';
import { loadExample, parseDocument } from './support/fidelity.js';

const linkParams = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'am-2026-03-14' };
const tracked = 'utm_source=newsletter&utm_medium=email&utm_campaign=am-2026-03-14';

function briefing(): Briefing {
  const edition = loadExample('morning-edition');
  const [first, second, third] = edition.stories as [
    Briefing['stories'][0],
    Briefing['stories'][0],
    Briefing['stories'][0],
  ];
  first.lede =
    "America's biggest cities [are spending record sums](https://www.example.com/data/grid-spending#chart-2) to keep the lights on.";
  first.image = {
    src: 'https://images.example.com/2026/03/grid-heat.jpg',
    alt: 'Transmission towers against an orange evening sky outside Phoenix',
    href: 'https://www.example.com/photos/grid-heat?size=large',
    credit: 'Photo: [Maria Lopez](https://photographers.example.org/maria-lopez)/Example Images',
  };
  second.whyItMatters =
    'Mortgage rates take their cue from the Fed ([explainer](https://www.example.com/explainers/fed?utm_source=partner&ref=am)).';
  third.source = {
    label: 'Read the report',
    url: 'http://reports.example.net/phone-free-schools?year=2026#summary',
  };
  (third.sections ?? []).push({
    label: 'Tell us',
    text: 'Is your school phone-free? [Email the desk](mailto:desk@example.com?subject=Phones).',
  });
  return {
    ...edition,
    sponsor: {
      label: 'A message from Acme Solar',
      headline: 'Power through the peak',
      text: 'Home batteries that pay for themselves. [See plans](https://acme-solar.example.com/plans?plan=home).',
      url: 'https://acme-solar.example.com/?utm_campaign=spring-promo',
      image: {
        src: 'https://images.example.com/sponsors/acme.png',
        alt: 'Acme Solar home battery',
        href: 'https://acme-solar.example.com/battery',
      },
      after: 2,
    },
    footer: {
      ...edition.footer,
      unsubscribeUrl: 'https://example.com/unsubscribe?list=am&u=8f3a',
      preferencesUrl: '*|UPDATE_PROFILE|*',
    },
  };
}

/** Every href in the html, with the link text it carries. */
function hrefs(html: string): string[] {
  return [...parseDocument(html).querySelectorAll('a[href]')].map((a) => a.getAttribute('href') as string);
}

/** Every http(s) URL written out in the text part. */
function textUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s)]+/g)].map((match) => match[0]);
}

const untracked = new Set([
  'https://example.com/unsubscribe?list=am&u=8f3a',
  '*|UPDATE_PROFILE|*',
  'mailto:desk@example.com?subject=Phones',
]);

describe.each([true, false])('linkParams (minify: %s)', (minify) => {
  const renderer = createRenderer({ minify, linkParams });

  it('adds the params to every http(s) link in the html, and to nothing else', async () => {
    const { html } = (await renderer).render(briefing());
    const links = hrefs(html);
    expect(links).toEqual(
      expect.arrayContaining([
        `https://www.example.com/data/grid-spending?${tracked}#chart-2`,
        `https://www.example.com/photos/grid-heat?size=large&${tracked}`,
        `https://photographers.example.org/maria-lopez?${tracked}`,
        'https://www.example.com/explainers/fed?utm_source=partner&ref=am&utm_medium=email&utm_campaign=am-2026-03-14',
        `http://reports.example.net/phone-free-schools?year=2026&${tracked}#summary`,
        `https://www.example.com/2026/03/14/cities-battery-storage-heat?${tracked}`,
        `https://acme-solar.example.com/plans?plan=home&${tracked}`,
        'https://acme-solar.example.com/?utm_campaign=spring-promo&utm_source=newsletter&utm_medium=email',
        `https://acme-solar.example.com/battery?${tracked}`,
        ...untracked,
      ]),
    );
    for (const href of links) {
      if (untracked.has(href)) continue;
      const url = new URL(href);
      expect(url.protocol).toMatch(/^https?:$/);
      for (const name of Object.keys(linkParams)) expect(url.searchParams.getAll(name), href).toHaveLength(1);
    }
    const images = [...parseDocument(html).querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(images).toContain('https://images.example.com/2026/03/grid-heat.jpg');
    expect(images).toContain('https://images.example.com/sponsors/acme.png');
  });

  it('writes the same tracked URLs into the text part', async () => {
    const { html, text } = (await renderer).render(briefing());
    const urls = textUrls(text);
    const htmlLinks = hrefs(html).filter((href) => /^https?:/.test(href));
    expect(new Set(urls)).toEqual(new Set(htmlLinks));
    expect(text.replace(/\s+/g, ' ')).toContain('Email the desk (mailto:desk@example.com?subject=Phones)');
    expect(text).toContain('Unsubscribe: https://example.com/unsubscribe?list=am&u=8f3a\n');
    expect(text).toContain('Manage preferences: *|UPDATE_PROFILE|*\n');
  });
});

it('leaves links untouched without linkParams', async () => {
  const { html } = (await createRenderer()).render(briefing());
  expect(hrefs(html)).toContain('https://www.example.com/data/grid-spending#chart-2');
  expect(html).not.toContain('utm_medium');
});

describe('withLinkParams', () => {
  it.each([
    ['https://example.com/a b?q=1', 'https://example.com/a%20b?q=1&utm_source=nl'],
    [
      'https://example.com/?q=caf%C3%A9&x=a+b#top',
      'https://example.com/?q=caf%C3%A9&x=a+b&utm_source=nl#top',
    ],
    ['https://example.com/?utm_source=', 'https://example.com/?utm_source='],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['*|ARCHIVE|*', '*|ARCHIVE|*'],
    ['%unsubscribe_url%', '%unsubscribe_url%'],
  ])('%s → %s', (href, expected) => {
    expect(withLinkParams(href, { utm_source: 'nl' })).toBe(expected);
  });

  it('encodes parameter values with the URL API', () => {
    expect(withLinkParams('https://example.com/', { utm_campaign: 'AM & PM 3/14' })).toBe(
      'https://example.com/?utm_campaign=AM+%26+PM+3%2F14',
    );
  });
});

it('rejects linkParams that are not name → string', async () => {
  await expect(createRenderer({ linkParams: { utm_source: 42 as unknown as string } })).rejects.toThrow(
    /linkParams\.utm_source: expected a string value, found number 42/,
  );
});
