#!/usr/bin/env node
/** The `newsbrief` command: render, lint, preview and schema. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { NewsbriefError } from '../errors.js';
import { briefingJsonSchema } from '../schema.js';
import { buildTemplatesCommand } from './build-templates.js';
import { lintCommand } from './lint.js';
import { parseCommand } from './parse.js';
import { startPreview } from './preview.js';
import { renderCommand } from './render.js';
import { cliVersion } from './version.js';

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

/** `--format text|json`; commander refuses any other value, naming the choices. */
function formatOption(description: string): Option {
  return new Option('--format <format>', description).choices(['text', 'json']).default('text');
}

/** Adds the render options every rendering command takes (`RendererFlags`), after its own. */
function rendererFlags(command: Command): Command {
  return command
    .option('--theme <file>', 'JSON file with theme tokens (brandColor, fontFamily, logoUrl, width, ...)')
    .option('--templates <path>', 'folder of template partials, or a module from build-templates')
    .option('--no-minify', 'keep the html readable instead of minified');
}

const program = new Command()
  .name('newsbrief')
  .description('Render, lint and preview Smart Brevity email briefings.')
  .version(cliVersion, '-V, --version', 'print the newsbrief version')
  .showHelpAfterError();

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

program
  .command('lint')
  .description('Check briefings against the Smart Brevity rules.')
  .argument('<files...>', 'briefing files (.json, .md, .txt)')
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
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', integer, 4321),
).action(async (file: string, options) => {
  const preview = await startPreview(file, options.port, options);
  process.stdout.write(`Previewing ${file} at ${preview.url} (Ctrl+C to stop)\n`);
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
    process.stdout.write(`${JSON.stringify(briefingJsonSchema, null, 2)}\n`);
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof NewsbriefError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  throw error;
});
