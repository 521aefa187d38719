import { describe, expect, it } from 'vitest';
import { visible } from '../src/cli/terminal.js';
import { suggestKey, unknownFieldMessage } from '../src/did-you-mean.js';

const storyFields = [
  'headline',
  'kicker',
  'byline',
  'lede',
  'whyItMatters',
  'flashback',
  'whatsNext',
  'sections',
  'image',
  'source',
];

describe('suggestKey', () => {
  it.each([
    ['why_it_matters', 'whyItMatters'],
    ['why-it-matters', 'whyItMatters'],
    ['WhyItMatters', 'whyItMatters'],
    ['sorce', 'source'],
    ['headlin', 'headline'],
    ['whats_next', 'whatsNext'],
    ['Lede', 'lede'],
  ])('%s → %s', (key, expected) => {
    expect(suggestKey(key, storyFields)).toBe(expected);
  });

  it('titel → title among the briefing fields', () => {
    expect(suggestKey('titel', ['title', 'date', 'subject', 'stories'])).toBe('title');
  });

  it.each(['tags', 'x', 'utm_campaign', '__proto__', ''])('suggests nothing for %j', (key) => {
    expect(suggestKey(key, storyFields)).toBeUndefined();
  });

  it('words the message with the suggestion, or the known fields', () => {
    expect(unknownFieldMessage('sorce', storyFields)).toBe('unknown field; did you mean "source"?');
    expect(unknownFieldMessage('tags', ['label', 'url'])).toBe(
      'unknown field; expected one of "label", "url"',
    );
  });
});

describe('visible (every CLI print path)', () => {
  it('writes C0 and C1 controls and DEL as \\u escapes, keeps tab, newline and other text', () => {
    expect(visible('a\u001b[2Jb\u009b31mc\u0007\u007f\td\né ש')).toBe(
      'a\\u001b[2Jb\\u009b31mc\\u0007\\u007f\td\né ש',
    );
  });
});
