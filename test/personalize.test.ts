/**
 * `personalize`: one rendered edition, filled per reader, safely for each part, without the raw
 * token ever reaching a reader and without a value being read as markup or syntax.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRenderer,
  NewsbriefError,
  personalize,
  type RenderResult,
  toMailMessage,
} from '../src/index.js';
import { readerEdition } from './readers-fixture.js';
import { parseDocument } from './support/fidelity.js';

const renderer = await createRenderer();
const edition = renderer.render(readerEdition());
const ann = {
  first_name: 'Ann',
  city: 'Tucson',
  email: 'ann@example.org',
  unsubscribeUrl: 'https://news.example.com/u?token=abc.def',
};
const parts = ['html', 'text', 'subject', 'preheader'] as const;

function noTokens(result: RenderResult): void {
  for (const part of parts) expect(result[part]).not.toContain('{{reader.');
}

describe('personalize', () => {
  it("fills every part with the reader's values", () => {
    const message = personalize(edition, ann);
    noTokens(message);
    expect(message.subject).toBe('Ann: cities race to cool the grid');
    expect(message.text).toContain('Good Saturday morning, Ann.');
    expect(message.text).toContain('In Tucson:');
    expect(message.text).toContain('Sent to ann@example.org because');
    expect(message.text).toContain('Unsubscribe: https://news.example.com/u?token=abc.def');
    const document = parseDocument(message.html);
    expect(document.querySelector('title')?.textContent).toBe(message.subject);
    const unsubscribe = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Unsubscribe');
    expect(unsubscribe?.getAttribute('href')).toBe(ann.unsubscribeUrl);
    expect(document.body.textContent).toContain('Tucson fuel prices');
  });

  it('uses the fallback for a missing, null or empty value, and nothing without one', () => {
    const message = personalize(edition, { first_name: '', city: null, unsubscribeUrl: ann.unsubscribeUrl });
    noTokens(message);
    expect(message.subject).toBe('Your brief: cities race to cool the grid');
    expect(message.text).toContain('Good Saturday morning, reader.');
    expect(message.text).toContain('In your area:');
    expect(message.text).toContain('Sent to  because');
  });

  it('escapes values for html and leaves them plain in text and subject', () => {
    const first_name = `<img src=x onerror="alert(1)"> & 'Bo'`;
    const message = personalize(edition, { ...ann, first_name });
    expect(message.subject.startsWith(`${first_name}:`)).toBe(true);
    expect(message.text).toContain(first_name);
    expect(message.html).not.toContain('<img src=x');
    expect(message.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Bo&#39;');
    const document = parseDocument(message.html);
    expect(document.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect(document.querySelector('title')?.textContent).toBe(message.subject);
  });

  it('never expands a value: tokens and ESP syntax in it stay text', () => {
    const message = personalize(edition, { ...ann, first_name: '{{reader.email}} *|UNSUB|* %recipient.x%' });
    expect(message.subject).not.toContain('ann@example.org');
    expect(message.subject).toContain('{\u2060{reader.email}\u2060}');
    expect(message.subject).not.toMatch(/\*\||%recipient\.x%/);
    expect(message.subject.replaceAll('\u2060', '')).toBe(
      '{{reader.email}} *|UNSUB|* %recipient.x%: cities race to cool the grid',
    );
  });

  it('keeps the subject on one line: control characters become a space', () => {
    const message = personalize(edition, {
      ...ann,
      first_name: 'Ann\r\nBcc: victim@example.org\u0000\u202e',
    });
    expect(message.subject).toBe('Ann Bcc: victim@example.org: cities race to cool the grid');
    expect(message.text).not.toMatch(/Ann\r?\n/);
    const mail = toMailMessage(message, { from: 'news@example.com', to: 'ann@example.org' });
    expect(mail.subject).toBe(message.subject);
  });

  it('writes numbers and refuses other values, naming the key', () => {
    expect(personalize(edition, { ...ann, city: 42 }).text).toContain('In 42:');
    expect(() => personalize(edition, { ...ann, city: Number.NaN })).toThrow(
      new NewsbriefError('reader.city: expected a string or a finite number, found NaN.'),
    );
    expect(() => personalize(edition, { ...ann, city: { name: 'x' } as never })).toThrow(
      /^reader\.city: .*found object/,
    );
    expect(() => personalize(edition, null as never)).toThrow(NewsbriefError);
    expect(() => personalize(edition, ['Ann'] as never)).toThrow(/found an array/);
  });

  it('reads own fields only', () => {
    const result = renderer.render({
      title: 'T',
      stories: [{ headline: 'Hi {{reader.constructor|there}}' }],
    });
    expect(personalize(result, {}).subject).toBe('Hi there');
  });

  it('checks a URL key: https only, present, one line', () => {
    for (const unsubscribeUrl of ['javascript:alert(1)', 'http://x.example/u', 'https://x.example/a b', '']) {
      expect(() => personalize(edition, { ...ann, unsubscribeUrl })).toThrow(
        /^reader\.unsubscribeUrl: expected an https URL/,
      );
    }
    expect(() => personalize(edition, { first_name: 'Ann' })).toThrow(/found nothing/);
  });

  it('makes the unsubscribe URL the List-Unsubscribe header of the message', () => {
    expect(edition.listUnsubscribe).toBeUndefined();
    const message = personalize(edition, ann);
    expect(message.listUnsubscribe).toEqual({ url: ann.unsubscribeUrl });
    const mail = toMailMessage(message, { from: 'news@example.com', to: ann.email });
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${ann.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it("keeps the edition's stats, with this reader's html size", () => {
    const message = personalize(edition, { ...ann, first_name: 'Zoë 🌵 & co' });
    const { htmlBytes, ...counts } = message.stats;
    const { htmlBytes: _, ...editionCounts } = edition.stats;
    expect(counts).toEqual(editionCounts);
    expect(htmlBytes).toBe(Buffer.byteLength(message.html));
    expect(message.warnings).toBe(edition.warnings);
  });

  it('leaves the edition unchanged and a result without tokens as it is', () => {
    const html = edition.html;
    personalize(edition, ann);
    expect(edition.html).toBe(html);
    const plain = renderer.render({ title: 'T', stories: [{ headline: 'H' }] });
    const same = personalize(plain, ann);
    for (const part of parts) expect(same[part]).toBe(plain[part]);
    expect(same.stats).toEqual(plain.stats);
  });

  it('gives each reader only their own values (property)', () => {
    const value = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(value, value, (first_name, city) => {
        const message = personalize(edition, { ...ann, first_name, city });
        noTokens(message);
        expect(message.subject).not.toMatch(/[\r\n\p{Cc}]/u);
        expect(Buffer.byteLength(message.html)).toBe(message.stats.htmlBytes);
        const title = parseDocument(message.html).querySelector('title')?.textContent;
        expect(title).toBe(message.subject);
      }),
      { numRuns: 200 },
    );
  });
});
