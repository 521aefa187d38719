/**
 * `newsbrief build-templates <dir> -o brand.js`: compiles a folder of template overrides into a
 * module that renders without MJML, through the pipeline that compiles the default templates.
 */
import { extname } from 'node:path';
import { buildTemplates, type ModuleFlavour, templatesModuleSource } from '../node/build-templates.js';
import { CommandError } from './failure.js';
import { moduleSystemOf } from './module-system.js';
import { writeOutput } from './output-file.js';
import { printError } from './terminal.js';

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

/**
 * The flavour for `output`: by extension, and for `.js` by the module system of the project it is
 * written into, so `require('./brand.js')` works in a CommonJS project as `import` does in an
 * ES module one.
 */
function flavourFor(output: string): { flavour: ModuleFlavour; note: string } {
  const extension = extname(output).toLowerCase();
  const flavour = flavours[extension];
  if (flavour === undefined) {
    throw new CommandError(output, '--output expects a .js, .mjs, .cjs, .ts or .mts file name');
  }
  if (extension !== '.js') return { flavour, note: '' };
  const system = moduleSystemOf(output);
  const decidedBy = system.packageJson ? `${system.packageJson} says` : 'no package.json above it says';
  return system.kind === 'esm'
    ? { flavour: 'esm', note: `, an ES module: ${decidedBy} "type": "module"` }
    : {
        flavour: 'cjs',
        note: `, CommonJS: ${decidedBy} no "type": "module"; name it .mjs for an ES module`,
      };
}

export async function buildTemplatesCommand(
  dir: string,
  options: BuildTemplatesCommandOptions,
): Promise<number> {
  const { flavour, note } = flavourFor(options.output);
  const built = await buildTemplates(dir, {
    width: options.width,
    minify: options.minify,
    reason: 'newsbrief build-templates',
  });
  const header = [
    `// Compiled by \`newsbrief build-templates\` from ${dir} (${built.width} px${options.minify ? '' : ', not minified'}).`,
    '// Do not edit: change the partials and run the command again. Pass the default export to',
    '// createRenderer({ templates }).',
    // The Handlebars spec is untyped JavaScript; the default export is typed `CompiledTemplates`,
    // which is what a project's own type check reads.
    ...(flavour === 'ts' ? ['// @ts-nocheck'] : []),
    '/* eslint-disable */',
  ];
  const source = templatesModuleSource(built, flavour, [header.join('\n')]);
  await writeOutput(options.output, source);
  printError(`Wrote ${options.output} (${source.length} bytes, ${built.width} px${note})\n`);
  return 0;
}
