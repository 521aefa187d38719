/**
 * Deeply nested input is an issue, never a stack overflow: the library's validate, render and lint
 * paths on objects built in code, and the CLI reading a JSON file of 100,000 nested brackets.
 * (The editor's JSON source has its own nesting limit: test/preview-source.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BriefingValidationError, createRenderer, lintBriefing, validateBriefing } from '../src/index.js';

const depth = 100_000;

/** `depth` arrays (or objects) around a string, built in a loop. */
function nested(kind: 'array' | 'object'): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { inner: value };
  return value;
}

/** Briefings that hold the nested value where a field, a story, a block or an unknown key goes. */
function placements(deep: unknown): [string, unknown][] {
  return [
    ['as the briefing', deep],
    ['as stories', { title: 'T', stories: deep }],
    ['as a story', { title: 'T', stories: [deep] }],
    ['as a headline', { title: 'T', stories: [{ headline: deep }] }],
    ['as a section body', { title: 'T', stories: [{ headline: 'H', sections: [{ body: deep }] }] }],
    ['as a block', { title: 'T', stories: [{ headline: 'H', sections: [{ body: [deep] }] }] }],
    ['as bullets', { title: 'T', stories: [{ headline: 'H', whatsNext: { bullets: deep } }] }],
    ['as footer text', { title: 'T', stories: [{ headline: 'H' }], footer: { text: deep } }],
    ['as a story alone', { headline: 'H', image: deep }],
  ];
}

describe.each(['array', 'object'] as const)('%s nested 100,000 levels deep', (kind) => {
  const cases = placements(nested(kind));

  it.each(cases)('validateBriefing: an issue, %s', (_where, input) => {
    const result = validateBriefing(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues[0]?.message).toMatch(/^(required: )?expected |^unknown field/);
  });

  it.each(cases)('render: a BriefingValidationError, %s', async (_where, input) => {
    const renderer = await createRenderer();
    expect(() => renderer.render(input as never)).toThrow(BriefingValidationError);
  });

  it('an unknown key that holds it is no overflow either: validate, render and lint', async () => {
    const input = { title: 'T', extra: nested(kind), stories: [{ headline: 'H', extra: nested(kind) }] };
    expect(() => validateBriefing(input)).not.toThrow(RangeError);
    const renderer = await createRenderer();
    try {
      renderer.render(input as never);
    } catch (error) {
      expect(error).toBeInstanceOf(BriefingValidationError);
    }
    expect(() => lintBriefing(input as never)).not.toThrow(RangeError);
  });
});

describe('the CLI reading a JSON file of 100,000 nested brackets', () => {
  const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
  const files = {
    closed: `${'['.repeat(depth)}${']'.repeat(depth)}`,
    unclosed: '['.repeat(depth),
    'inside a story': `{"title": "T", "stories": [{"headline": "H", "lede": ${'['.repeat(depth)}${']'.repeat(depth)}}]}`,
    'under an unknown key': `{"title": "T", "stories": [{"headline": "H"}], "x": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
  };

  it.each(Object.entries(files))(
    'render and lint: %s, a message and no stack overflow',
    async (name, text) => {
      const file = join(
        await mkdtemp(join(tmpdir(), 'newsbrief-nesting-')),
        `${name.replace(/ /g, '-')}.json`,
      );
      await writeFile(file, text);
      for (const args of [
        ['render', file, '-o', `${file}.html`],
        ['lint', file],
      ]) {
        const run = spawnSync('node', [cli, ...args], { encoding: 'utf8' });
        const output = run.stdout + run.stderr;
        expect(output).not.toMatch(/RangeError|call stack|\n\s+at /);
        if (name !== 'under an unknown key') {
          expect(run.status, `${args[0]} ${name}`).toBe(1);
          expect(output).toMatch(/not valid JSON|expected/);
        }
      }
    },
  );
});
