/** Reads a briefing from a file or stdin: JSON, Markdown or plain text, told apart by extension or content. */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BriefingValidationError, NewsbriefError } from '../errors.js';
import { looksLikeJson, parseBriefing } from '../parse/index.js';
import { positionAt, type SourcePositions } from '../parse/positions.js';
import type { RenderOptions } from '../render/renderer.js';
import { isCompiledTemplates, type TemplatesOption } from '../render/templates.js';
import { resolveTheme, type Theme } from '../render/theme.js';
import type { LoadedConfig } from './config.js';
import { CommandError, fileFailure, onFile, type Place, where } from './failure.js';
import { parseJsonText } from './json-text.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** How a file is named in messages: stdin is `<stdin>`. */
export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

/** The text of `file`, or of stdin for `-`, without a leading UTF-8 byte order mark. */
export async function readSource(file: string): Promise<string> {
  const text = file === '-' ? await readStdin() : await onFile(file, () => readFile(file, 'utf8'));
  return text.replace(/^\uFEFF/, '');
}

/** A briefing read from a file, not yet validated, and where its fields are written. */
export interface BriefingSource {
  /** The file as given (`-` for stdin). */
  file: string;
  input: unknown;
  /** Positions of a Markdown or plain-text source, by briefing path. */
  positions?: SourcePositions;
  /** The line and column of the field at `path` (JSON and authoring text alike). */
  locate(path: string): Place | undefined;
}

/** Loads `file` (`-` for stdin) as unvalidated briefing data; the renderer validates it. */
export async function readBriefingInput(file: string): Promise<unknown> {
  return (await readBriefingSource(file)).input;
}

/**
 * Loads `file` like `readBriefingInput`, with where each part was written, so findings and
 * validation issues can point at `file:line:col`. A syntax or parse error is a `CommandError`
 * at its line.
 */
export async function readBriefingSource(file: string): Promise<BriefingSource> {
  const source = await readSource(file);
  const name = displayName(file);
  const isJson = file === '-' ? looksLikeJson(source) : extname(file).toLowerCase() === '.json';
  if (isJson) {
    const { data, locate } = parseJsonText(source, name);
    return { file, input: data, locate };
  }
  try {
    const { briefing, positions } = parseBriefing(source, { positions: true });
    return { file, input: briefing, positions, locate: (path) => positionAt(positions, path) };
  } catch (error) {
    if (error instanceof NewsbriefError) throw fileFailure(name, error);
    throw error;
  }
}

/** Runs `work` on a read briefing; its validation issues come out at their lines in the file. */
export function withinSource<T>(source: BriefingSource, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof NewsbriefError) throw fileFailure(displayName(source.file), error, source.locate);
    throw error;
  }
}

/** Keys of render options: a file holding these is an options or config file, not a theme. */
const optionKeys = ['theme', 'templates', 'linkParams', 'labels', 'toc', 'lint', 'limits', 'minify'];

/**
 * Reads and checks `--theme <file>`: a JSON file of theme tokens. A theme name (`--theme dark`)
 * or an options file passed as a theme is refused, saying what the flag expects.
 */
export async function readThemeFile(file: string): Promise<Theme> {
  if (!/\.json$/i.test(file)) {
    throw new CommandError(
      file,
      '--theme expects a JSON file of theme tokens, such as theme.json holding {"brandColor": "#c8102e"}; there are no named themes',
    );
  }
  const { data, locate } = parseJsonText(await readSource(file), file);
  const options = typeof data === 'object' && data !== null ? optionKeys.filter((key) => key in data) : [];
  if (options.length > 0) {
    throw new CommandError(
      file,
      `this is an options file (it sets ${options.map((key) => `"${key}"`).join(', ')}), not a theme; pass it as --config ${file}, or pass only its theme tokens to --theme`,
    );
  }
  try {
    resolveTheme(data as Theme);
  } catch (error) {
    if (!(error instanceof BriefingValidationError)) throw error;
    // Issues name `theme.brandColor`; in the theme file itself the field is `brandColor`.
    throw new CommandError(
      error.issues.map((issue) => {
        const path = issue.path.replace(/^theme\.?/, '');
        return {
          at: where(file, locate(path)),
          message: `theme file: ${path || '(root)'}: ${issue.message}`,
        };
      }),
    );
  }
  return data as Theme;
}

/** The render options every rendering command takes: `--theme`, `--templates`, `--no-minify`. */
export interface RendererFlags {
  theme?: string;
  templates?: string;
  minify?: boolean;
  /** `--link-param name=value`, repeatable. */
  linkParam?: Record<string, string>;
  /** `--toc`: a table of contents in editions of 4 stories or more. */
  toc?: boolean;
  /** `--config <file>`. */
  config?: string;
}

/**
 * Turns the config file and the command-line flags (which win) into `RenderOptions`, reading the
 * theme file. Link parameters from both are merged, the flag's winning per name.
 */
export async function rendererOptions(flags: RendererFlags, loaded?: LoadedConfig): Promise<RenderOptions> {
  const config = loaded?.config ?? {};
  const themeFile = flags.theme ?? (typeof config.theme === 'string' ? config.theme : undefined);
  const theme =
    themeFile !== undefined ? await readThemeFile(themeFile) : (config.theme as Theme | undefined);
  const templates = flags.templates ?? config.templates;
  const linkParams =
    config.linkParams || flags.linkParam ? { ...config.linkParams, ...flags.linkParam } : undefined;
  return {
    theme,
    templates: templates && (await templatesOption(templates)),
    // `--no-minify` sets false; commander's default `true` must not hide the config's `false`.
    minify: flags.minify === false ? false : (config.minify ?? flags.minify),
    linkParams,
    labels: config.labels,
    toc: flags.toc ?? config.toc,
    lint: config.lint,
    limits: config.limits,
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
    throw new CommandError(path, `cannot load the templates module: ${error.message.split('\n')[0]}`);
  })) as { default?: unknown };
  if (!isCompiledTemplates(module.default)) {
    throw new CommandError(
      path,
      '--templates expected a module written by `newsbrief build-templates`, found one without that default export',
    );
  }
  return module.default;
}
