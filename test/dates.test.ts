import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/normalize/edition.js';
import { LeastRecentlyUsed, localeFormats } from '../src/normalize/locale-formats.js';
import { formatInteger } from '../src/render/stats.js';

// English dates and numbers are written without Intl (its first use loads ICU data, a cold-start
// cost); they must read exactly as Intl would write them.
describe('English fast paths agree with Intl', () => {
  it('formatDate: every day of 2000–2030 in en-US', () => {
    const intl = new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    for (let time = Date.UTC(2000, 0, 1); time <= Date.UTC(2030, 11, 31); time += 86_400_000) {
      const iso = new Date(time).toISOString().slice(0, 10);
      expect(formatDate(iso, 'en-US')).toBe(intl.format(new Date(time)));
    }
    expect(formatDate('2026-03-14', 'en')).toBe('Saturday, March 14, 2026');
  });

  it('formatDate: other locales still go through Intl', () => {
    const british = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' });
    expect(formatDate('2026-03-14', 'en-GB')).toBe(british.format(new Date(Date.UTC(2026, 2, 14))));
    expect(formatDate('2026-03-15', 'he-IL')).toBe('יום ראשון, 15 במרץ 2026');
  });

  it('formatInteger: English grouping matches Intl, other locales use Intl', () => {
    const intl = new Intl.NumberFormat('en-US');
    for (const value of [0, 1, 999, 1000, 1151, 99_999, 100_000, 1_234_567, 102_000]) {
      expect(formatInteger(value, 'en-US')).toBe(intl.format(value));
    }
    expect(formatInteger(1203, 'de-DE')).toBe('1.203');
    expect(formatInteger(1203, 'ar-EG')).toBe('١٬٢٠٣');
  });
});

describe('locale formatters are shared and bounded', () => {
  it('the English fast paths are only for en and en-US: other English locales group and write digits their way', () => {
    expect(formatInteger(1_234_567, 'en-IN')).toBe('12,34,567');
    expect(formatInteger(1203, 'en-US-u-nu-arab')).toBe('١٬٢٠٣');
    expect(formatInteger(1203, 'en-US-x-newsroom')).toBe('1,203');
    expect(formatDate('2026-03-14', 'en-US-x-newsroom')).toBe('Saturday, March 14, 2026');
  });

  it('tags that resolve to the same locale share one formatter', () => {
    let made = 0;
    const formats = localeFormats((locale) => {
      made += 1;
      return new Intl.NumberFormat(locale);
    });
    for (let i = 0; i < 1000; i += 1) expect(formats.get(`de-DE-x-a${i}`).format(1203)).toBe('1.203');
    // `-u-tz-` does not change a number format: it resolves to plain de-DE.
    expect(formats.get('de-DE-u-tz-deber').format(1203)).toBe('1.203');
    expect(formats.size).toBe(1);
    expect(made).toBe(2);
  });

  it('distinct resolved locales past the cap evict the least recently used, and still format right', () => {
    const formats = localeFormats((locale) => new Intl.NumberFormat(locale), 8);
    const systems = ['arab', 'thai', 'deva', 'beng', 'fullwide', 'mymr', 'khmr', 'laoo', 'tibt', 'gujr'];
    for (const language of ['de', 'fr', 'ja', 'hi']) {
      for (const system of systems) {
        const locale = `${language}-u-nu-${system}`;
        expect(formats.get(locale).format(7)).toBe(new Intl.NumberFormat(locale).format(7));
        expect(formats.size).toBeLessThanOrEqual(8);
      }
    }
  });

  it('LeastRecentlyUsed keeps what was read lately', () => {
    const cache = new LeastRecentlyUsed<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
});
