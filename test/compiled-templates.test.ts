/**
 * Templates compiled ahead of time: `newsbrief build-templates` writes a module that the portable
 * build renders with no MJML at run time, exactly as the Node build renders the same overrides.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as portable from '../src/index.js';
import * as node from '../src/node/index.js';
import { loadExample } from './support/fidelity.js';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
const morning = loadExample('morning-edition');

const footer = `<mj-text css-class="nb-t" padding="8px 24px 32px">
  <p>Sent by the Springfield desk. {{#with footer}}<a href="{{unsubscribeUrl}}">Leave the list</a>{{/with}}</p>
</mj-text>`;

let dir: string;
let partials: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbrief-compiled-'));
  partials = join(dir, 'brand');
  await run('mkdir', ['-p', partials]);
  await writeFile(join(partials, 'footer.mjml'), footer);
});

async function buildModule(file: string, ...flags: string[]) {
  const output = join(dir, file);
  const { stderr } = await run('node', [cli, 'build-templates', partials, '-o', output, ...flags]);
  expect(stderr).toContain(`Wrote ${output}`);
  return output;
}

describe('newsbrief build-templates', () => {
  // A .js under the temp folder, with no package.json above it, is written as CommonJS (what Node
  // loads it as); `import` reads its `module.exports` as the default export all the same.
  it('writes a module the portable build renders exactly as Node renders the folder', async () => {
    const module = await import(pathToFileURL(await buildModule('brand.js')).href);
    const compiled = await portable.createRenderer({ templates: module.default });
    const fromFolder = await node.createRenderer({ templates: partials });
    const html = compiled.render(morning).html;
    expect(html).toBe(fromFolder.render(morning).html);
    expect(html).toContain('Sent by the Springfield desk.');
    expect(html).toContain('Leave the list');
  });

  it('writes CommonJS for .cjs and keeps the width it was built for', async () => {
    const output = await buildModule('brand-640.cjs', '--width', '640');
    const source = await readFile(output, 'utf8');
    expect(source).toContain('module.exports = { format: "newsbrief-templates@1", width: 640');
    const module = await import(pathToFileURL(output).href);
    const renderer = await portable.createRenderer({ templates: module.default });
    const { html } = renderer.render(morning);
    expect(html).toContain('max-width:640px');
    await expect(
      portable.createRenderer({ templates: module.default, theme: { width: 600 } }),
    ).rejects.toThrow(/expected 640, the width the compiled templates were built for, found 600/);
  });

  it('writes TypeScript that a strict project passes to createRenderer as it is', async () => {
    const output = await buildModule('brand.ts');
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }');
    const consumer = join(dir, 'consumer.ts');
    await writeFile(
      consumer,
      [
        "import { createRenderer } from 'newsbrief';",
        "import brand from './brand.js';",
        'export const renderer = createRenderer({ templates: brand });',
      ].join('\n'),
    );
    const root = fileURLToPath(new URL('../', import.meta.url));
    const config = ts.parseJsonConfigFileContent(
      ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config,
      ts.sys,
      root,
    );
    const program = ts.createProgram([consumer], {
      ...config.options,
      noEmit: true,
      paths: { newsbrief: [join(root, 'src/index.ts')] },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    const module = await import(pathToFileURL(output).href);
    expect((await portable.createRenderer({ templates: module.default })).render(morning).html).toContain(
      'Leave the list',
    );
  });

  it('refuses an output name it cannot write a module for', async () => {
    await expect(
      run('node', [cli, 'build-templates', partials, '-o', join(dir, 'brand.json')]),
    ).rejects.toThrow(/brand\.json: --output expects a \.js, \.mjs, \.cjs, \.ts or \.mts file name/);
  });

  it('renders a compiled module through the CLI', async () => {
    const module = await buildModule('cli-brand.mjs');
    const example = fileURLToPath(new URL('../examples/morning-edition.json', import.meta.url));
    const { stdout } = await run('node', [cli, 'render', example, '--templates', module], {
      maxBuffer: 10_000_000,
    });
    expect(stdout).toContain('Sent by the Springfield desk.');
  });
});

describe('compileTemplates (newsbrief/node)', () => {
  it('compiles overrides into a template set any build renders', async () => {
    const templates = await node.compileTemplates({ footer }, { width: 600 });
    expect(templates.format).toBe('newsbrief-templates@1');
    const html = (await portable.createRenderer({ templates })).render(morning).html;
    expect(html).toBe((await node.createRenderer({ templates: { footer } })).render(morning).html);
  });
});

describe('the portable build', () => {
  it.each([
    [{ templates: { footer } }, /Option templates: partial sources needs the MJML compile step/],
    [{ templates: '/srv/brand' }, /Option templates: the folder "\/srv\/brand" needs the MJML compile step/],
    [{ theme: { width: 640 } }, /Option theme.width: 640 .* needs the MJML compile step/],
    [{ minify: false }, /Option minify: false needs the MJML compile step/],
  ] as const)('explains how to compile ahead of time (%j)', async (options, message) => {
    const error = await portable.createRenderer(options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(portable.NewsbriefError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('npx newsbrief build-templates');
  });

  it('renders the default templates byte-identically to the Node build', async () => {
    const [a, b] = await Promise.all([portable.renderBriefing(morning), node.renderBriefing(morning)]);
    expect(a.html).toBe(b.html);
    expect(a.text).toBe(b.text);
  });

  it('exports the same names as the Node build, which adds only compileTemplates', () => {
    const extra = Object.keys(node).filter((name) => !(name in portable));
    expect(extra).toEqual(['compileTemplates']);
    expect(Object.keys(portable).filter((name) => !(name in node))).toEqual([]);
  });

  it('exports the same type names as the Node build', () => {
    const entries = ['../src/index.ts', '../src/node/index.ts'].map((path) =>
      fileURLToPath(new URL(path, import.meta.url)),
    );
    const program = ts.createProgram(entries, {
      module: ts.ModuleKind.NodeNext,
      noEmit: true,
      noLib: true,
      types: [],
    });
    const checker = program.getTypeChecker();
    const [portableNames, nodeNames] = entries.map((entry) => {
      const file = program.getSourceFile(entry);
      const symbol = file && checker.getSymbolAtLocation(file);
      if (!symbol) throw new Error(`TypeScript could not read ${entry}`);
      return checker
        .getExportsOfModule(symbol)
        .map((exported) => exported.name)
        .sort();
    });
    expect(nodeNames?.filter((name) => !portableNames?.includes(name))).toEqual([
      'CompileTemplatesOptions',
      'compileTemplates',
    ]);
    expect(portableNames?.filter((name) => !nodeNames?.includes(name))).toEqual([]);
  });
});

/** Node-only code may live in src/node/ and src/cli/; nothing else may reach Node or the peers. */
describe('the portable core imports no Node-only module', () => {
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const nodeOnly = [
    /from ['"]node:/,
    /import\(['"]node:/,
    /from ['"](mjml|juice|html-minifier-terser|handlebars|chokidar|commander)['"]/,
    /import\(['"](mjml|juice|html-minifier-terser|handlebars)['"]\)/,
    /\bBuffer\./,
    /\bcreateRequire\b/,
    /\bprocess\.(env|stdout|stderr|cwd|exit)/,
  ];

  it('holds for every file outside src/node and src/cli', async () => {
    const files = (await readdir(src, { recursive: true })).filter(
      (file) => file.endsWith('.ts') && !/^(node|cli)\//.test(file),
    );
    expect(files.length).toBeGreaterThan(30);
    const offenders: string[] = [];
    for (const file of files) {
      // Type-only imports are erased at build time: the Handlebars runtime borrows the package's types.
      const text = (await readFile(join(src, file), 'utf8')).replace(/^import type [^;]*;$/gm, '');
      for (const pattern of nodeOnly)
        if (pattern.test(text)) offenders.push(`${relative(src, join(src, file))}: ${pattern}`);
    }
    expect(offenders).toEqual([]);
  });
});
