import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { briefingJsonSchemaFile, briefingJsonSchemaSource } from '../src/json-schema-source.js';
import { generateDefaultPartials, generateDefaultTemplates } from '../src/node/default-templates-source.js';

it.each([
  ['src/render/generated/templates.ts', generateDefaultTemplates],
  ['src/node/generated/partials.ts', generateDefaultPartials],
  ['src/generated/briefing-schema.ts', briefingJsonSchemaSource],
  ['schema/briefing.schema.json', briefingJsonSchemaFile],
])('%s is up to date (run `npm run generate`)', async (path, generate) => {
  const committed = await readFile(new URL(`../${path}`, import.meta.url), 'utf8');
  expect(committed === (await generate())).toBe(true);
});
