import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { editionSetJsonSchemaFile, editionSetJsonSchemaSource } from '../src/editions/json-schema-source.js';
import { editionSetJsonSchema } from '../src/index.js';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(editionSetJsonSchema);
const example = async () =>
  JSON.parse(await readFile(new URL('../examples/editions/city-editions.json', import.meta.url), 'utf8'));

it('accepts the example edition set', async () => {
  expect(validate(await example()), JSON.stringify(validate.errors)).toBe(true);
});

it('refuses unknown keys, stories in defaults and a pool story without id', async () => {
  const set = await example();
  expect(validate({ ...set, edition: [] })).toBe(false);
  expect(validate({ ...set, defaults: { ...set.defaults, stories: [] } })).toBe(false);
  expect(validate({ ...set, stories: [{ headline: 'No id' }] })).toBe(false);
  expect(
    validate({ ...set, editions: [{ ...set.editions[0], options: { theme: {}, minify: false } }] }),
  ).toBe(false);
});

it.each([
  ['src/generated/edition-set-schema.ts', editionSetJsonSchemaSource],
  ['schema/edition-set.schema.json', editionSetJsonSchemaFile],
])('%s is up to date (run `npm run generate`)', async (path, generate) => {
  const committed = await readFile(new URL(`../${path}`, import.meta.url), 'utf8');
  expect(committed === generate()).toBe(true);
});
