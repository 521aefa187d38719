/** The editor's source pane, without a browser: JSON ranges, error lines, the forced colour scheme. */
import { describe, expect, it } from 'vitest';
import { BriefingValidationError, createRenderer, NewsbriefError } from '../src/index.js';
import { previewDocument } from '../src/preview/frame.js';
import { maxJsonDepth, scanJson, tooDeepAt } from '../src/preview/json-source.js';
import { lineColumn, readSource, sourceProblem } from '../src/preview/source.js';
import { parseDocument } from './support/fidelity.js';

/** The text of each field's range. */
function fields(text: string): Record<string, string> {
  const ranges = scanJson(text);
  if ('errorAt' in ranges) throw new Error(`syntax error at ${ranges.errorAt}`);
  return Object.fromEntries([...ranges].map(([path, { start, end }]) => [path, text.slice(start, end)]));
}

describe('scanJson', () => {
  it('maps every field path to its value (a string without its quotes)', () => {
    const text =
      '{ "title": "A \\"quoted\\" \\u00e9", "stories": [ { "headline": "Hi", "n": -1.5e3, "x": [true, null] } ], "e": {} }';
    expect(fields(text)).toEqual({
      title: 'A \\"quoted\\" \\u00e9',
      'stories[0].headline': 'Hi',
      'stories[0].n': '-1.5e3',
      'stories[0].x[0]': 'true',
      'stories[0].x[1]': 'null',
      'stories[0].x': '[true, null]',
      'stories[0]': '{ "headline": "Hi", "n": -1.5e3, "x": [true, null] }',
      stories: '[ { "headline": "Hi", "n": -1.5e3, "x": [true, null] } ]',
      e: '{}',
      '': text,
    });
  });

  it.each([
    ['{"a": [1,}', 9],
    ['{"a": "x\n"}', 8],
    ['[1] x', 4],
    ['{"a" 1}', 5],
    ['{"a": tru}', 6],
    ['{"a": "\\q"}', 7],
    ['{"a": 1', 7],
  ])('finds where %j stops being JSON', (text, offset) => {
    expect(scanJson(text)).toEqual({ errorAt: offset });
    expect(() => JSON.parse(text)).toThrow();
  });
});

describe('JSON nested too deep', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('scanJson stops at the bracket that opens one level too many, at any depth', () => {
    expect(scanJson(deep(maxJsonDepth))).toBeInstanceOf(Map);
    expect(scanJson(deep(maxJsonDepth + 1))).toEqual({ errorAt: maxJsonDepth, tooDeep: true });
    expect(scanJson(deep(100_000))).toEqual({ errorAt: maxJsonDepth, tooDeep: true });
    expect(scanJson('{"a":'.repeat(100_000))).toEqual({ errorAt: 5 * maxJsonDepth, tooDeep: true });
  });

  it('tooDeepAt counts brackets outside strings only', () => {
    expect(tooDeepAt(deep(100_000))).toBe(maxJsonDepth);
    expect(tooDeepAt(deep(maxJsonDepth))).toBeUndefined();
    expect(tooDeepAt(`{"a": "${'[{'.repeat(1000)}\\"${'['.repeat(1000)}"}`)).toBeUndefined();
  });

  it.each([
    ['100,000 unclosed [', '['.repeat(100_000), 1, maxJsonDepth + 1],
    ['100,000 closed [ ]', deep(100_000), 1, maxJsonDepth + 1],
    [
      'a story field, on line 4',
      `{\n  "title": "T",\n  "stories": [\n    { "headline": "H", "lede": ${deep(100_000)} }\n  ]\n}`,
      4,
      // The lede's first "[" is at column 32 and opens level 4: level 101 opens 97 columns on.
      32 + maxJsonDepth - 3,
    ],
  ])('the editor says so with the line and column: %s', (_name, text, line, column) => {
    let error: unknown;
    try {
      readSource(text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(NewsbriefError);
    const found = sourceProblem(error as NewsbriefError, text, undefined);
    expect(found.message).toBe(
      `Line ${line}, column ${column}: JSON nested deeper than ${maxJsonDepth} levels (a briefing nests 8 at most)`,
    );
    expect(found.range && lineColumn(text, found.range.start)).toEqual({ line, column });
  });

  it('a brief nested as deep as the format goes still reads', () => {
    const text = JSON.stringify({
      title: 'T',
      stories: [{ headline: 'H', sections: [{ body: [{ bullets: ['[[[[[[[[[[[[[[[[[[[[[[['] }] }] }],
    });
    expect(readSource(text).locate('stories[0].sections[0].body[0].bullets[0]')).toBeDefined();
  });
});

describe('source problems', () => {
  const problem = async (text: string) => {
    const renderer = await createRenderer();
    let read: ReturnType<typeof readSource> | undefined;
    try {
      read = readSource(text);
      renderer.render(read.data as never);
    } catch (error) {
      if (!(error instanceof NewsbriefError)) throw error;
      const found = sourceProblem(error, text, read);
      return { ...found, at: found.range && lineColumn(text, found.range.start), error };
    }
    throw new Error('expected a problem');
  };

  it('invalid JSON: the line and column where it breaks', async () => {
    const found = await problem('{\n  "title": "T"\n  "stories": []\n}');
    expect(found.message).toMatch(/^Line 3, column 3: not valid JSON: /);
    expect(found.at).toEqual({ line: 3, column: 3 });
  });

  it('a validation issue: its path, on the line of the field (or of its nearest written ancestor)', async () => {
    const empty = await problem('{\n  "title": "T",\n  "stories": [\n    { "headline": "" }\n  ]\n}');
    expect(empty.error).toBeInstanceOf(BriefingValidationError);
    expect(empty.message).toMatch(/^Line 4, column 20: Invalid briefing.*stories\[0\]\.headline/s);
    const missing = await problem(
      '{\n  "title": "T",\n  "stories": [\n    { "lede": "No headline." }\n  ]\n}',
    );
    expect(missing.message).toContain('stories[0].headline');
    expect(missing.at).toEqual({ line: 4, column: 5 });
  });

  it('a validation issue in Markdown: the line of the field, from the parser positions', async () => {
    const text = '---\ntitle: Morning\n---\n# Headline\n\nA lede with [a link](javascript:alert(1)).\n';
    const found = await problem(text);
    expect(found.message).toMatch(/^Line 6, column 1: .*stories\[0\]\.lede/s);
    expect(found.range && text.slice(found.range.start, found.range.end)).toBe(
      'A lede with [a link](javascript:alert(1)).',
    );
  });

  it('authoring text the parser rejects: the line it names', async () => {
    const text = '---\ntitle: [unclosed\n---\n# Headline\n\nLede.';
    const found = await problem(text);
    expect(found.message).toMatch(/^Line \d+: /);
    expect(found.at?.line).toBe(Number(/^Line (\d+)/.exec(found.message)?.[1]));
  });
});

describe('previewDocument', () => {
  const html =
    '<html><head><meta name="color-scheme" content="light dark"><style>:root{color-scheme:light dark}@media (prefers-color-scheme:dark){.a{color:#fff}}@media screen and (prefers-color-scheme: light){.b{color:#000}}</style></head><body></body></html>';

  it('forces dark: dark queries always match, light ones never, color-scheme pinned', () => {
    expect(previewDocument(html, 'dark')).toBe(
      '<html><head><base target="_blank"><meta name="color-scheme" content="dark"><style>:root{color-scheme:dark}@media (min-width:0px){.a{color:#fff}}@media screen and (max-width:-1px){.b{color:#000}}</style></head><body></body></html>',
    );
  });

  it('forces light the other way round', () => {
    expect(previewDocument(html, 'light')).toContain(
      'content="light"><style>:root{color-scheme:light}@media (max-width:-1px){.a{color:#fff}}@media screen and (min-width:0px)',
    );
  });

  /** What a reader sees of a document: its text outside style sheets, and every attribute but CSS. */
  function storyOf(html: string): { text: string; attributes: string[] } {
    const document = parseDocument(html);
    // The <base target="_blank"> the preview adds is the one other change it makes.
    for (const element of document.querySelectorAll('style, base')) element.remove();
    const attributes = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes]
        .filter(
          (attribute) =>
            attribute.name !== 'style' && !(element.localName === 'meta' && attribute.name === 'content'),
        )
        .map((attribute) => `${element.localName} ${attribute.name}=${attribute.value}`),
    );
    return { text: `${document.title}|${document.documentElement.textContent}`, attributes };
  }

  it('touches CSS only: story text that quotes a media query or color-scheme shows as written', async () => {
    const words = 'Mail apps read (prefers-color-scheme: dark) and color-scheme: light dark to pick colours.';
    const result = (await createRenderer()).render({
      title: 'Dark mode (prefers-color-scheme: light)',
      stories: [
        {
          headline: 'What color-scheme: light dark means',
          lede: `${words} See [(prefers-color-scheme:dark)](https://example.com/css?q=(prefers-color-scheme:dark)).`,
          whyItMatters: '`@media (prefers-color-scheme: light) { color-scheme: light dark }` is CSS.',
          image: { src: 'https://example.com/dark.png', alt: words, width: 600, height: 300 },
        },
      ],
    });
    expect(result.html).toContain('(prefers-color-scheme: dark) and color-scheme: light dark');
    for (const scheme of ['dark', 'light'] as const) {
      const shown = previewDocument(result.html, scheme);
      expect(storyOf(shown)).toEqual(storyOf(result.html));
      // The email's own CSS is still forced to the scheme.
      const document = parseDocument(shown);
      const sheets = [...document.querySelectorAll('style')].map((sheet) => sheet.textContent).join('\n');
      // The email's dark block: on for dark, off for light.
      expect(sheets).toContain(
        `@media ${scheme === 'dark' ? '(min-width:0px)' : '(max-width:-1px)'}{.nb-body`,
      );
      expect(sheets).not.toMatch(/prefers-color-scheme|light dark/);
      expect(
        [...document.querySelectorAll('meta[name$="color-scheme"], meta[name$="color-schemes"]')].map(
          (meta) => meta.getAttribute('content'),
        ),
      ).toEqual([scheme, scheme]);
    }
  });

  it('rewrites style attributes and color-scheme meta tags only: other attributes and comments stay', () => {
    const html = `<html><head><!--[if mso]><style>@media (prefers-color-scheme:dark){x{}}</style><![endif]--></head><body><div title="a > (prefers-color-scheme: dark)" style="color-scheme: light dark">color-scheme: light dark</div><img alt="x style='color-scheme: light dark'" STYLE='color-scheme:light dark'><meta content="light dark" name=color-scheme></body></html>`;
    expect(previewDocument(html, 'dark')).toBe(
      `<html><head><base target="_blank"><!--[if mso]><style>@media (prefers-color-scheme:dark){x{}}</style><![endif]--></head><body><div title="a > (prefers-color-scheme: dark)" style="color-scheme: dark">color-scheme: light dark</div><img alt="x style='color-scheme: light dark'" STYLE='color-scheme:dark'><meta content="dark" name=color-scheme></body></html>`,
    );
  });
});
