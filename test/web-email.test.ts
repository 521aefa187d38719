import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer, parseBriefing, validateBriefing } from '../src/node/index.js';
import { parseDocument } from './support/fidelity.js';

const renderer = await createRenderer();
const withWebUrl = JSON.parse(
  await readFile(new URL('./fixtures/web/view-in-browser.json', import.meta.url), 'utf8'),
) as Briefing;
const webUrl = 'https://news.example.com/am/2026-03-14/';

describe('the email\'s "View in browser" link (Briefing.webUrl)', () => {
  it('matches its html and text snapshots', async () => {
    const result = renderer.render(withWebUrl);
    await expect(result.html).toMatchFileSnapshot('__snapshots__/web/view-in-browser.html');
    await expect(result.text).toMatchFileSnapshot('__snapshots__/web/view-in-browser.txt');
  });

  it('opens the html, small, above the masthead, and the text', () => {
    const result = renderer.render(withWebUrl);
    const doc = parseDocument(result.html);
    const link = doc.querySelector('.nb-t a');
    expect(link?.textContent).toBe('View in browser');
    expect(link?.getAttribute('href')).toBe(webUrl);
    expect(link?.closest('p')?.getAttribute('style')).toContain('font-size:12px');
    expect(result.text.startsWith(`View in browser: ${webUrl}\n\nMORNING BRIEF\n`)).toBe(true);
  });

  it('is absent without webUrl, and the rest of the email is unchanged', () => {
    const { webUrl: _url, ...without } = withWebUrl;
    const withLink = renderer.render(withWebUrl);
    const plain = renderer.render(without);
    expect(plain.html).not.toContain('View in browser');
    expect(plain.text).not.toContain('View in browser');
    const link =
      /<p class="nb-muted"[^>]*><a href="https:\/\/news\.example\.com[^"]*"[^>]*>View in browser<\/a><\/p>/;
    expect(withLink.html.replace(link, '')).toBe(plain.html);
    expect(withLink.text.replace(`View in browser: ${webUrl}\n\n`, '')).toBe(plain.text);
  });

  it('is translated through labels.viewInBrowser and sits at the end of the line in right-to-left editions', async () => {
    const hebrew = await createRenderer({ labels: { viewInBrowser: 'לצפייה בדפדפן' } });
    const result = hebrew.render({ ...withWebUrl, locale: 'he-IL' });
    const link = parseDocument(result.html).querySelector('.nb-t a');
    expect(link?.textContent).toBe('לצפייה בדפדפן');
    expect(link?.closest('p')?.getAttribute('style')).toContain('text-align:left');
    expect(result.text.startsWith(`לצפייה בדפדפן: ${webUrl}`)).toBe(true);
  });

  it("gets the renderer's linkParams", async () => {
    const tracked = await createRenderer({ linkParams: { utm_medium: 'email' } });
    const result = tracked.render(withWebUrl);
    expect(result.html).toContain(`href="${webUrl}?utm_medium=email"`);
    expect(result.text).toContain(`View in browser: ${webUrl}?utm_medium=email`);
  });

  it('passes an ESP archive merge tag through verbatim', () => {
    const result = renderer.render({ ...withWebUrl, webUrl: '*|ARCHIVE|*' });
    expect(result.html).toContain('href="*|ARCHIVE|*"');
    expect(result.text).toContain('View in browser: *|ARCHIVE|*');
  });

  it.each([
    [
      'javascript:alert(1)',
      'expected an https: or http: URL or an ESP merge tag such as *|ARCHIVE|*, found a javascript: URL',
    ],
    ['mailto:news@example.com', 'found a mailto: URL'],
    ['/am/2026-03-14/', 'expected an absolute https: or http: URL or an ESP merge tag'],
    ['https://example.com/\u202eevil', 'without control or bidirectional formatting characters'],
  ])('refuses webUrl %s with an issue at webUrl', (value, message) => {
    const result = validateBriefing({ ...withWebUrl, webUrl: value });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(1);
    expect(result.error.issues[0]?.path).toBe('webUrl');
    expect(result.error.issues[0]?.message).toContain(message);
  });

  it('is read from Markdown front matter', () => {
    const briefing = parseBriefing(
      `---\ntitle: Morning Brief\nwebUrl: ${webUrl}\n---\n\n# Cities race to cool the grid\n\nA lede.\n`,
    );
    expect(briefing.webUrl).toBe(webUrl);
  });
});
