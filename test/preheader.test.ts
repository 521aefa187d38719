/**
 * The preheader (inbox preview): hidden in every client, first in the body, padded with invisible
 * characters to about 200 so no body text leaks into the preview, and by default the first lede
 * shortened at a word boundary.
 */
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer } from '../src/index.js';
import { parseDocument, renderExample } from './support/fidelity.js';

const renderer = await createRenderer();
const padding = /^[\u034f\u200c\u00a0]+$/;

function briefing(story: Briefing['stories'][number], extra: Partial<Briefing> = {}): Briefing {
  return { title: 'Morning Brief', stories: [story], ...extra };
}

function preheaderOf(html: string) {
  const document = parseDocument(html);
  const element = document.querySelector('.nb-preheader');
  if (!element) throw new Error('no .nb-preheader element');
  return { document, element, text: element.textContent ?? '' };
}

const longLede =
  'America’s biggest cities are spending record sums to keep the lights on through summers that now start in April, and utilities say the bill will keep rising.';

describe('preheader markup', () => {
  it('is hidden by every technique clients honour', async () => {
    const { html } = await renderExample('morning-edition');
    const style = preheaderOf(html).element.getAttribute('style') ?? '';
    for (const rule of [
      'display:none',
      'max-height:0',
      'max-width:0',
      'overflow:hidden',
      'opacity:0',
      'mso-hide:all',
    ]) {
      expect(style.replace(/\s/g, '')).toContain(rule);
    }
  });

  it('is the first text in the body', async () => {
    const { html } = await renderExample('morning-edition');
    const { document, element } = preheaderOf(html);
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
    let node = walker.nextNode();
    while (node && !node.textContent?.trim()) node = walker.nextNode();
    expect(node && element.contains(node)).toBe(true);
  });

  it.each([
    ['a short preheader', 'Five things to know today.'],
    ['a 97-character preheader', 'x'.repeat(97)],
    ['characters HTML would interpret', `<b>"Tom & Jerry's"</b> {{name}} *|FNAME|*`],
  ])('pads %s to about 200 characters with invisible characters only', (_, preheader) => {
    const result = renderer.render(briefing({ headline: 'Grid', lede: 'Body text.' }, { preheader }));
    const { text } = preheaderOf(result.html);
    expect(result.preheader).toBe(preheader);
    expect(text.startsWith(preheader)).toBe(true);
    expect(text.slice(preheader.length)).toMatch(padding);
    expect([...text].length).toBeGreaterThanOrEqual(200);
    expect([...text].length).toBeLessThan(203);
  });

  it('adds no padding to a preheader that is already 200 characters or longer', () => {
    const preheader = `${'word '.repeat(45)}end`;
    const result = renderer.render(briefing({ headline: 'Grid', lede: 'Body.' }, { preheader }));
    expect(preheaderOf(result.html).text).toBe(preheader);
  });
});

describe('default preheader', () => {
  it('is the first story’s lede when it is short, as plain text', () => {
    const result = renderer.render(
      briefing({ headline: 'Grid', lede: 'Cities buy **4.2 gigawatts** of [storage](https://example.com).' }),
    );
    expect(result.preheader).toBe('Cities buy 4.2 gigawatts of storage.');
  });

  it('is cut at a word boundary, at most 100 characters, with an ellipsis', () => {
    const result = renderer.render(briefing({ headline: 'Grid', lede: longLede }));
    const { preheader } = result;
    expect(preheader.length).toBeLessThanOrEqual(100);
    expect(preheader.endsWith('…')).toBe(true);
    const kept = preheader.slice(0, -1);
    expect(longLede.startsWith(kept)).toBe(true);
    expect(longLede[kept.length]).toMatch(/[\s,;:.]/);
    expect(kept.length).toBeGreaterThan(60);
  });

  it('uses the first story, not later ones', async () => {
    const { preheader } = await renderExample('rtl-hebrew');
    expect(preheader).toBe(
      'בנק ישראל הוריד אתמול את הריבית ב־0.25 נקודת אחוז ל־4.25%, לראשונה מזה שנה וחצי.',
    );
  });

  it('falls back to Why it matters, then the headline', () => {
    expect(renderer.render(briefing({ headline: 'Grid', whyItMatters: 'Heat kills.' })).preheader).toBe(
      'Heat kills.',
    );
    expect(renderer.render(briefing({ headline: 'Cities race to cool the grid' })).preheader).toBe(
      'Cities race to cool the grid',
    );
  });

  it('never cuts inside a word even without spaces early on', () => {
    const lede = `${'a'.repeat(30)} ${'b'.repeat(30)} ${'c'.repeat(30)} ${'d'.repeat(30)}`;
    const kept = renderer.render(briefing({ headline: 'Grid', lede })).preheader.slice(0, -1);
    expect(lede.startsWith(kept)).toBe(true);
    expect(lede[kept.length]).toBe(' ');
  });
});
