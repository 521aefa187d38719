/**
 * `npm run examples`: renders every example briefing in examples/ (JSON, Markdown or plain text)
 * to examples/out/<name>.html and .txt. A sibling `<name>.options.json` holds RenderOptions.
 * Then the editor page, examples/browser/index.html, into examples/out/browser/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRenderer } from '../src/node/index.js';
import { buildBrowserExample } from './browser-example.js';
import { examplesDir, loadExamples } from './example-inputs.js';

const outDir = join(examplesDir, 'out');
await mkdir(outDir, { recursive: true });
for (const { name, input, options } of await loadExamples()) {
  const result = (await createRenderer(options)).render(input);
  await writeFile(join(outDir, `${name}.html`), result.html);
  await writeFile(join(outDir, `${name}.txt`), result.text);
  const count = result.warnings.length;
  const warnings = count ? `, ${count} ${count === 1 ? 'warning' : 'warnings'}` : '';
  console.log(
    `examples/out/${name}.html  ${result.stats.htmlBytes} bytes, ${result.stats.words} words${warnings}`,
  );
}
const scriptBytes = await buildBrowserExample(join(outDir, 'browser'));
console.log(`examples/out/browser/index.html  the editor page (newsbrief-editor.js: ${scriptBytes} bytes)`);
console.log('\nOpen the .html files in a browser to preview; the .txt files are the plain-text parts.');
