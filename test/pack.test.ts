/**
 * `npm pack` as a user or a release runs it: on a fresh clone of the committed HEAD, with no dist/,
 * so the tarball ships code only because `prepack` builds it. The tarball is then installed into an
 * empty consumer project, and every entry point is loaded from there the way a user loads it: ESM
 * `import` and CommonJS `require` where the exports map has one, `newsbrief/package.json`, and the
 * `newsbrief` bin.
 *
 * The clone takes the repository's committed HEAD: uncommitted changes are not in it (CI runs on a
 * fresh clone, where there are none). It reuses the repository's node_modules through a symlink,
 * so the build has its devDependencies without a second install; the consumer installs the
 * tarball's one dependency, commander, from the npm cache when it is there.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, installConsumer, repoRoot } from './runtimes/packed.js';

const run = promisify(execFile);

/** What `npm pack --json` says about the tarball it wrote. */
interface PackReport {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

let workDir: string;
let cloneDir: string;
let consumerDir: string;
let packed: PackReport;
let distBeforePack: boolean;

/**
 * `npm pack --json` prints the prepack build's own output on stdout before its JSON array; the
 * report is the array that starts on the last line holding only `[`.
 */
function packReport(stdout: string): PackReport {
  const start = stdout.lastIndexOf('\n[\n');
  const json = start === -1 ? stdout : stdout.slice(start + 1);
  const report = (JSON.parse(json) as PackReport[])[0];
  if (report === undefined) throw new Error(`npm pack printed no tarball report:\n${stdout}`);
  return report;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'newsbrief-pack-'));
  cloneDir = join(workDir, 'clone');
  consumerDir = join(workDir, 'consumer');
  const { stdout: head } = await run('git', ['rev-parse', 'HEAD'], { cwd: repoRoot });
  await run('git', ['clone', '--quiet', '--no-checkout', repoRoot, cloneDir]);
  await run('git', ['checkout', '--quiet', '--detach', head.trim()], { cwd: cloneDir });
  distBeforePack = existsSync(join(cloneDir, 'dist'));
  await symlink(join(repoRoot, 'node_modules'), join(cloneDir, 'node_modules'), 'dir');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workDir], {
    cwd: cloneDir,
    env: cleanEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  packed = packReport(stdout);
  await installConsumer(join(workDir, packed.filename), consumerDir);
}, 300_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('npm pack on a fresh clone', () => {
  it('starts with no dist/ and ships the build prepack made', () => {
    expect(distBeforePack).toBe(false);
    const paths = packed.files.map((file) => file.path);
    console.log(
      `Packed ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB packed, ` +
        `${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`,
    );
    for (const file of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/node.js',
      'dist/node.cjs',
      'dist/node.d.ts',
      'dist/node.d.cts',
      'dist/preview.js',
      'dist/preview.cjs',
      'dist/preview.d.ts',
      'dist/preview.d.cts',
      'dist/cli.js',
      'templates/layout.mjml',
      'package.json',
      'README.md',
      'LICENSE',
      'THIRD_PARTY_NOTICES.md',
    ]) {
      expect(paths).toContain(file);
    }
    // Sources, tests and tooling stay in the repository.
    expect(paths.filter((path) => /^(src|test|scripts|bench|etc|docs|examples)\//.test(path))).toEqual([]);
  });
});

describe('npm publish --dry-run on the packed clone', () => {
  it('publishes package.json as written: npm corrects nothing (it once dropped the bin)', async () => {
    // The clone holds the build prepack made, so the dry run need not build again.
    const { stderr } = await run('npm', ['publish', '--dry-run', '--ignore-scripts'], {
      cwd: cloneDir,
      env: cleanEnv(),
      maxBuffer: 16 * 1024 * 1024,
    });
    const warnings = stderr
      .split('\n')
      .filter((line) => line.startsWith('npm warn') && !line.includes('requires you to be logged in'));
    expect(warnings).toEqual([]);
    expect(stderr).toContain(`${manifest.name}@${manifest.version}`);
  });
});

describe('the installed tarball', () => {
  /** Runs `code` in the consumer project as an ES module (`.mjs`) or CommonJS (`.cjs`) file. */
  async function inConsumer(name: string, code: string): Promise<string> {
    await writeFile(join(consumerDir, name), code);
    const { stdout } = await run(process.execPath, [name], { cwd: consumerDir });
    return stdout.trim();
  }

  const briefing = JSON.stringify({
    title: 'Packed edition',
    stories: [{ headline: 'From the tarball', lede: 'It renders.' }],
  });

  it('imports newsbrief and newsbrief/node as ES modules and renders with the default templates', async () => {
    const out = await inConsumer(
      'esm.mjs',
      `import { renderBriefing, parseBriefing } from 'newsbrief';
       import * as node from 'newsbrief/node';
       const { html } = await renderBriefing(${briefing});
       const viaNode = await node.renderBriefing(${briefing});
       console.log(JSON.stringify({
         html: html.includes('From the tarball'),
         node: viaNode.html.includes('From the tarball'),
         compileTemplates: typeof node.compileTemplates,
         parse: typeof parseBriefing,
       }));`,
    );
    expect(JSON.parse(out)).toEqual({
      html: true,
      node: true,
      compileTemplates: 'function',
      parse: 'function',
    });
  });

  it('requires newsbrief, newsbrief/node and newsbrief/preview from CommonJS', async () => {
    const out = await inConsumer(
      'cjs.cjs',
      `const main = require('newsbrief');
       const node = require('newsbrief/node');
       const preview = require('newsbrief/preview');
       main.renderBriefing(${briefing}).then(({ html }) => console.log(JSON.stringify({
         html: html.includes('From the tarball'),
         same: main.renderBriefing === node.renderBriefing,
         mountEditor: typeof preview.mountEditor,
         defineEditorElement: typeof preview.defineEditorElement,
       })));`,
    );
    expect(JSON.parse(out)).toEqual({
      html: true,
      same: true,
      mountEditor: 'function',
      defineEditorElement: 'function',
    });
  });

  it('imports newsbrief/preview as an ES module and reads newsbrief/package.json', async () => {
    const out = await inConsumer(
      'preview.mjs',
      `import { mountEditor, defineEditorElement } from 'newsbrief/preview';
       import { createRequire } from 'node:module';
       const { version } = createRequire(import.meta.url)('newsbrief/package.json');
       console.log(JSON.stringify({ mountEditor: typeof mountEditor, defineEditorElement: typeof defineEditorElement, version }));`,
    );
    expect(JSON.parse(out)).toEqual({
      mountEditor: 'function',
      defineEditorElement: 'function',
      version: manifest.version,
    });
  });

  it('installs the newsbrief bin, which prints its version', async () => {
    const { stdout } = await run(join(consumerDir, 'node_modules/.bin/newsbrief'), ['--version'], {
      cwd: consumerDir,
    });
    expect(stdout.trim()).toBe(manifest.version);
  });
});
