/**
 * Images that degrade well: the html states width and height whenever the briefing gives the
 * proportions (width and height, or aspectRatio), so clients that block images keep the box; alt
 * text is styled as body text; Markdown takes the size in Pandoc's attribute syntax.
 */
import { describe, expect, it } from 'vitest';
import {
  type Briefing,
  BriefingValidationError,
  createRenderer,
  NewsbriefError,
  parseBriefing,
  type StoryImage,
  validateBriefing,
} from '../src/index.js';
import { parseDocument } from './support/fidelity.js';

const renderer = await createRenderer();
const photo = { src: 'https://images.example.com/grid.jpg', alt: 'Transmission towers at dusk' };

function edition(image: StoryImage, extra: Partial<Briefing> = {}): Briefing {
  return {
    title: 'Morning Brief',
    stories: [{ headline: 'Cities cool the grid', lede: 'Power.', image }],
    ...extra,
  };
}

function imageOf(html: string, selector = 'img.nb-img'): HTMLImageElement {
  const img = parseDocument(html).querySelector(selector);
  if (!img) throw new Error(`no ${selector}`);
  return img as HTMLImageElement;
}

describe('image size in the html', () => {
  it.each([
    ['1200×800 shown at the 552 px content width', { width: 1200, height: 800 }, ['552', '368']],
    ['a 300×200 image at its own size', { width: 300, height: 200 }, ['300', '200']],
    ['aspectRatio at the content width', { aspectRatio: 1.5 }, ['552', '368']],
    ['width and aspectRatio', { width: 400, aspectRatio: 16 / 9 }, ['400', '225']],
    ['width alone: no height to give', { width: 400 }, ['400', null]],
    ['nothing: content width, no height', {}, ['552', null]],
  ])('%s', (_, size, [width, height]) => {
    const img = imageOf(renderer.render(edition({ ...photo, ...size })).html);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual([width, height]);
    expect(img.getAttribute('style')).toContain(`max-width:${width}px`);
  });

  it('a sponsor image gets the same attributes', () => {
    const { html } = renderer.render(
      edition(photo, {
        sponsor: { headline: 'Trade after hours', image: { ...photo, width: 600, height: 400 } },
      }),
    );
    const images = [...parseDocument(html).querySelectorAll('img.nb-img')].map((img) => [
      img.getAttribute('width'),
      img.getAttribute('height'),
    ]);
    expect(images).toContainEqual(['552', '368']);
  });

  it('alt text inherits the body text: font, 16px, the text colour', async () => {
    const themed = await createRenderer({ theme: { textColor: '#222222', fontFamily: 'Georgia, serif' } });
    const image = imageOf(themed.render(edition({ ...photo, width: 1200, height: 800 })).html);
    // The image sets none of them itself (inline bytes per image, and a fixed colour would need a
    // dark-mode rule of its own); its text block sets all three. test/engines.test.ts checks the
    // computed alt-text styles in WebKit, Gecko and Chromium.
    expect(image.getAttribute('style')).not.toMatch(/font-family|font-size|(^|;)color:/);
    let block = image.parentElement;
    while (block && !/font-family/.test(block.getAttribute('style') ?? '')) block = block.parentElement;
    const style = block?.getAttribute('style') ?? '';
    expect(style).toContain('font-family:Georgia, serif');
    expect(style).toContain('font-size:16px');
    expect(style).toContain('color:#222222');
  });
});

describe('logo size', () => {
  it.each([
    [{ logoWidth: 360, logoHeight: 80 }, '180'],
    [{ logoAspectRatio: 4 }, '160'],
  ])('%o: shown 40 px high with its width', async (size, width) => {
    const themed = await createRenderer({
      theme: { logoUrl: 'https://images.example.com/logo.png', ...size },
    });
    const logo = imageOf(themed.render(edition(photo)).html, 'img.nb-logo-light');
    expect([logo.getAttribute('width'), logo.getAttribute('height')]).toEqual([width, '40']);
    expect(logo.getAttribute('style')).toContain(`width:${width}px`);
  });

  it('without a size keeps width:auto and no width attribute', async () => {
    const themed = await createRenderer({ theme: { logoUrl: 'https://images.example.com/logo.png' } });
    const logo = imageOf(themed.render(edition(photo)).html, 'img.nb-logo-light');
    expect(logo.getAttribute('width')).toBeNull();
    expect(logo.getAttribute('style')).toContain('width:auto');
  });

  it.each([
    [{ logoWidth: 360 }, 'theme.logoHeight', 'together'],
    [{ logoWidth: 360, logoHeight: 80, logoAspectRatio: 4 }, 'theme.logoAspectRatio', 'found both'],
    [{ logoAspectRatio: 0 }, 'theme.logoAspectRatio', 'at least 0.1'],
  ])('%o is refused at %s', async (size, path, message) => {
    const error = await createRenderer({ theme: { logoUrl: 'https://x.example/l.png', ...size } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BriefingValidationError);
    const issue = (error as BriefingValidationError).issues.find((i) => i.path === path);
    expect(issue?.message).toContain(message);
  });
});

describe('image size validation', () => {
  it.each([
    [{ height: 800 }, 'stories[0].image.height', 'expected width alongside height'],
    [{ width: 1200, height: 800, aspectRatio: 1.5 }, 'stories[0].image.aspectRatio', 'found both'],
    [{ width: 1200, height: 0 }, 'stories[0].image.height', ''],
    [{ aspectRatio: 50 }, 'stories[0].image.aspectRatio', ''],
    [{ width: 1200, height: '800' }, 'stories[0].image.height', 'string "800"'],
  ])('%o fails at %s', (size, path, message) => {
    const result = validateBriefing(edition({ ...photo, ...size } as StoryImage));
    expect(result.success).toBe(false);
    if (result.success) return;
    const issue = result.error.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.error.issues)).toBeDefined();
    expect(issue?.message).toContain(message);
  });
});

describe('Markdown image size: {width=… height=…} after the image', () => {
  const parse = (image: string) =>
    parseBriefing(`# Cities cool the grid\n\nPower.\n\n${image}\n`).stories[0]?.image;

  it.each([
    [
      '![Towers](https://x.example/a.jpg "Photo: A"){width=1200 height=800}',
      { width: 1200, height: 800, credit: 'Photo: A' },
    ],
    ['![Towers](https://x.example/a.jpg) {width=1200px height=800px}', { width: 1200, height: 800 }],
    ['![Towers](https://x.example/a.jpg){aspectRatio=3:2}', { aspectRatio: 1.5 }],
    ['![Towers](https://x.example/a.jpg){aspect-ratio=1.5}', { aspectRatio: 1.5 }],
    [
      '[![Towers](https://x.example/a.jpg)](https://x.example/p){width=600 height=400}',
      { width: 600, height: 400, href: 'https://x.example/p' },
    ],
    ['![Towers](https://x.example/a.jpg)', {}],
  ])('%s', (source, expected) => {
    expect(parse(source)).toEqual({ src: 'https://x.example/a.jpg', alt: 'Towers', ...expected });
  });

  it.each([
    ['{width=12x}', 'width in px'],
    ['{aspectRatio=wide}', 'aspect ratio'],
    ['{class=hero}', 'width=, height= or aspectRatio='],
  ])('%s is an error naming the line', (block, message) => {
    expect(() => parse(`![Towers](https://x.example/a.jpg)${block}`)).toThrow(NewsbriefError);
    expect(() => parse(`![Towers](https://x.example/a.jpg)${block}`)).toThrow(
      new RegExp(`Line 5: .*${message}`),
    );
  });

  it('plain-text pastes read the same image syntax, size and link included', () => {
    const story = parseBriefing(
      'Cities cool the grid\n\nPower.\n\n[![Towers](https://x.example/a.jpg "Photo: A")](https://x.example/p){width=1200 height=800}\n',
    ).stories[0];
    expect(story?.image).toEqual({
      src: 'https://x.example/a.jpg',
      alt: 'Towers',
      credit: 'Photo: A',
      href: 'https://x.example/p',
      width: 1200,
      height: 800,
    });
  });

  it('an image followed by ordinary text stays a paragraph', () => {
    const story = parseBriefing('# Grid\n\nPower.\n\n![Towers](https://x.example/a.jpg) and more words\n')
      .stories[0];
    expect(story?.image).toBeUndefined();
  });
});
