/** `newsbrief site <folder> -o public/ --base-url https://…`: the web archive of a folder of editions. */
import { buildSite } from '../node/site.js';
import { loadConfig } from './config.js';
import { configured } from './configured.js';
import { CommandError } from './failure.js';
import { type RendererFlags, rendererOptions } from './input.js';
import { printError } from './terminal.js';

export interface SiteCommandOptions extends RendererFlags {
  output: string;
  baseUrl?: string;
  siteName?: string;
  perPage?: number;
  feedSize?: number;
}

export async function siteCommand(folder: string, options: SiteCommandOptions): Promise<number> {
  const baseUrl = options.baseUrl ?? process.env.NEWSBRIEF_BASE_URL;
  if (!baseUrl) {
    throw new CommandError(
      'newsbrief',
      "--base-url is required: the archive's public address, such as https://news.example.com/briefs/",
    );
  }
  const loaded = await loadConfig(options.config);
  const render = await configured(loaded, () => rendererOptions(options, loaded));
  const result = await configured(loaded, () =>
    buildSite(folder, options.output, {
      baseUrl,
      siteName: options.siteName,
      perPage: options.perPage,
      feedSize: options.feedSize,
      render,
    }),
  );
  printError(
    `Built ${result.editions} edition${result.editions === 1 ? '' : 's'} into ${options.output}: ${result.written.length} file${result.written.length === 1 ? '' : 's'} written, ${result.unchanged} unchanged\n`,
  );
  return 0;
}
