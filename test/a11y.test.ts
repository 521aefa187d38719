/**
 * Accessibility of the rendered markup, on a parsed DOM. The axe-core run (light and dark) needs a
 * real layout engine and lives in browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer } from '../src/index.js';
import { contrastRatio } from '../src/render/theme.js';
import {
  type ExampleName,
  exampleNames,
  loadExample,
  parseDocument,
  renderExample,
} from './support/fidelity.js';

/** Link texts that say nothing when a screen reader lists the links. */
const vagueLinkText = /^(click here|here|source|sources|read more|more|link|go deeper|this|full story)$/i;

function bulletCount(briefing: Briefing): number {
  let count = 0;
  for (const story of briefing.stories) {
    for (const body of [story.flashback, story.whatsNext]) {
      if (Array.isArray(body)) count += body.length;
      else if (body && typeof body === 'object') count += body.bullets?.length ?? 0;
    }
    for (const section of story.sections ?? []) count += section.bullets?.length ?? 0;
  }
  return count;
}

function fontSizeOf(element: Element): number | undefined {
  const match = /(?:^|;)\s*font-size:\s*([\d.]+)px/.exec(element.getAttribute('style') ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The font size in effect, from the nearest inline `font-size` (CSS is inlined by juice). */
function effectiveFontSize(element: Element): number | undefined {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const size = fontSizeOf(e);
    if (size !== undefined) return size;
  }
  return undefined;
}

describe.each(exampleNames)('%s', (name: ExampleName) => {
  const briefing = loadExample(name);
  const rendered = renderExample(name);
  const dom = rendered.then(({ html }) => parseDocument(html));

  it('sets lang and dir on <html> and has a non-empty <title>', async () => {
    const document = await dom;
    const html = document.documentElement;
    expect(html.getAttribute('lang')).toBe(briefing.locale ?? 'en-US');
    expect(html.getAttribute('dir')).toBe(name === 'rtl-hebrew' ? 'rtl' : 'ltr');
    expect(document.title.trim()).not.toBe('');
    expect(document.title).toBe((await rendered).subject);
  });

  it('marks every table as a layout table', async () => {
    const tables = [...(await dom).querySelectorAll('table')];
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => t.getAttribute('role') !== 'presentation')).toEqual([]);
  });

  it('has one <h1> masthead and one <h2> per story, in order', async () => {
    const document = await dom;
    const h1 = [...document.querySelectorAll('h1')];
    expect(h1.map((h) => h.textContent)).toEqual([briefing.title]);
    const h2 = [...document.querySelectorAll('h2')].map((h) => h.textContent ?? '');
    expect(h2).toHaveLength(briefing.stories.length);
    briefing.stories.forEach((story, i) => {
      expect(h2[i]).toContain(story.headline.replace(/\*\*|[*_]/g, ''));
    });
    expect(document.querySelectorAll('h3, h4, h5, h6')).toHaveLength(0);
  });

  it('writes bullets as <ul><li>', async () => {
    const document = await dom;
    const items = [...document.querySelectorAll('li')];
    expect(items).toHaveLength(bulletCount(briefing));
    for (const li of items) expect(li.parentElement?.tagName).toBe('UL');
  });

  it('gives every image alt text', async () => {
    const images = [...(await dom).querySelectorAll('img')];
    for (const img of images) expect(img.hasAttribute('alt')).toBe(true);
    const withAlt = briefing.stories.filter((s) => s.image).map((s) => s.image?.alt);
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(withAlt);
  });

  it('sets body text at 16px and nothing readable under 14px', async () => {
    const document = await dom;
    const body = [
      ...document.querySelectorAll('.nb-t p:not(.nb-muted):not(.nb-kicker):not(.nb-rule), .nb-t li'),
    ];
    expect(body.length).toBeGreaterThan(8);
    for (const p of body) {
      expect(effectiveFontSize(p), p.outerHTML.slice(0, 80)).toBe(16);
    }
    for (const element of document.querySelectorAll('body *')) {
      const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!ownText || element.closest('.nb-preheader')) continue;
      expect(effectiveFontSize(element), element.outerHTML.slice(0, 80)).toBeGreaterThanOrEqual(14);
    }
  });

  it('uses link texts that make sense read alone', async () => {
    const links = [...(await dom).querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const text = (a.textContent ?? '').trim();
      expect(text, a.outerHTML).not.toBe('');
      expect(text, a.outerHTML).not.toMatch(vagueLinkText);
    }
  });
});

describe('source links', () => {
  it.each(['Source', 'Go deeper', 'click here', undefined])(
    'a vague or missing label (%s) names the site it links to',
    async (label) => {
      const renderer = await createRenderer();
      const { html } = renderer.render({
        title: 'Brief',
        stories: [{ headline: 'Grid', source: { label, url: 'https://www.example.com/story' } }],
      });
      const link = parseDocument(html).querySelector('.nb-go a');
      expect(link?.textContent).toMatch(/example\.com$/);
    },
  );

  it('marks an image decorative (alt="") only when the caller says so', async () => {
    const renderer = await createRenderer();
    const { html } = renderer.render({
      title: 'Brief',
      stories: [{ headline: 'Grid', image: { src: 'https://example.com/a.png', alt: '' } }],
    });
    expect(parseDocument(html).querySelector('img')?.getAttribute('alt')).toBe('');
    expect(() =>
      renderer.render({
        title: 'Brief',
        stories: [{ headline: 'Grid', image: { src: 'https://example.com/a.png' } as never }],
      }),
    ).toThrow(/stories\[0\]\.image\.alt/);
  });
});

describe('theme colours', () => {
  it('raises low-contrast brand, text and link colours to 4.5:1 in light mode', async () => {
    const backgroundColor = '#fffdf8';
    const renderer = await createRenderer({
      theme: { brandColor: '#ffcc00', linkColor: '#66aaff', textColor: '#aaaaaa', backgroundColor },
    });
    const { html } = renderer.render(loadExample('morning-edition'));
    const document = parseDocument(html);
    const colourOf = (selector: string) =>
      /(?:^|;)color:(#[0-9a-f]{6})/.exec(document.querySelector(selector)?.getAttribute('style') ?? '')?.[1];
    for (const selector of ['h1', '.nb-kicker', '.nb-num', '.nb-t a', '.nb-muted', '.nb-t div']) {
      const colour = colourOf(selector);
      expect(colour, selector).toBeDefined();
      expect(contrastRatio(colour as string, backgroundColor), selector).toBeGreaterThanOrEqual(4.5);
    }
  });
});
