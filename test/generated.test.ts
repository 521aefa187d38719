import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { generateDefaultTemplates } from '../src/render/default-templates-source.js';

it('src/render/generated/templates.ts is up to date with templates/ (run `npm run templates`)', async () => {
  const committed = await readFile(new URL('../src/render/generated/templates.ts', import.meta.url), 'utf8');
  expect(committed === (await generateDefaultTemplates())).toBe(true);
});
