/**
 * Right-to-left briefings: `dir` follows the locale, the markup uses physical left/right only
 * (Gmail and Outlook lack logical properties), and dates, numbers and the text part follow the
 * locale. How it looks is checked in WebKit, Gecko and Chromium by engines.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer } from '../src/index.js';
import { parseDocument, renderExample } from './support/fidelity.js';

const renderer = await createRenderer();
const story = {
  headline: 'כותרת',
  lede: 'פתיח.',
  sections: [{ label: 'למה זה חשוב', bullets: ['אחד', 'שניים'] }],
};

function render(extra: Partial<Briefing>) {
  return renderer.render({ title: 'תדריך', date: '2026-03-15', stories: [story], ...extra });
}

describe('dir', () => {
  it.each([
    ['he-IL', 'rtl'],
    ['he', 'rtl'],
    ['ar-EG', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur-PK', 'rtl'],
    ['en-US', 'ltr'],
    ['de-DE', 'ltr'],
  ])('defaults for locale %s to %s, on <html> and on the body wrapper', (locale, dir) => {
    const document = parseDocument(render({ locale }).html);
    const html = document.documentElement;
    expect(html.getAttribute('lang')).toBe(locale);
    expect(html.getAttribute('dir')).toBe(dir);
    expect(document.querySelector('[role="article"]')?.getAttribute('dir')).toBe(dir);
  });

  it('an explicit dir wins over the locale', () => {
    expect(
      parseDocument(render({ locale: 'he-IL', dir: 'ltr' }).html).documentElement.getAttribute('dir'),
    ).toBe('ltr');
  });
});

describe('the Hebrew example', () => {
  const rendered = renderExample('rtl-hebrew');

  it('uses no logical CSS properties or values', async () => {
    const { html } = await rendered;
    expect(html).not.toMatch(
      /(margin|padding|border|inset)-(inline|block)|text-align:\s*(start|end)|float:\s*inline/i,
    );
  });

  it('aligns every text block right and indents bullets from the right', async () => {
    const document = parseDocument((await rendered).html);
    const textCells = [...document.querySelectorAll('td.nb-t')];
    expect(textCells.length).toBeGreaterThan(3);
    for (const cell of textCells) {
      expect(cell.getAttribute('align')).toBe('right');
      const inner = cell.querySelector('div');
      expect(inner?.getAttribute('style')).toMatch(/text-align:right/);
    }
    const lists = [...document.querySelectorAll('ul')];
    expect(lists.length).toBe(2);
    for (const ul of lists) expect(ul.getAttribute('style')).toMatch(/padding-right:24px/);
  });

  it('leaves text-align:left only on MJML column wrappers, which hold a full-width table and no text', async () => {
    const document = parseDocument((await rendered).html);
    const leftAligned = [...document.querySelectorAll('[style*="text-align:left"]')];
    for (const element of leftAligned) {
      expect(element.className).toMatch(/mj-column-per-100/);
      expect(element.getAttribute('style')).toMatch(/font-size:0(px)?;/);
      expect(element.getAttribute('style')).toMatch(/direction:rtl/);
    }
  });

  it('formats the date in Hebrew', async () => {
    const document = parseDocument((await rendered).html);
    const time = document.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-03-15');
    expect(time?.textContent).toBe('יום ראשון, 15 במרץ 2026');
  });

  it('has a text part in reading order with the Hebrew date, labels and bullets', async () => {
    const { text } = await rendered;
    const order = [
      'תדריך הבוקר',
      'יום ראשון, 15 במרץ 2026',
      'בנק ישראל מוריד את הריבית',
      'במספרים:',
      '• האינפלציה',
      'הקו הסגול יוצא לדרך',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('https://example.co.il/unsubscribe?u=8f3a');
  });
});

describe('locale formatting', () => {
  it('formats numbers in the count line and the date with the locale’s digits', () => {
    const result = render({ locale: 'ar-EG' });
    const document = parseDocument(result.html);
    expect(document.querySelector('time')?.textContent).toMatch(/^[^0-9]*[٠-٩][^0-9]*$/);
    const countLine = [...document.querySelectorAll('p.nb-muted')]
      .map((p) => p.textContent)
      .find((t) => /words?/.test(t ?? ''));
    expect(countLine).toMatch(/^[^0-9]*[٠-٩][^0-9]*$/);
    expect(result.text).toContain(countLine);
  });
});
