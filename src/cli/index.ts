#!/usr/bin/env node
/** The `newsbrief` command: render, lint, preview and schema. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { briefingJsonSchema } from '../schema.js';
import { buildTemplatesCommand } from './build-templates.js';
import { configNames, linkParamFlag } from './config.js';
import { failureLines } from './failure.js';
import { lintCommand } from './lint.js';
import { parseCommand } from './parse.js';
import { startPreview } from './preview.js';
import { renderCommand } from './render.js';
import { siteCommand } from './site.js';
import { print, printError, printJson, visible } from './terminal.js';
import { cliVersion } from './version.js';

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

/** `--port`: 0 (any free port) to 65535; Node would otherwise throw a RangeError with a stack. */
function port(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || parsed > 65535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one)');
  return parsed;
}

/** `--config <file>`, taken by every command that renders or lints. */
function configOption(command: Command): Command {
  return command.option(
    '--config <file>',
    `options file (${configNames.slice(0, 2).join(' or ')}); by default the one in the working folder`,
  );
}

/** `--format text|json`; commander refuses any other value, naming the choices. */
function formatOption(description: string): Option {
  return new Option('--format <format>', description).choices(['text', 'json']).default('text');
}

/** Adds the render options every rendering command takes (`RendererFlags`), after its own. */
function rendererFlags(command: Command): Command {
  return configOption(command)
    .option('--theme <file>', 'JSON file with theme tokens (brandColor, fontFamily, logoUrl, width, ...)')
    .option('--templates <path>', 'folder of template partials, or a module from build-templates')
    .option(
      '--link-param <name=value>',
      'query parameter added to every story link, e.g. utm_source=newsletter (repeatable)',
      linkParamFlag,
    )
    .option('--toc', 'a table of contents in editions of 4 stories or more')
    .option('--no-minify', 'keep the html readable instead of minified');
}

const program = new Command()
  .name('newsbrief')
  .description('Render, lint and preview Smart Brevity email briefings.')
  .version(cliVersion, '-V, --version', 'print the newsbrief version')
  // Usage errors are one line too; `--help` shows the rest.
  .configureOutput({
    outputError: (message, write) =>
      write(`${visible(message.trimEnd().replace(/\n+/g, ' '))} (see newsbrief --help)\n`),
  });

rendererFlags(
  program
    .command('render')
    .description('Render a briefing (.json, .md or .txt; - for stdin) to HTML email.')
    .argument('<file>', 'briefing file, or - for stdin')
    .option('-o, --output <file>', 'write the html here instead of stdout')
    .option('--text <file>', 'also write the plain-text part here'),
).action(async (file: string, options) => {
  process.exitCode = await renderCommand(file, options);
});

configOption(
  program
    .command('lint')
    .description('Check briefings against the Smart Brevity rules.')
    .argument('<files...>', 'briefing files (.json, .md, .txt), or folders of them'),
)
  .addOption(formatOption('output format'))
  .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', integer)
  .action(async (files: string[], options) => {
    process.exitCode = await lintCommand(files, options);
  });

program
  .command('parse')
  .description('Print the structure read from a .md or .txt paste: stories, labels, blocks, lines.')
  .argument('<file>', 'Markdown or plain-text file, or - for stdin')
  .addOption(formatOption('output format (json: briefing and positions)'))
  .action(async (file: string, options) => {
    process.exitCode = await parseCommand(file, options);
  });

rendererFlags(
  program
    .command('preview')
    .description(
      'Serve the editor preview of a briefing on 127.0.0.1; it reloads the source when the file changes.',
    )
    .argument('<file>', 'briefing file (.json, .md, .txt)')
    .option('-p, --port <n>', 'port to listen on, 0-65535 (0 picks a free one)', port, 4321),
).action(async (file: string, options) => {
  const preview = await startPreview(file, options.port, options);
  print(`Previewing ${file} at ${preview.url} (Ctrl+C to stop)\n`);
});

rendererFlags(
  program
    .command('site')
    .description(
      'Build the web archive of a folder of editions: a page per edition, paged index, RSS/Atom/JSON feeds, sitemap.xml.',
    )
    .argument('<folder>', 'folder of briefing files (.json, .md, .txt), each with a date')
    .requiredOption('-o, --output <dir>', 'folder to write the site into (unchanged files are not rewritten)')
    .option(
      '--base-url <url>',
      "the archive's public address, e.g. https://news.example.com/briefs/ (or NEWSBRIEF_BASE_URL)",
    )
    .option('--site-name <name>', "the site's name (default: the newest edition's title)")
    .option('--per-page <n>', 'editions per index page', integer, 20)
    .option('--feed-size <n>', 'editions each feed carries', integer, 20),
).action(async (folder: string, options) => {
  process.exitCode = await siteCommand(folder, options);
});

program
  .command('build-templates')
  .description(
    'Compile a folder of template overrides into a module that renders without MJML (browsers, edge workers).',
  )
  .argument('<dir>', 'folder of template partials (*.mjml, *.html, *.css) that override the defaults')
  .requiredOption('-o, --output <file>', 'module to write: .js or .mjs (ESM), .cjs (CommonJS), .ts')
  .option('--width <px>', 'email width in px, 480-800', integer, 600)
  .option('--no-minify', 'keep the html readable instead of minified')
  .action(async (dir: string, options) => {
    process.exitCode = await buildTemplatesCommand(dir, options);
  });

program
  .command('schema')
  .description('Print the JSON Schema (draft 2020-12) of a briefing or story.')
  .action(() => {
    printJson(briefingJsonSchema);
  });

/** Every failure, expected or not, ends here: one line per problem, exit code 1, no stack. */
function fail(error: unknown): void {
  for (const line of failureLines(error)) printError(`${line}\n`);
  process.exitCode = 1;
}

// A watcher callback or a stream can throw outside the command's promise.
process.on('uncaughtException', (error) => {
  fail(error);
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  fail(error);
  process.exit(1);
});

program.parseAsync().catch(fail);
