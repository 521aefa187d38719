/**
 * Build step (`npm run generate`, part of `npm run build`):
 * - compiles templates/ (MJML + Handlebars, juice inlining) and precompiles the result to a
 *   Handlebars template spec in src/render/generated/, so rendering with the default templates
 *   loads neither mjml nor juice nor the Handlebars compiler; templates/web/ (the web page) the
 *   same way, to src/web/generated/;
 * - writes the JSON Schema of the briefing format to src/generated/ (the `briefingJsonSchema`
 *   export) and to schema/briefing.schema.json (the package's `newsbrief/schema.json`), converted
 *   from the validator.
 *
 * `test/generated.test.ts` fails when either output is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { editionSetJsonSchemaFile, editionSetJsonSchemaSource } from '../src/editions/json-schema-source.js';
import { briefingJsonSchemaFile, briefingJsonSchemaSource } from '../src/json-schema-source.js';
import { generateDefaultPartials, generateDefaultTemplates } from '../src/node/default-templates-source.js';
import { generateWebPageSource } from '../src/node/web-page-source.js';

const outputs: [string, () => Promise<string> | string][] = [
  ['../src/render/generated/templates.ts', generateDefaultTemplates],
  ['../src/node/generated/partials.ts', generateDefaultPartials],
  ['../src/web/generated/page.ts', generateWebPageSource],
  ['../src/generated/briefing-schema.ts', briefingJsonSchemaSource],
  ['../schema/briefing.schema.json', briefingJsonSchemaFile],
  ['../src/generated/edition-set-schema.ts', editionSetJsonSchemaSource],
  ['../schema/edition-set.schema.json', editionSetJsonSchemaFile],
];
for (const [path, generate] of outputs) {
  const target = fileURLToPath(new URL(path, import.meta.url));
  await writeFile(target, await generate());
  console.log(`wrote ${target}`);
}
