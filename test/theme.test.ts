/** Theme tokens: validated with path-named errors, applied in light mode inline and in dark-mode CSS. */
import { describe, expect, it } from 'vitest';
import { BriefingValidationError, createRenderer, NewsbriefError, type Theme } from '../src/node/index.js';
import { contrastRatio, resolveTheme } from '../src/render/theme.js';
import { loadExample, parseDocument } from './support/fidelity.js';

const ledger: Theme = {
  brandColor: '#C8102E',
  textColor: '#222',
  backgroundColor: '#fffdf8',
  linkColor: '#005a9c',
  fontFamily: "Georgia, 'Times New Roman', serif",
  logoUrl: 'https://images.example.com/brand/ledger-logo.png',
  logoDarkUrl: 'https://images.example.com/brand/ledger-logo-dark.png',
  logoAlt: 'The Ledger',
};

describe('theme validation', () => {
  it.each<[string, Theme, string, RegExp]>([
    [
      'a colour name',
      { brandColor: 'red' },
      'theme.brandColor',
      /expected a hex colour like "#0b5cab" for brandColor, found "red"/,
    ],
    ['five hex digits', { textColor: '#12345' }, 'theme.textColor', /found "#12345"/],
    ['rgb()', { backgroundColor: 'rgb(0,0,0)' }, 'theme.backgroundColor', /hex colour/],
    ['hex without #', { linkColor: '0b5cab' }, 'theme.linkColor', /hex colour/],
    ['too narrow', { width: 479 }, 'theme.width', /at least 480 px, found 479/],
    ['too wide', { width: 801 }, 'theme.width', /at most 800 px, found 801/],
    ['fractional', { width: 600.5 }, 'theme.width', /whole number of px, found 600\.5/],
    [
      'a string width',
      { width: '600' as unknown as number },
      'theme.width',
      /expected a width in px \(480–800\), found "600"/,
    ],
    [
      'CSS injection in the font',
      { fontFamily: 'Arial; } body { display:none' },
      'theme.fontFamily',
      /CSS font stack/,
    ],
    [
      'a quoted font name with "',
      { fontFamily: '"Helvetica Neue", Arial' },
      'theme.fontFamily',
      /CSS font stack/,
    ],
    [
      'an unbalanced quote in the font',
      { fontFamily: "'Segoe UI, Arial" },
      'theme.fontFamily',
      /^expected each quoted font name to be closed, found an unclosed ' at character 1$/,
    ],
    [
      'a quote inside a font name',
      { fontFamily: "Segoe' UI, Arial" },
      'theme.fontFamily',
      /^expected quotes around a whole font name, found ' at character 6 inside a name$/,
    ],
    [
      'a newline in the font',
      { fontFamily: 'Arial\n, serif' },
      'theme.fontFamily',
      /^expected a CSS font stack on one line, without control characters, found U\+000A \(LINE FEED\) at character 6$/,
    ],
    [
      'a brace in the font',
      { fontFamily: 'Arial} .x{color:red' },
      'theme.fontFamily',
      /found "}" at character 6, which would close the CSS block$/,
    ],
    [
      'a < in the font',
      { fontFamily: 'Arial</style><script>' },
      'theme.fontFamily',
      /found "<" at character 6, which would end the style element$/,
    ],
    [
      'a CSS escape in the font',
      { fontFamily: 'Arial\\3b' },
      'theme.fontFamily',
      /found "\\\\" at character 6, which would start a CSS escape$/,
    ],
    ['an empty font name', { fontFamily: 'Arial,, serif' }, 'theme.fontFamily', /font name between commas/],
    [
      'text after a quoted font name',
      { fontFamily: "'Segoe UI' Bold, serif" },
      'theme.fontFamily',
      /expected a comma after the quoted font name, found "B" at character 12/,
    ],
    ['an empty font stack', { fontFamily: '' }, 'theme.fontFamily', /1–200 characters, found 0/],
    [
      'an http logo',
      { logoUrl: 'http://images.example.com/logo.png' },
      'theme.logoUrl',
      /expected an https URL/,
    ],
    ['a javascript: logo', { logoUrl: 'javascript:alert(1)' }, 'theme.logoUrl', /expected an https URL/],
    ['a relative dark logo', { logoDarkUrl: '/logo-dark.png' }, 'theme.logoDarkUrl', /expected an https URL/],
  ])('rejects %s with an issue at its path', async (_case, theme, path, message) => {
    const error = await createRenderer({ theme }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BriefingValidationError);
    expect(error).toBeInstanceOf(NewsbriefError);
    const issues = (error as BriefingValidationError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toMatch(message);
    expect((error as Error).message).toContain(`${path}: `);
  });

  it('lists every bad token at once', async () => {
    const error = (await createRenderer({
      theme: { brandColor: 'blue', width: 1000, logoUrl: 'ftp://x' },
    }).catch((caught: unknown) => caught)) as BriefingValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'theme.brandColor',
      'theme.logoUrl',
      'theme.width',
    ]);
  });

  it.each([['#abc'], ['#ABCDEF'], ['#0b5cab']])('accepts the hex colour %s', async (brandColor) => {
    await expect(createRenderer({ theme: { brandColor } })).resolves.toBeDefined();
  });

  it.each([
    ["Georgia, 'Times New Roman', serif"],
    ["-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"],
    ["'Font Awesome 5 Free', 'St. Ryde', Noto_Sans"],
    ['Noto Sans Hebrew, 微软雅黑, sans-serif'],
  ])('accepts the font stack %s', (fontFamily) => {
    expect(resolveTheme({ fontFamily }).fontFamily).toBe(fontFamily);
  });

  it('accepts the widths 480 and 800', () => {
    expect(resolveTheme({ width: 480 }).width).toBe(480);
    expect(resolveTheme({ width: 800 }).width).toBe(800);
  });
});

describe('theme in the html', () => {
  const render = async (theme: Theme, minify = true) =>
    (await createRenderer({ theme, minify })).render(loadExample('morning-edition'));

  it.each([true, false])(
    'puts the light colours, font and logo on the elements (minify: %s)',
    async (minify) => {
      const { html } = await render(ledger, minify);
      const document = parseDocument(html);
      const style = (selector: string) => document.querySelector(selector)?.getAttribute('style') ?? '';

      expect(style('h1')).toContain('color:#c8102e');
      expect(style('.nb-kicker')).toMatch(/color:\s*#c8102e/);
      expect(style('.nb-num')).toMatch(/color:\s*#c8102e/);
      expect(html).toMatch(/border-top:\s*6px solid #c8102e/);
      expect(document.querySelector('.nb-body')?.getAttribute('style')).toMatch(
        /background-color:\s*#fffdf8/,
      );
      const text = [...document.querySelectorAll('.nb-t > div')].map(
        (div) => div.getAttribute('style') ?? '',
      );
      expect(text.length).toBeGreaterThan(0);
      for (const value of text) {
        expect(value).toContain("font-family:Georgia, 'Times New Roman', serif");
        expect(value).toMatch(/color:\s*#222222/);
      }
      const source = document.querySelector('.nb-go a');
      expect(source?.getAttribute('style') ?? style('.nb-go a')).toMatch(/color:\s*#005a9c/);

      const logo = document.querySelector('img.nb-logo-light');
      expect(logo?.getAttribute('src')).toBe('https://images.example.com/brand/ledger-logo.png');
      expect(logo?.getAttribute('alt')).toBe('The Ledger');
      expect(document.querySelector('img.nb-logo-dark')?.getAttribute('src')).toBe(
        'https://images.example.com/brand/ledger-logo-dark.png',
      );
    },
  );

  it.each([true, false])('derives the dark palette from the theme (minify: %s)', async (minify) => {
    const { html } = await render(ledger, minify);
    const theme = resolveTheme(ledger);
    const css = [...parseDocument(html).querySelectorAll('style')]
      .map((style) => style.textContent)
      .join('\n');
    const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([\s\S]*?\})\s*\}/.exec(css)?.[1] ?? '';
    expect(dark).not.toBe('');
    expect(dark).toContain(theme.dark.backgroundColor);
    expect(dark).toMatch(new RegExp(`\\.nb-t a\\s*\\{\\s*color:\\s*${theme.dark.linkColor}\\s*!important`));
    expect(dark).toMatch(new RegExp(`\\.nb-num\\s*\\{\\s*color:\\s*${theme.dark.brandColor}\\s*!important`));
    // Outlook.com's rewritten colours get the same palette.
    expect(css).toMatch(new RegExp(`\\[data-ogsc\\] \\.nb-t a\\s*\\{\\s*color:\\s*${theme.dark.linkColor}`));

    // Brand and link colours stay recognisable but readable on the dark background.
    expect(theme.dark.linkColor).not.toBe(resolveTheme({}).dark.linkColor);
    expect(theme.dark.brandColor).not.toBe(resolveTheme({}).dark.brandColor);
    for (const color of [
      theme.dark.linkColor,
      theme.dark.brandColor,
      theme.dark.textColor,
      theme.dark.mutedColor,
    ]) {
      expect(contrastRatio(color, theme.dark.backgroundColor)).toBeGreaterThanOrEqual(4.5);
    }
    for (const color of [theme.textColor, theme.mutedColor]) {
      expect(contrastRatio(color, theme.backgroundColor)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('renders at a non-default width (compiled on demand)', async () => {
    const renderer = await createRenderer({ theme: { ...ledger, width: 700 } });
    const { html } = renderer.render(loadExample('morning-edition'));
    const document = parseDocument(html);
    expect(html).toContain('max-width:700px');
    expect(html).not.toContain('max-width:600px');
    const photo = document.querySelector('img.nb-img');
    expect(photo?.getAttribute('width')).toBe('652');
    expect(photo?.getAttribute('style')).toContain('max-width:652px');
    expect(document.querySelector('h1')?.getAttribute('style')).toContain('color:#c8102e');
  });

  it('keeps two themed renderers apart', async () => {
    const [red, green] = await Promise.all([
      createRenderer({ theme: { brandColor: '#c8102e' } }),
      createRenderer({ theme: { brandColor: '#00704a', width: 640 } }),
    ]);
    const briefing = loadExample('morning-edition');
    const redHtml = red.render(briefing).html;
    const greenHtml = green.render(briefing).html;
    expect(redHtml).toContain('#c8102e');
    expect(redHtml).not.toContain('#00704a');
    expect(greenHtml).toContain('#00704a');
    expect(greenHtml).not.toContain('#c8102e');
    expect(red.render(briefing).html).toBe(redHtml);
  });
});
