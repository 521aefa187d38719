import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/normalize/edition.js';
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
