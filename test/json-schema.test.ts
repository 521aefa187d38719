import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../scripts/example-inputs.js';
import { briefingJsonSchema } from '../src/index.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(briefingJsonSchema);
const examples = await loadExamples();

describe('briefingJsonSchema', () => {
  it('is a draft 2020-12 schema', () => {
    expect(briefingJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(examples)('accepts example $name', ({ input }) => {
    expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a story alone', () => {
    expect(validate({ headline: 'Alone', flashback: ['a', 'b'], whatsNext: { text: 'x' } })).toBe(true);
  });

  it('accepts ordered section bodies and sections without a label', () => {
    const story = {
      headline: 'H',
      whatsNext: { body: [{ paragraph: 'a' }, { numbered: ['b', 'c'] }] },
      sections: [
        { body: [{ bullets: ['x'] }] },
        { label: 'L', body: [{ paragraph: 'p' }, { bullets: ['y'] }] },
      ],
    };
    expect(validate(story), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['no stories', { title: 'T' }],
    ['headline not a string', { title: 'T', stories: [{ headline: 5 }] }],
    ['unknown dir', { title: 'T', dir: 'up', stories: [{ headline: 'H' }] }],
    ['image without alt', { headline: 'H', image: { src: 'https://example.com/a.png' } }],
    ['bullets not strings', { headline: 'H', sections: [{ label: 'L', bullets: [1] }] }],
    [
      'a body block of two kinds',
      { headline: 'H', sections: [{ body: [{ paragraph: 'a', bullets: ['b'] }] }] },
    ],
    ['a body block of no kind', { headline: 'H', sections: [{ body: [{}] }] }],
    ['body with text', { headline: 'H', sections: [{ text: 'a', body: [{ paragraph: 'b' }] }] }],
    ['numbered items not strings', { headline: 'H', sections: [{ body: [{ numbered: [1] }] }] }],
  ])('rejects %s', (_name, input) => {
    expect(validate(input)).toBe(false);
  });
});

describe('the shipped schema file', () => {
  it('$id is the package export that resolves to the same schema', async () => {
    const { createRequire } = await import('node:module');
    const { readFile } = await import('node:fs/promises');
    expect(briefingJsonSchema.$id).toBe('newsbrief/schema.json');
    // A package may import itself by name through its own `exports`: what a consumer resolves.
    const file = createRequire(import.meta.url).resolve(briefingJsonSchema.$id as string);
    expect(file).toMatch(/schema[\\/]briefing\.schema\.json$/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(briefingJsonSchema);
    const { files } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect(files).toContain('schema');
  });

  it('refuses unknown fields, as validateBriefing does, but allows a top-level $schema', () => {
    expect(validate({ headline: 'H', why_it_matters: 'x' })).toBe(false);
    expect(validate({ title: 'T', stories: [{ headline: 'H', sorce: { url: 'https://x.org' } }] })).toBe(
      false,
    );
    expect(validate({ $schema: 'newsbrief/schema.json', title: 'T', stories: [{ headline: 'H' }] })).toBe(
      true,
    );
  });
});
