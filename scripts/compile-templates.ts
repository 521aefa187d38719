/**
 * Build step: compiles templates/ (MJML + Handlebars) with juice inlining and precompiles the
 * result to a Handlebars template spec, written to src/render/generated/. Rendering with the
 * default templates then loads neither mjml nor juice nor the Handlebars compiler.
 *
 * Run by `npm run build`; `test/generated.test.ts` fails when the output is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateDefaultTemplates } from '../src/render/default-templates-source.js';

const target = fileURLToPath(new URL('../src/render/generated/templates.ts', import.meta.url));
await writeFile(target, await generateDefaultTemplates());
console.log(`wrote ${target}`);
