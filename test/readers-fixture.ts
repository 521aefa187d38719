/**
 * The morning edition with reader tokens where a newsroom puts them: the greeting, the subject,
 * two stories (lede, a section, a bullet, a link label, the byline) and the footer, whose
 * unsubscribe link is each reader's own signed URL. Shared by the reader tests and the bench.
 */
import { readFileSync } from 'node:fs';
import type { Briefing, Section } from '../src/index.js';

const morning = JSON.parse(
  readFileSync(new URL('../examples/morning-edition.json', import.meta.url), 'utf8'),
) as Briefing;

/** A fresh copy of the tokenized morning edition (callers may change it). */
export function readerEdition(): Briefing {
  const briefing = structuredClone(morning) as Briefing & { stories: Record<string, unknown>[] };
  briefing.greeting = `Good Saturday morning, {{reader.first_name|reader}}. ${briefing.greeting}`;
  briefing.subject = '{{reader.first_name|Your brief}}: cities race to cool the grid';
  const [first, second] = briefing.stories;
  if (first === undefined || second === undefined) throw new Error('the morning edition has 5 stories');
  first.lede = `{{reader.first_name|Reader}}, this one is for you. ${String(first.lede)}`;
  first.whatsNext =
    'City councils vote on the financing package April 2 — and {{reader.city|your city}} may be next.';
  second.byline = 'By Priya Natarajan, for {{reader.first_name|our readers}}';
  second.sections = [
    {
      label: 'In {{reader.city|your area}}',
      text: 'Expect prices at the pump in {{reader.city|your area}} to follow within a week.',
      bullets: ['[{{reader.city|Local}} fuel prices](https://www.example.com/fuel) are tracked daily.'],
    },
    ...((second.sections as Section[]) ?? []),
  ];
  briefing.footer = {
    ...briefing.footer,
    text: 'Sent to {{reader.email}} because you signed up at example.com.',
    unsubscribeUrl: '{{reader.unsubscribeUrl}}',
  };
  return briefing;
}
