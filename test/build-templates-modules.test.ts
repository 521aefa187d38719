/**
 * `newsbrief build-templates` writes a module the consumer's own project can load: a `.js` in a
 * CommonJS project (`require`), a `.js` in an ES module project (`import`), and a `.ts` that a
 * strict TypeScript project type-checks as `CompiledTemplates`.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));
const partials = join(repo, 'examples/templates-override');
const morning = join(repo, 'examples/morning-edition.json');

let root: string;

/** A project folder with this package.json (none for `undefined`). */
async function project(name: string, packageJson: object | undefined): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  if (packageJson) await writeFile(join(dir, 'package.json'), JSON.stringify(packageJson));
  return dir;
}

async function build(dir: string, output: string): Promise<string> {
  const { stderr } = await exec('node', [cli, 'build-templates', partials, '-o', output], { cwd: dir });
  return stderr;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'newsbrief-modules-'));
});

describe('a .js output follows the nearest package.json', () => {
  it.each([
    ['"type": "commonjs"', { name: 'desk', type: 'commonjs' }],
    ['no "type"', { name: 'desk' }],
  ])('CommonJS project (%s): require() loads it', async (name, packageJson) => {
    const dir = await project(name.replace(/\W+/g, '-'), packageJson);
    await mkdir(join(dir, 'build'), { recursive: true });
    const note = await build(dir, 'build/brand.js');
    expect(note).toContain(`CommonJS: ${join(dir, 'package.json')} says no "type": "module"; name it .mjs`);
    expect(await readFile(join(dir, 'build/brand.js'), 'utf8')).toContain('module.exports = {');
    const { stdout } = await exec(
      'node',
      ['-e', 'const t = require("./build/brand.js"); console.log(t.format, t.width)'],
      { cwd: dir },
    );
    expect(stdout).toBe('newsbrief-templates@1 600\n');
    const rendered = await exec('node', [cli, 'render', morning, '--templates', 'build/brand.js'], {
      cwd: dir,
    });
    expect(rendered.stdout).toMatch(/^<!doctype html>/i);
  });

  it('ES module project ("type": "module"): import loads it', async () => {
    const dir = await project('esm', { name: 'desk', type: 'module' });
    const note = await build(dir, 'brand.js');
    expect(note).toContain('an ES module');
    expect(await readFile(join(dir, 'brand.js'), 'utf8')).toContain('export default {');
    const { stdout } = await exec(
      'node',
      [
        '--input-type=module',
        '-e',
        'const { default: t } = await import("./brand.js"); console.log(t.format)',
      ],
      { cwd: dir },
    );
    expect(stdout).toBe('newsbrief-templates@1\n');
  });
});

describe('a .ts output', () => {
  it('type-checks as CompiledTemplates in a strict project', { timeout: 180_000 }, async () => {
    const dir = await project('typescript', { name: 'desk', type: 'module' });
    await build(dir, 'brand.ts');
    await writeFile(
      join(dir, 'send.ts'),
      [
        "import { createRenderer, type CompiledTemplates } from 'newsbrief';",
        "import templates from './brand.js';",
        'const typed: CompiledTemplates = templates;',
        'const renderer = await createRenderer({ templates: typed });',
        "export const html: string = renderer.render({ headline: 'Typed' }).html;",
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(repo, 'node_modules/@types')],
          paths: { newsbrief: [join(repo, 'src/index.ts')] },
        },
        files: ['send.ts'],
      }),
    );
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    const result = await exec('node', [tsc, '-p', 'tsconfig.json'], { cwd: dir }).catch(
      (error: { stdout: string }) => error,
    );
    expect(result.stdout).toBe('');
    // And it fails when the module is not what it claims: the check is real.
    await writeFile(join(dir, 'brand.ts'), 'export default { format: "other", width: 600 };\n');
    const broken = await exec('node', [tsc, '-p', 'tsconfig.json'], { cwd: dir }).catch(
      (error: { stdout: string }) => error,
    );
    expect(broken.stdout).toContain('send.ts');
  });
});
