import { describe, expect, it } from 'vitest';
import { utf8Length } from '../src/render/bytes.js';

describe('utf8Length', () => {
  it.each([
    ['empty', ''],
    ['ASCII', '<p style="margin:0">Plain</p>'],
    ['two-byte letters', 'Ünïcödé Καλημέρα שלום'],
    ['three-byte marks', '“quoted” — ellipsis… \u034f\u200c\u00a0'],
    ['surrogate pairs', '🇮🇱 📰 𝒳'],
    ['lone high surrogate', 'a\ud83db'],
    ['lone low surrogate', 'a\udc00b'],
    ['high surrogate at the end', 'end\ud83d'],
  ])('counts %s as Buffer.byteLength does', (_, text) => {
    expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('counts text longer than its scratch buffer, pairs straddling every chunk boundary', () => {
    for (const filler of ['x', 'é', '“']) {
      for (let shift = 0; shift < 4; shift += 1) {
        const text = `${filler.repeat(70_000 + shift)}📰${'a'.repeat(shift)}`.repeat(3);
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }
    }
  });

  it('counts long runs of pairs and lone surrogates at any offset', () => {
    for (let shift = 0; shift < 3; shift += 1) {
      for (const unit of ['📰', '\ud83d', '\udc00', '\ud83dx']) {
        const text = `${'a'.repeat(shift)}${unit.repeat(40_000)}`;
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }
    }
  });
});
