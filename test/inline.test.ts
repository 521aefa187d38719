/**
 * The linear inline scanner (src/normalize/inline.ts) against the parser it replaced
 * (test/support/inline-reference.ts): the same nodes on every input without a backslash, and
 * backslash escapes pinned case by case (the one deliberate difference).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRenderer } from '../src/index.js';
import { type InlineNode, inlinePlain, parseInline } from '../src/normalize/inline.js';
import { referenceParseInline } from './support/inline-reference.js';

const runs = Number(process.env.NEWSBRIEF_PROPERTY_RUNS ?? 10_000);

/** Pieces that make or break markup, so short strings hit every rule and its edges. */
const pieces = [
  '*',
  '**',
  '***',
  '_',
  '__',
  '[',
  ']',
  '(',
  ')',
  '](',
  ' ',
  '\n',
  '\u00a0',
  '\u3000',
  'a',
  'Zé',
  '1',
  '²',
  '𝐀',
  '.',
  ',',
  '|',
  '*|',
  '|*',
  '*|FNAME|*',
  '*|MC_X|*',
  'UNSUB',
  'https://example.com/a_(b)',
  'mailto:desk@example.com',
  '{{x}}',
  '%unsubscribe_url%',
  '<%asm_group_unsubscribe_raw_url%>',
  '<b>',
];
const markupText = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join('').replaceAll('\\', '/'));

describe('parseInline', () => {
  it(`gives the previous parser's nodes on text without backslashes (${runs} cases)`, () => {
    fc.assert(
      fc.property(markupText, (text) => {
        expect(parseInline(text)).toEqual(referenceParseInline(text));
      }),
      { numRuns: runs },
    );
  });

  it.each([
    ['**bold** and *em* and _em_', 'strong em em'],
    ['5 * 3 * 2 and a_b_c', ''],
    ['*|FNAME|*, read [this](https://example.com/a_(b)) now', 'link'],
    ['**a **b** c**', 'strong'],
    ['[**bold** label](https://example.com)', 'link'],
    ['****x**', 'strong'],
    ['__x_', 'em'],
  ])('parses %j like the previous parser', (text, kinds) => {
    const nodes = parseInline(text);
    expect(nodes).toEqual(referenceParseInline(text));
    const found = nodes.filter((node) => node.type !== 'text').map((node) => node.type);
    expect(found.join(' ')).toBe(kinds);
  });

  // New: a backslash writes a marker as typed. The previous parser kept the backslash and still
  // read the marker (`\*a\*` was `\` + <em>a\</em>), so an author could not write a literal
  // `*word*`; Markdown authors expect CommonMark's escapes.
  it.each<[string, InlineNode[]]>([
    ['\\*not em\\*', [{ type: 'text', value: '*not em*' }]],
    ['\\_not em\\_', [{ type: 'text', value: '_not em_' }]],
    ['\\[not](https://example.com) a link', [{ type: 'text', value: '[not](https://example.com) a link' }]],
    // A single `*` closer must not touch another `*`, so nothing here closes: all literal.
    ['\\**bold?**', [{ type: 'text', value: '**bold?**' }]],
    [
      'a \\\\*b*',
      [
        { type: 'text', value: 'a \\' },
        { type: 'em', children: [{ type: 'text', value: 'b' }] },
      ],
    ],
    ['*a\\*', [{ type: 'text', value: '*a*' }]],
    ['**x\\**', [{ type: 'text', value: '**x**' }]],
    ['C:\\Users\\desk and 1\\2 stay', [{ type: 'text', value: 'C:\\Users\\desk and 1\\2 stay' }]],
    ['*em \\* inside*', [{ type: 'em', children: [{ type: 'text', value: 'em * inside' }] }]],
  ])('reads the escapes in %j', (text, nodes) => {
    expect(parseInline(text)).toEqual(nodes);
  });

  it('renders escaped markers as typed, in html and text', async () => {
    const renderer = await createRenderer();
    const result = renderer.render({
      title: 'T',
      stories: [{ headline: 'H', lede: 'Say \\*this\\* **now**' }],
    });
    expect(result.html).toContain('Say *this* <strong>now</strong>');
    expect(result.text).toContain('Say *this* now');
  });

  it('keeps every character of hostile runs as text', () => {
    for (const unit of ['**a ', '[', '*|', '_', '<', '[a](', '*a ', '_a ', '\\']) {
      const text = unit.repeat(2_000);
      const plain = inlinePlain(parseInline(text));
      expect(plain.length).toBeGreaterThan(0);
      if (unit !== '\\' && unit !== '*|' && unit !== '_') expect(plain).toBe(text);
    }
  });
});
