/**
 * Every document the engine tests and `npm run shots` render: the examples in examples/ with
 * their options, plus stress editions that push the layout (a 25-story edition, a longer Hebrew
 * edition with an image and a sponsor, and one full of long unbreakable URLs and words).
 */
import { readFileSync } from 'node:fs';
import { longEdition } from '../../bench/editions.js';
import { loadExamples } from '../../scripts/example-inputs.js';
import type { Briefing, RenderOptions, Story } from '../../src/index.js';

export interface Document {
  name: string;
  input: Briefing;
  options: RenderOptions;
}

const json = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')) as T;

/** The Hebrew example, three times over, with a 3:2 story image and a sponsor with an image. */
function hebrewEdition(): Document {
  const base = json<Briefing>('rtl-hebrew.json');
  const stories = [0, 1, 2].flatMap(() => base.stories.map((story) => structuredClone(story)));
  const first = stories[0] as Story;
  first.image = {
    src: 'https://images.example.com/2026/03/boi.jpg',
    alt: 'בניין בנק ישראל בירושלים',
    width: 1200,
    height: 800,
    credit: 'צילום: דנה כהן',
  };
  return {
    name: 'stress-hebrew',
    input: {
      ...base,
      stories,
      sponsor: {
        label: 'תוכן ממומן',
        headline: 'חיסכון לכל ילד, בלי דמי ניהול',
        text: 'פתחו קופת גמל להשקעה **ב־5 דקות**.',
        url: 'https://invest.example.com/he',
        image: { src: 'https://images.example.com/ads/he.png', alt: 'לוגו החברה', width: 600, height: 200 },
        after: 2,
      },
    },
    options: json<RenderOptions>('rtl-hebrew.options.json'),
  };
}

const longPath = `https://www.example.com/reports/2026/03/14/${'regional-grid-reliability-assessment-'.repeat(5)}appendix.pdf`;
const longWord = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';

/** URLs and words far wider than a phone, everywhere text goes. */
function unbreakableEdition(): Document {
  return {
    name: 'stress-unbreakable',
    input: {
      title: `Morgenbriefing${'zusammenfassungs'.repeat(3)}dienst`,
      date: '2026-03-14',
      greeting: `Read the full report at ${longPath} before the vote.`,
      stories: [
        {
          kicker: 'Verwaltungsgerichtsentscheidungsbegründung',
          headline: `${longWord} wins`,
          byline: `By ${'Aleksandrovna-'.repeat(5)}Smith`,
          image: {
            src: longPath.replace('.pdf', '.jpg'),
            alt: `Chart ${longWord}`,
            width: 1200,
            height: 800,
            credit: `Source: ${longPath}`,
          },
          lede: `The filing lives at ${longPath} and nowhere else.`,
          whyItMatters: `The [${longPath}](${longPath}) link is what readers will copy.`,
          sections: [
            {
              label: longWord,
              bullets: [`${'0123456789'.repeat(12)} is the docket number.`, `See ${longPath}.`],
            },
          ],
          source: { label: longPath, url: longPath },
        },
      ],
      footer: {
        address: `${longWord}, ${'Hauptstraße'.repeat(6)} 1, 10115 Berlin`,
        unsubscribeUrl: `${longPath}?unsubscribe=1`,
      },
    },
    options: {},
  };
}

/** The examples, then the stress editions. */
export async function documents(): Promise<Document[]> {
  return [
    ...(await loadExamples()),
    { name: 'stress-25-stories', input: longEdition(25), options: {} },
    hebrewEdition(),
    unbreakableEdition(),
  ];
}
