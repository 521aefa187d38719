/**
 * The Markdown block scan (src/parse/markdown-blocks.ts) that replaced marked's lexer: the block
 * kinds briefings use, where it departs from CommonMark on purpose, and the positions it records.
 */
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../src/parse/index.js';
import { hasStoryHeading } from '../src/parse/markdown.js';
import { type MarkdownBlock, markdownBlocks } from '../src/parse/markdown-blocks.js';

/** Block types and their first lines, quotes and lists opened up. */
function outline(blocks: MarkdownBlock[]): unknown[] {
  return blocks.map((block) => {
    const at = `${block.type}@${block.lines[0]?.line}`;
    if (block.type === 'blockquote') return { [at]: outline(block.blocks) };
    if (block.type === 'list') return { [at]: block.items.map((item) => outline(item.blocks)) };
    if (block.type === 'heading') return `${at} h${block.depth} ${block.text}`;
    if (block.type === 'code') return `${at} ${JSON.stringify(block.text)}`;
    return at;
  });
}

const story = (body: string) => parseBriefing(`# H\n\n${body}`).stories[0];

describe('markdownBlocks', () => {
  it('reads the CommonMark blocks of a paste, with their lines', () => {
    const source = [
      '## Zoom in ##', // 1
      'A paragraph', // 2
      'lazily continued.', // 3
      '- one', // 4
      '  - nested', // 5
      '- two', // 6
      '', // 7
      '1) first', // 8
      '> quoted', // 9
      'lazy quote', // 10
      '```ts', // 11
      '# not a heading', // 12
      '```', // 13
      '    indented code', // 14
      '<!-- a', // 15
      'comment -->', // 16
      '<div>html</div>', // 17
      '', // 18
      '***', // 19
      '[ref]: https://example.com "Title"', // 20
    ].join('\n');
    expect(outline(markdownBlocks(source))).toEqual([
      'heading@1 h2 Zoom in',
      'paragraph@2',
      { 'list@4': [['paragraph@4', { 'list@5': [['paragraph@5']] }], ['paragraph@6']] },
      { 'list@8': [['paragraph@8']] },
      { 'blockquote@9': ['paragraph@9'] },
      'code@11 "# not a heading"',
      'code@14 "indented code"',
      'html@15',
      'html@17',
      'hr@19',
    ]);
  });

  it('stops nesting quotes and lists at twelve levels and keeps the rest as text', () => {
    let blocks = markdownBlocks(`${'> '.repeat(20)}deep`);
    let depth = 0;
    while (blocks[0]?.type === 'blockquote') {
      blocks = blocks[0].blocks;
      depth += 1;
    }
    expect(depth).toBe(12);
    expect(blocks[0]?.type).toBe('paragraph');
    expect(blocks[0]?.lines[0]?.text).toBe(`${'> '.repeat(8)}deep`);
  });
});

describe('hasStoryHeading', () => {
  // It decides the form of a paste, so it reads headings and fences as the block scan does.
  it.each([
    ['# Story\n\nLede.', true],
    ['```\n# in code\n```\n# Story', true],
    ['```\n# in code\n```', false],
    // "``` b" carries text after the run, so it does not close the fence opened on line 1.
    ['``` a\n``` b\n# in code', false],
    // A backtick run with a backtick after it is inline code, not a fence.
    ['```a`b\n# Story', true],
    ['## Zoom in\n#hashtag\n####### seven', false],
  ])('%j → %s, as markdownBlocks reads it', (body, expected) => {
    expect(hasStoryHeading(body)).toBe(expected);
    const topLevel = markdownBlocks(body).some((block) => block.type === 'heading' && block.depth === 1);
    expect(topLevel).toBe(expected);
  });
});

describe('Markdown blocks in a story', () => {
  it('keeps fenced and indented code and other HTML as text, and drops comments', () => {
    expect(
      story('Lede.\n\n```\nnpm  install\n```\n\n<!--\nnote to the desk\n-->\n\n<p>Kept</p>\n')?.sections,
    ).toEqual([{ body: [{ paragraph: 'npm install' }, { paragraph: '<p>Kept</p>' }] }]);
  });

  it('reads a quote as the blocks inside it', () => {
    expect(story('Lede.\n\n> **Zoom in:** The quote,\nwrapped lazily.\n>\n> - a point\n')?.sections).toEqual([
      { label: 'Zoom in', body: [{ paragraph: 'The quote, wrapped lazily.' }, { bullets: ['a point'] }] },
    ]);
  });

  it('reads a lone `•` line, and one wrapped onto a second line, as a bullet', () => {
    expect(story('Lede.\n\n• Only bullet\n')?.sections).toEqual([{ body: [{ bullets: ['Only bullet'] }] }]);
    expect(story('Lede.\n\n• First bullet\nwrapped here\n')?.sections).toEqual([
      { body: [{ bullets: ['First bullet wrapped here'] }] },
    ]);
  });

  it('drops reference definitions, as CommonMark shows them: nothing', () => {
    expect(story('Lede.\n\n[1]: https://example.com/report\n\nThe vote is Friday.\n')?.sections).toEqual([
      { body: [{ paragraph: 'The vote is Friday.' }] },
    ]);
  });

  // marked followed CommonMark here: the paragraph became a `##` heading, which newsbrief read as
  // a section label ("Lede." as a label), or with `===` a story that form detection never saw.
  it.each([
    ['Lede.\n---\n\nThe vote is Friday.\n'],
    ['Lede.\n===\n\nThe vote is Friday.\n'],
    ['Lede.\n-\n\nThe vote is Friday.\n'],
  ])('reads an underline under a paragraph (%j) as a divider, not a setext heading', (body) => {
    const parsed = parseBriefing(`# H\n\n${body}`);
    expect(parsed.stories).toHaveLength(1);
    expect(parsed.stories[0]?.lede).toBe('Lede.');
    expect(parsed.stories[0]?.sections).toEqual([{ body: [{ paragraph: 'The vote is Friday.' }] }]);
  });

  // marked kept everything after an unclosed `<!--` as one raw HTML paragraph.
  it('keeps an unclosed <!-- as text and parses what follows it', () => {
    expect(story('Lede.\n\n<!-- draft\n\n**Why it matters:** Because.\n')?.sections).toEqual([
      { body: [{ paragraph: '<!-- draft' }] },
      { label: 'Why it matters', body: [{ paragraph: 'Because.' }] },
    ]);
  });

  // CommonMark: an ordered item that does not start at 1 cannot interrupt a paragraph, so inside a
  // quote it is a lazy line of the quoted paragraph (marked started a list there).
  it('continues a quoted paragraph with a lazy "2." line', () => {
    expect(story('Lede.\n\n> Quoted\n2. still quoted\n')?.sections).toEqual([
      { body: [{ paragraph: 'Quoted 2. still quoted' }] },
    ]);
  });
});

describe('Markdown positions', () => {
  const source = [
    '---', // 1
    'title: T', // 2
    '---', // 3
    '# Story', // 4
    '', // 5
    '   Indented lede.', // 6
    '', // 7
    '> **Zoom in:** quoted', // 8
    '> and wrapped.', // 9
    '', // 10
    '- parent item', // 11
    '  wrapped', // 12
    '  - nested item', // 13
    '', // 14
    '• dot one', // 15
    '• dot two', // 16
    '', // 17
    '```', // 18
    'code', // 19
    '```', // 20
  ].join('\n');
  const { briefing, positions } = parseBriefing(source, { positions: true });

  it('gives the same briefing as without positions', () => {
    expect(briefing).toEqual(parseBriefing(source));
    expect(briefing.stories[0]?.sections?.[0]?.body).toEqual([
      { paragraph: 'quoted and wrapped.' },
      { bullets: ['parent item wrapped', 'nested item', 'dot one', 'dot two'] },
      { paragraph: 'code' },
    ]);
  });

  it('points at the first written character of each block, front matter counted', () => {
    expect(positions).toMatchObject({
      'stories[0].headline': { line: 4, column: 1, endLine: 4, endColumn: 8 },
      'stories[0].lede': { line: 6, column: 4, endLine: 6, endColumn: 18 },
      // The quoted paragraph starts after "> " and ends with its own last line.
      'stories[0].sections[0].body[0]': { line: 8, column: 3, endLine: 9, endColumn: 15 },
      'stories[0].sections[0].body[1].bullets[0]': { line: 11, column: 1, endLine: 12, endColumn: 10 },
      'stories[0].sections[0].body[1].bullets[1]': { line: 13, column: 3, endLine: 13, endColumn: 16 },
      'stories[0].sections[0].body[1].bullets[2]': { line: 15, column: 1, endLine: 15, endColumn: 10 },
      'stories[0].sections[0].body[1].bullets[3]': { line: 16, column: 1, endLine: 16, endColumn: 10 },
      'stories[0].sections[0].body[2]': { line: 18, column: 1, endLine: 20, endColumn: 4 },
      'stories[0]': { line: 4, column: 1, endLine: 20, endColumn: 4 },
    });
  });
});
