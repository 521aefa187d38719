import { describe, expect, it } from 'vitest';
import { createRenderer, type Story } from '../src/index.js';
import { parseDocument } from './support/fidelity.js';

const renderer = await createRenderer();

const hostile = [
  '<script>alert(1)</script>',
  '</mj-text></mj-column><mj-raw><b>x</b></mj-raw>',
  '{{7*7}}',
  '{{{raw}}}',
  '{{> footer}}',
  '{{#each stories}}loop{{/each}}',
  '"quoted" & \'single\' <b>bold?</b>',
  '<img src=x onerror=alert(1)>',
  '*|FNAME|* %recipient.name% <%asm_group_unsubscribe_raw_url%>',
];

describe('story text is never markup', () => {
  it.each(hostile)('%s appears exactly as typed in every field', (value) => {
    const story: Story = {
      headline: value,
      kicker: value,
      byline: value,
      lede: value,
      whyItMatters: value,
      sections: [{ label: value, text: value, bullets: [value] }],
      image: { src: 'https://example.com/a.png', alt: value, credit: value },
      source: { label: value, url: 'https://example.com/story' },
    };
    const result = renderer.render({
      title: value,
      greeting: value,
      stories: [story],
      footer: { text: value, address: value },
    });
    const doc = parseDocument(result.html);
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe(value);
    expect(doc.querySelector('h1')?.textContent).toBe(value);
    expect(doc.querySelector('h2')?.textContent).toBe(value);
    expect(doc.querySelector('title')?.textContent).toBe(value);
    expect(doc.querySelector('li')?.textContent).toBe(value);
    const paragraphs = [...doc.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toContain(value);
    expect(paragraphs).toContain(`${value}: ${value}`);
    expect(result.text).toContain(value);
    expect(doc.body.textContent).not.toContain('49');
  });

  it('escapes link URLs inside href attributes', () => {
    const result = renderer.render({ headline: 'H', lede: '[x](https://example.com/?q="><script>)' });
    const doc = parseDocument(result.html);
    expect(doc.querySelector('script')).toBeNull();
    const link = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'x');
    expect(link?.getAttribute('href')).toBe('https://example.com/?q="><script>');
  });
});
