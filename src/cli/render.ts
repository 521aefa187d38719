/** `newsbrief render`: one briefing → html (and optionally text) files or stdout. */
import { createRenderer } from '../node/index.js';
import { loadConfig } from './config.js';
import { configured } from './configured.js';
import { formatWarning, placeWarning } from './format.js';
import {
  displayName,
  type RendererFlags,
  readBriefingSource,
  rendererOptions,
  withinSource,
} from './input.js';
import { writeOutput } from './output-file.js';
import { printDocument, printError } from './terminal.js';

export interface RenderCommandOptions extends RendererFlags {
  output?: string;
  text?: string;
}

export async function renderCommand(file: string, options: RenderCommandOptions): Promise<number> {
  const loaded = await loadConfig(options.config);
  const source = await readBriefingSource(file);
  const renderer = await configured(loaded, async () =>
    createRenderer(await rendererOptions(options, loaded)),
  );
  const result = withinSource(source, () => renderer.render(source.input as never));
  const name = displayName(file);
  for (const warning of result.warnings)
    printError(`${formatWarning(name, placeWarning(warning, source))}\n`);
  if (options.output) await writeOutput(options.output, result.html);
  else printDocument(result.html);
  if (options.text) await writeOutput(options.text, result.text);
  if (options.output) {
    printError(
      `Wrote ${options.output} (${result.stats.htmlBytes} bytes, ${result.stats.words} words, ${result.stats.readingMinutes} min)${options.text ? ` and ${options.text}` : ''}\n`,
    );
  }
  return 0;
}
