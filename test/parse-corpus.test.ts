/**
 * The parse corpus: fictional stories written the way Smart Brevity copy is published (national
 * stories, local editions, newsletter items; blank-line, single-line-break, hard-wrapped and
 * Markdown pastes). Each `<name>.structure.json` is what an editor reads in the paste; the test
 * compares the parse with it field by field.
 *
 * In a structure file, text is written `start … end` (the block must start and end so, which
 * catches two paragraphs run together), and a list as `• 3` (bullets) or `1. 3` (numbered items).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SectionBlock, Story } from '../src/model.js';
import { parseBriefing } from '../src/parse/index.js';
import { validateBriefing } from '../src/schema.js';

const corpus = new URL('./fixtures/parse/corpus/', import.meta.url);

interface Structure {
  style: 'national' | 'local' | 'newsletter';
  breaks: 'blank-line' | 'single-line' | 'hard-wrapped' | 'markdown';
  kinds: string[];
  headline: string;
  kicker?: string;
  byline?: string;
  lede?: string;
  sections: { label: string | null; blocks: string[] }[];
  source: Story['source'] | null;
}

const pastes = readdirSync(corpus).filter((name) => /\.(md|txt)$/.test(name));
const structureOf = (name: string): Structure =>
  JSON.parse(readFileSync(new URL(name.replace(/\.(md|txt)$/, '.structure.json'), corpus), 'utf8'));

/** `start … end` matches text that starts and ends so; text without `…` must match exactly. */
function expectText(actual: string | undefined, expected: string | undefined, what: string): void {
  if (expected === undefined) {
    expect(actual, what).toBeUndefined();
    return;
  }
  expect(actual, what).toBeDefined();
  const [start = '', end] = expected.split(' … ');
  if (end === undefined) {
    expect(actual, what).toBe(start);
    return;
  }
  expect(actual?.startsWith(start), `${what} starts with "${start}": ${actual}`).toBe(true);
  expect(actual?.endsWith(end), `${what} ends with "${end}": ${actual}`).toBe(true);
}

function expectBlock(actual: SectionBlock | undefined, expected: string, what: string): void {
  const list = /^(•|1\.) (\d+)$/.exec(expected);
  if (list) {
    const items =
      actual && (list[1] === '•' ? 'bullets' : 'numbered') in actual ? Object.values(actual)[0] : [];
    expect(items, `${what}: ${JSON.stringify(actual)}`).toHaveLength(Number(list[2]));
    return;
  }
  expect(actual && 'paragraph' in actual, `${what} is a paragraph: ${JSON.stringify(actual)}`).toBe(true);
  expectText((actual as { paragraph: string }).paragraph, expected.replace(/^¶ /, ''), what);
}

describe('parse corpus: pastes read as an editor reads them', () => {
  it('has at least 20 pastes covering every kind, style and line-break form', () => {
    const structures = pastes.map(structureOf);
    expect(pastes.length).toBeGreaterThanOrEqual(20);
    const kinds = new Set(structures.flatMap((structure) => structure.kinds));
    for (const kind of [
      'open-labels',
      'ordered-body',
      'unlabelled-bullets',
      'numbered-lists',
      'single-line-breaks',
      'labels-in-bullets',
      'go-deeper',
      'kicker',
    ])
      expect(kinds, kind).toContain(kind);
    expect(new Set(structures.map((structure) => structure.style))).toEqual(
      new Set(['national', 'local', 'newsletter']),
    );
    expect(new Set(structures.map((structure) => structure.breaks))).toEqual(
      new Set(['blank-line', 'single-line', 'hard-wrapped', 'markdown']),
    );
  });

  describe.each(pastes)('%s', (name) => {
    const expected = structureOf(name);
    const briefing = parseBriefing(readFileSync(new URL(name, corpus), 'utf8'));
    const story = briefing.stories[0] as Story;

    it('is a valid briefing of one story', () => {
      const result = validateBriefing(briefing);
      expect(result.success, result.success ? '' : result.error.message).toBe(true);
      expect(briefing.stories).toHaveLength(1);
    });

    it('has the headline, kicker, byline and lede', () => {
      expect(story.headline).toBe(expected.headline);
      expect(story.kicker).toBe(expected.kicker);
      expect(story.byline).toBe(expected.byline);
      expectText(story.lede, expected.lede, 'lede');
    });

    it('has the labels in order', () => {
      expect((story.sections ?? []).map((section) => section.label ?? null)).toEqual(
        expected.sections.map((section) => section.label),
      );
    });

    it('has the blocks of each section in order', () => {
      expected.sections.forEach((section, index) => {
        const body = story.sections?.[index]?.body ?? [];
        const what = `sections[${index}] (${section.label ?? 'no label'})`;
        expect(
          body.map((block) => Object.keys(block)[0]),
          what,
        ).toHaveLength(section.blocks.length);
        for (const [at, block] of section.blocks.entries())
          expectBlock(body[at], block, `${what}.body[${at}]`);
      });
    });

    it('has the source link', () => {
      expect(story.source ?? null).toEqual(expected.source);
    });
  });
});
