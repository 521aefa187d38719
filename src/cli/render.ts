/** `newsbrief render`: one briefing → html (and optionally text) files or stdout. */
import { writeFile } from 'node:fs/promises';
import type { Briefing } from '../model.js';
import { createRenderer } from '../node/index.js';
import { formatWarning } from './format.js';
import { type RendererFlags, readBriefingInput, rendererOptions } from './input.js';

export interface RenderCommandOptions extends RendererFlags {
  output?: string;
  text?: string;
}

export async function renderCommand(file: string, options: RenderCommandOptions): Promise<number> {
  const input = (await readBriefingInput(file)) as Briefing;
  const renderer = await createRenderer(await rendererOptions(options));
  const result = renderer.render(input);
  for (const warning of result.warnings) process.stderr.write(`${formatWarning(file, warning)}\n`);
  if (options.output) await writeFile(options.output, result.html);
  else process.stdout.write(result.html);
  if (options.text) await writeFile(options.text, result.text);
  if (options.output) {
    process.stderr.write(
      `Wrote ${options.output} (${result.stats.htmlBytes} bytes, ${result.stats.words} words, ${result.stats.readingMinutes} min)${options.text ? ` and ${options.text}` : ''}\n`,
    );
  }
  return 0;
}
