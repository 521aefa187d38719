import { describe, expect, it } from 'vitest';
import { createRenderer, lintBriefing, type Story } from '../src/index.js';
import { parseDocument } from './support/fidelity.js';

const renderer = await createRenderer();

/** A story written with an ordered section body: paragraph, bullets, paragraph, numbered list. */
const ordered: Story = {
  headline: 'Council passes the transit plan',
  lede: 'The city council approved the bus network redesign on Tuesday.',
  sections: [
    { body: [{ bullets: ['Routes change in June.', 'Fares stay at $2.'] }] },
    {
      label: 'The details',
      body: [
        { paragraph: 'The plan has two phases.' },
        { bullets: ['Phase one adds night buses.', 'Phase two adds a crosstown line.'] },
        { paragraph: 'Riders get three ways to comment.' },
        { numbered: ['Online at the city site.', 'At any library.', 'At the June hearing.'] },
      ],
    },
    { label: 'Why it matters', text: 'Buses carry most riders.\n\nThe old map dates from 1994.' },
  ],
};

describe('ordered section bodies', () => {
  const result = renderer.render(ordered);
  const doc = parseDocument(result.html);
  const story = doc.querySelector('h2')?.parentElement;

  it('renders blocks in the order written, lists as <ul> and <ol>', () => {
    const blocks = [...(story?.children ?? [])]
      .filter((node) => ['P', 'UL', 'OL'].includes(node.tagName))
      .map((node) => `${node.tagName}:${node.textContent?.trim()}`);
    expect(blocks).toEqual([
      'P:The city council approved the bus network redesign on Tuesday.',
      'UL:Routes change in June.Fares stay at $2.',
      'P:The details: The plan has two phases.',
      'UL:Phase one adds night buses.Phase two adds a crosstown line.',
      'P:Riders get three ways to comment.',
      'OL:Online at the city site.At any library.At the June hearing.',
      'P:Why it matters: Buses carry most riders.',
      'P:The old map dates from 1994.',
    ]);
  });

  it('shows no label for a section without one', () => {
    const labels = [...doc.querySelectorAll('p > strong')].map((node) => node.textContent);
    expect(labels).toEqual(['The details:', 'Why it matters:']);
  });

  it('writes the same order in the text part, numbered items as numbered lines', () => {
    const body = result.text.slice(
      result.text.indexOf('The city council'),
      result.text.lastIndexOf('\n\n====='),
    );
    expect(body).toBe(
      [
        'The city council approved the bus network redesign on Tuesday.',
        '',
        '• Routes change in June.',
        '• Fares stay at $2.',
        '',
        'The details: The plan has two phases.',
        '• Phase one adds night buses.',
        '• Phase two adds a crosstown line.',
        '',
        'Riders get three ways to comment.',
        '1. Online at the city site.',
        '2. At any library.',
        '3. At the June hearing.',
        '',
        'Why it matters: Buses carry most riders.',
        '',
        'The old map dates from 1994.',
      ].join('\n'),
    );
  });

  it('renders `text` + `bullets` and the same content as `body` identically', () => {
    const legacy = renderer.render({
      headline: 'H',
      sections: [{ label: 'Flashback', text: 'It began.', bullets: ['One.', 'Two.'] }],
    });
    const body = renderer.render({
      headline: 'H',
      sections: [{ label: 'Flashback', body: [{ paragraph: 'It began.' }, { bullets: ['One.', 'Two.'] }] }],
    });
    expect(body.html).toBe(legacy.html);
    expect(body.text).toBe(legacy.text);
  });

  it('counts every block in stats', () => {
    expect(result.stats.words).toBe(67);
  });

  it('lints per list and per paragraph, with body paths', () => {
    const long = Array.from({ length: 6 }, (_, index) => `Item ${index + 1}.`);
    const warnings = lintBriefing({
      headline: 'Short headline here',
      lede: 'A lede.',
      sections: [
        { label: 'Why it matters', text: 'It matters.' },
        // Two lists of four: neither is above the five-bullet limit.
        {
          label: 'Lists',
          body: [{ bullets: long.slice(0, 4) }, { paragraph: 'And:' }, { bullets: long.slice(2) }],
        },
        { body: [{ paragraph: 'Intro.' }, { numbered: long }] },
      ],
    }).filter((warning) => warning.rule === 'bullet-length');
    expect(warnings.map((warning) => warning.path)).toEqual(['stories[0].sections[2].body[1].numbered']);
    expect(warnings[0]?.message).toMatch(/A list has 6 items; keep the 5 that matter most/);
  });
});
