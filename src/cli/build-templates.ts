/**
 * `newsbrief build-templates <dir> -o brand.js`: compiles a folder of template overrides into a
 * module that renders without MJML, through the pipeline that compiles the default templates.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { NewsbriefError } from '../errors.js';
import { buildTemplates, type ModuleFlavour, templatesModuleSource } from '../node/build-templates.js';

export interface BuildTemplatesCommandOptions {
  output: string;
  width: number;
  minify: boolean;
}

const flavours: Record<string, ModuleFlavour> = {
  '.js': 'esm',
  '.mjs': 'esm',
  '.cjs': 'cjs',
  '.ts': 'ts',
  '.mts': 'ts',
};

export async function buildTemplatesCommand(
  dir: string,
  options: BuildTemplatesCommandOptions,
): Promise<number> {
  const flavour = flavours[extname(options.output).toLowerCase()];
  if (flavour === undefined) {
    throw new NewsbriefError(
      `--output: expected a .js, .mjs, .cjs or .ts file name, found "${options.output}".`,
    );
  }
  const built = await buildTemplates(dir, {
    width: options.width,
    minify: options.minify,
    reason: 'newsbrief build-templates',
  });
  const header = [
    `// Compiled by \`newsbrief build-templates\` from ${dir} (${built.width} px${options.minify ? '' : ', not minified'}).`,
    '// Do not edit: change the partials and run the command again. Pass the default export to',
    '// createRenderer({ templates }).',
    ...(flavour === 'ts' ? ['// @ts-nocheck'] : []),
    '/* eslint-disable */',
  ];
  const source = templatesModuleSource(built, flavour, [header.join('\n')]);
  await writeFile(options.output, source);
  process.stderr.write(`Wrote ${options.output} (${source.length} bytes, ${built.width} px)\n`);
  return 0;
}
