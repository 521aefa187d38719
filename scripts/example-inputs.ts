/** Finds and loads the example briefings in examples/: shared by `npm run examples` and the snapshot tests. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Briefing, parseBriefing, type RenderOptions } from '../src/index.js';

export const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

export interface Example {
  /** File name without extension, e.g. `morning-edition`. */
  name: string;
  input: Briefing;
  options: RenderOptions;
}

/** Every example: `*.json` briefings, `*.md` / `*.txt` authoring sources parsed with parseBriefing. */
export async function loadExamples(): Promise<Example[]> {
  const files = (await readdir(examplesDir))
    .filter((file) => /\.(json|md|txt)$/.test(file) && !file.endsWith('.options.json'))
    .sort();
  const examples: Example[] = [];
  for (const file of files) {
    const name = basename(file, extname(file));
    const source = await readFile(join(examplesDir, file), 'utf8');
    const input = extname(file) === '.json' ? (JSON.parse(source) as Briefing) : parseBriefing(source);
    examples.push({ name, input, options: await loadOptions(name) });
  }
  return examples;
}

/** A sibling `<name>.options.json` holds RenderOptions; a `templates` folder is relative to examples/. */
async function loadOptions(name: string): Promise<RenderOptions> {
  const file = join(examplesDir, `${name}.options.json`);
  if (!existsSync(file)) return {};
  const options = JSON.parse(await readFile(file, 'utf8')) as RenderOptions;
  if (typeof options.templates === 'string') options.templates = resolve(examplesDir, options.templates);
  return options;
}
