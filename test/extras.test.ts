/** Axios-style extras: kicker, image with credit and link, the sponsor block, the table of contents. */
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer, NewsbriefError, type RenderOptions } from '../src/node/index.js';
import { loadExample, parseDocument } from './support/fidelity.js';

const sponsor: NonNullable<Briefing['sponsor']> = {
  label: 'A message from Acme Solar',
  headline: 'Power through the peak',
  text: 'Home batteries that pay for themselves in **seven years**.',
  url: 'https://acme-solar.example.com/plans',
  image: {
    src: 'https://images.example.com/sponsors/acme-battery.png',
    alt: 'An Acme home battery mounted in a garage',
    href: 'https://acme-solar.example.com/battery',
  },
  after: 2,
};

const render = async (briefing: Briefing, options: RenderOptions = {}) =>
  (await createRenderer(options)).render(briefing);

/** The blocks of the email body in reading order: one entry per mj-text row. */
function rows(html: string): Element[] {
  return [...parseDocument(html).querySelectorAll('td.nb-t')];
}

describe('kicker and image', () => {
  it('puts the kicker above the headline and the credited, linked image below the byline', async () => {
    const { html, text } = await render(loadExample('morning-edition'));
    const document = parseDocument(html);
    const first = document.querySelector('h2#story-1')?.parentElement as Element;
    const order = [...first.children].map((element) => element.className || element.tagName.toLowerCase());
    expect(order.slice(0, 4)).toEqual(['nb-kicker', 'h2', 'nb-muted', 'p']);
    expect(first.querySelector('.nb-kicker')?.textContent).toBe('1 big thing');

    const image = first.querySelector('img.nb-img');
    expect(image?.getAttribute('alt')).toBe(
      'Transmission towers against an orange evening sky outside Phoenix',
    );
    expect(image?.getAttribute('width')).toBe('552');
    expect(image?.parentElement?.querySelector('.nb-muted')?.textContent).toBe(
      'Photo: Maria Lopez/Example Images',
    );

    expect(text).toContain('1 BIG THING\n\n1. Cities race to cool the grid\n');
    expect(text).toContain(
      '[Image: Transmission towers against an orange evening sky outside Phoenix]\nPhoto: Maria Lopez/Example Images',
    );
  });

  it('links the image when it has an href, and keeps the credit outside the link', async () => {
    const { html, text } = await render(
      {
        title: 'Morning Brief',
        stories: [
          {
            kicker: 'Scoop',
            headline: 'Phoenix buys 4.2 GW of batteries',
            image: {
              src: 'https://images.example.com/2026/03/grid.jpg',
              alt: 'Battery containers beside a substation',
              href: 'https://www.example.com/photos/grid',
              credit: 'Photo: [Maria Lopez](https://photographers.example.org/maria)',
              width: 320,
            },
          },
        ],
      },
      { linkParams: { utm_source: 'am' } },
    );
    const image = parseDocument(html).querySelector('img.nb-img') as Element;
    expect(image.parentElement?.tagName).toBe('A');
    expect(image.parentElement?.getAttribute('href')).toBe(
      'https://www.example.com/photos/grid?utm_source=am',
    );
    expect(image.getAttribute('width')).toBe('320');
    const credit = image.parentElement?.parentElement?.querySelector('.nb-muted');
    expect(credit?.closest('a[href*="photos/grid"]')).toBeNull();
    expect(credit?.querySelector('a')?.getAttribute('href')).toBe(
      'https://photographers.example.org/maria?utm_source=am',
    );
    expect(text).toContain(
      '[Image: Battery containers beside a substation] Photo: Maria Lopez\n(https://photographers.example.org/maria?utm_source=am)\nhttps://www.example.com/photos/grid?utm_source=am',
    );
  });

  it('caps the image width at the content width', async () => {
    const { html } = await render({
      title: 'T',
      stories: [
        {
          headline: 'Wide',
          image: { src: 'https://images.example.com/w.jpg', alt: 'Wide photo', width: 1600 },
        },
      ],
    });
    expect(parseDocument(html).querySelector('img.nb-img')?.getAttribute('width')).toBe('552');
  });
});

describe('sponsor block', () => {
  it('sits between story `after` and the next, with label, image, text and link', async () => {
    const { html, text } = await render({ ...loadExample('morning-edition'), sponsor });
    const blocks = rows(html);
    const headings = blocks.map((row) => row.querySelector('h2')?.textContent ?? '');
    const at = headings.indexOf('Power through the peak');
    expect(headings[at - 1]).toBe('2. Fed signals a long pause');
    expect(headings[at + 1]).toBe('3. Schools rethink phone bans');

    const block = blocks[at] as Element;
    expect(block.querySelector('.nb-kicker')?.textContent).toBe('A message from Acme Solar');
    expect(block.querySelector('h2')?.getAttribute('id')).toBeNull();
    expect(block.querySelector('img')?.getAttribute('alt')).toBe('An Acme home battery mounted in a garage');
    expect(block.querySelector('img')?.parentElement?.getAttribute('href')).toBe(
      'https://acme-solar.example.com/battery',
    );
    expect(block.querySelector('strong')?.textContent).toBe('seven years');
    const link = block.querySelector('.nb-go a');
    expect([link?.textContent, link?.getAttribute('href')]).toEqual([
      'Learn more: acme-solar.example.com',
      'https://acme-solar.example.com/plans',
    ]);
    expect(parseDocument(html).querySelectorAll('h2[id^="story-"]')).toHaveLength(5);

    const sponsorText = [
      'A MESSAGE FROM ACME SOLAR',
      'Power through the peak',
      '',
      '[Image: An Acme home battery mounted in a garage]',
      'https://acme-solar.example.com/battery',
      '',
      'Home batteries that pay for themselves in seven years.',
      '',
      'Learn more: https://acme-solar.example.com/plans',
    ].join('\n');
    expect(text).toContain(sponsorText);
    expect(text.indexOf(sponsorText)).toBeGreaterThan(text.indexOf('2. Fed signals a long pause'));
    expect(text.indexOf(sponsorText)).toBeLessThan(text.indexOf('3. Schools rethink phone bans'));
  });

  it('defaults to "Sponsored" after the first story, and clamps `after` to the last story', async () => {
    const briefing = loadExample('morning-edition');
    const plain = { headline: 'Trade after hours, without the fees' };
    const first = rows((await render({ ...briefing, sponsor: plain })).html).map(
      (row) => row.querySelector('h2')?.textContent,
    );
    expect(first.indexOf(plain.headline)).toBe(first.indexOf('1. Cities race to cool the grid') + 1);
    const { html, text } = await render({ ...briefing, sponsor: { ...plain, after: 99 } });
    const headings = rows(html).map((row) => row.querySelector('h2')?.textContent);
    expect(headings.indexOf(plain.headline)).toBe(
      headings.indexOf("5. A record crowd for women's soccer") + 1,
    );
    expect(text).toContain(`SPONSORED\n${plain.headline}`);
  });

  it('shows in a one-story edition', async () => {
    const { html } = await render({ ...loadExample('seed-iran-working-group'), sponsor });
    expect(parseDocument(html).querySelectorAll('h2')).toHaveLength(2);
    expect(html).toContain('Power through the peak');
  });

  it('validates the sponsor like a story', async () => {
    await expect(
      render({
        ...loadExample('morning-edition'),
        sponsor: { headline: ' ', url: 'javascript:alert(1)', after: 0 },
      }),
    ).rejects.toThrow(
      /sponsor\.headline: expected a non-empty sponsor headline[\s\S]*sponsor\.url: [\s\S]*sponsor\.after/,
    );
  });
});

describe('table of contents', () => {
  const morning = loadExample('morning-edition');
  const headlines = morning.stories.map((story) => story.headline);

  it('is off by default', async () => {
    const { html, text } = await render(morning);
    expect(parseDocument(html).querySelector('.nb-toc')).toBeNull();
    expect(text).not.toContain('In this edition');
  });

  it.each([true, false])(
    'lists every story, linked to its anchor, under the masthead (minify: %s)',
    async (minify) => {
      const { html, text } = await render(morning, { toc: true, minify });
      const document = parseDocument(html);
      const links = [...document.querySelectorAll('ol.nb-toc a')];
      expect(links.map((a) => a.textContent)).toEqual(headlines);
      expect(links.map((a) => a.getAttribute('href'))).toEqual(
        headlines.map((_, index) => `#story-${index + 1}`),
      );
      for (const link of links)
        expect(document.querySelector(link.getAttribute('href') as string)?.tagName).toBe('H2');
      // Right after the masthead row, before the first story.
      const blocks = rows(html);
      expect(blocks[0]?.querySelector('h1')).not.toBeNull();
      expect(blocks[1]?.querySelector('ol.nb-toc')).not.toBeNull();
      expect(blocks[2]?.querySelector('h2#story-1')).not.toBeNull();

      expect(text).toContain(
        `In this edition:\n${headlines.map((headline, index) => `${index + 1}. ${headline}`).join('\n')}\n\n====`,
      );
    },
  );

  it('shows only from minStories stories on', async () => {
    const three = { ...morning, stories: morning.stories.slice(0, 3) };
    expect((await render(three, { toc: true })).html).not.toContain('nb-toc');
    expect((await render(three, { toc: { minStories: 3 } })).html).toContain('nb-toc');
    expect((await render(morning, { toc: { minStories: 6 } })).html).not.toContain('nb-toc');
    expect((await render(morning, { toc: {} })).html).toContain('nb-toc');
  });

  it('writes headline text, not markup, and escapes it', async () => {
    const { html } = await render(
      {
        title: 'T',
        stories: [
          { headline: '**Bold** move by <Acme> & co' },
          { headline: 'Second [story](https://example.com/2)' },
        ],
      },
      { toc: { minStories: 2 } },
    );
    const links = [...parseDocument(html).querySelectorAll('ol.nb-toc a')].map((a) => a.textContent);
    expect(links).toEqual(['Bold move by <Acme> & co', 'Second story']);
    expect(html).toContain('Bold move by &lt;Acme&gt; &amp; co</a>');
  });

  it('works with a custom theme width and a folder-less override set', async () => {
    const { html } = await render(morning, { toc: true, theme: { width: 700, linkColor: '#005a9c' } });
    expect(parseDocument(html).querySelector('ol.nb-toc a')?.getAttribute('style')).toContain(
      'color:#005a9c',
    );
  });

  it.each([[{ minStories: 0 }], [{ minStories: 2.5 }], ['yes' as unknown as boolean]])(
    'rejects toc %j',
    async (toc) => {
      const error = await createRenderer({ toc }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NewsbriefError);
      expect((error as Error).message).toMatch(/^Option toc: expected true, false or \{ minStories: /);
    },
  );
});
