/** Reads a briefing from a file or stdin: JSON, Markdown or plain text, told apart by extension or content. */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NewsbriefError } from '../errors.js';
import { looksLikeJson, parseBriefing } from '../parse/index.js';
import type { SourcePositions } from '../parse/positions.js';
import type { RenderOptions } from '../render/renderer.js';
import { isCompiledTemplates, type TemplatesOption } from '../render/templates.js';
import type { Theme } from '../render/theme.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of `file`, or of stdin for `-`. */
export async function readSource(file: string): Promise<string> {
  if (file === '-') return readStdin();
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new NewsbriefError(
      `Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
}

/** Loads `file` (`-` for stdin) as unvalidated briefing data; the renderer validates it. */
export async function readBriefingInput(file: string): Promise<unknown> {
  return (await readBriefingSource(file)).input;
}

/**
 * Loads `file` like `readBriefingInput`; a Markdown or plain-text file also gives where each part
 * was written, so findings can point at `file:line:col`.
 */
export async function readBriefingSource(
  file: string,
): Promise<{ input: unknown; positions?: SourcePositions }> {
  const source = await readSource(file);
  const isJson = file === '-' ? looksLikeJson(source) : extname(file).toLowerCase() === '.json';
  if (!isJson) {
    const { briefing, positions } = parseBriefing(source, { positions: true });
    return { input: briefing, positions };
  }
  try {
    return { input: JSON.parse(source) as unknown };
  } catch (error) {
    throw new NewsbriefError(
      `${file === '-' ? 'stdin' : file} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

/** Reads a JSON options file such as `--theme theme.json`. */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  const source = await readFile(file, 'utf8').catch(() => {
    throw new NewsbriefError(`Cannot read ${what} file ${file}.`);
  });
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new NewsbriefError(`${what} file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The render options every rendering command takes: `--theme`, `--templates`, `--no-minify`. */
export interface RendererFlags {
  theme?: string;
  templates?: string;
  minify?: boolean;
}

/** Turns the command-line flags into `RenderOptions` (reading the theme file). */
export async function rendererOptions(flags: RendererFlags): Promise<RenderOptions> {
  const theme = flags.theme ? ((await readJsonFile(flags.theme, 'Theme')) as Theme) : undefined;
  return {
    theme,
    templates: flags.templates && (await templatesOption(flags.templates)),
    minify: flags.minify,
  };
}

/** True when `--templates` names a module from `newsbrief build-templates`, not a folder. */
export function isTemplatesModulePath(path: string): boolean {
  return /\.(c|m)?js$/.test(path);
}

/** `--templates`: a folder of partials, or a module written by `newsbrief build-templates`. */
async function templatesOption(path: string): Promise<TemplatesOption> {
  if (!isTemplatesModulePath(path)) return path;
  const module = (await import(pathToFileURL(resolve(path)).href).catch((error: Error) => {
    throw new NewsbriefError(`Cannot load the templates module ${path}: ${error.message}`);
  })) as { default?: unknown };
  if (!isCompiledTemplates(module.default)) {
    throw new NewsbriefError(
      `--templates ${path}: expected a module written by \`newsbrief build-templates\`, found one without that default export.`,
    );
  }
  return module.default;
}
