/**
 * `npm run examples`: renders every example briefing in examples/ (JSON, Markdown or plain text)
 * to examples/out/<name>.html and .txt. A sibling `<name>.options.json` holds RenderOptions for
 * that example (a `templates` folder path is resolved relative to examples/).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Briefing, createRenderer, parseBriefing, type RenderOptions } from '../src/index.js';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const outDir = join(examplesDir, 'out');

async function loadInput(file: string): Promise<Briefing> {
  const source = await readFile(join(examplesDir, file), 'utf8');
  return extname(file) === '.json' ? (JSON.parse(source) as Briefing) : parseBriefing(source);
}

async function loadOptions(name: string): Promise<RenderOptions> {
  const file = join(examplesDir, `${name}.options.json`);
  if (!existsSync(file)) return {};
  const options = JSON.parse(await readFile(file, 'utf8')) as RenderOptions;
  if (typeof options.templates === 'string') options.templates = resolve(examplesDir, options.templates);
  return options;
}

const files = (await readdir(examplesDir))
  .filter((file) => /\.(json|md|txt)$/.test(file) && !file.endsWith('.options.json'))
  .sort();
await mkdir(outDir, { recursive: true });
for (const file of files) {
  const name = basename(file, extname(file));
  const renderer = await createRenderer(await loadOptions(name));
  const result = renderer.render(await loadInput(file));
  await writeFile(join(outDir, `${name}.html`), result.html);
  await writeFile(join(outDir, `${name}.txt`), result.text);
  const warnings = result.warnings.length ? `, ${result.warnings.length} warnings` : '';
  console.log(
    `${join('examples/out', `${name}.html`)}  ${result.stats.htmlBytes} bytes, ${result.stats.words} words${warnings}`,
  );
}
console.log(`\nOpen the .html files in a browser to preview; .txt files are the plain-text parts.`);
