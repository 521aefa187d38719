/**
 * newsbrief everywhere, tested as a user installs it: the package is packed (`npm pack` of the
 * build this test run made), installed from the tarball into an empty consumer project with no
 * peers, and then
 * - its install footprint is measured (packages in node_modules, bytes on disk);
 * - esbuild bundles it for a browser and for Cloudflare Workers, and the browser bundle of
 *   renderBriefing + parseBriefing + lintBriefing is weighed, gzipped;
 * - the features that need the MJML compile step explain what to do when they cannot run;
 * - one consumer scenario (test/runtimes/consumer/) runs on Node 22 and 24, Bun, Deno, workerd and
 *   Chromium, and must print byte for byte what it prints on the Node running the tests (20 in CI).
 *
 * The runtimes come from registry packages installed by `npm ci` in test/runtimes (.ci/run does it).
 * Without them, or without Chromium, a developer's run skips those runtimes and says why; with
 * CI=true nothing is skipped.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandTheme, linkParams } from './runtimes/consumer/scenario.mjs';
import {
  available,
  type Bundle,
  browserBuild,
  bundle,
  engines,
  referenceNode,
  workerBuild,
} from './runtimes/engines.js';
import { cleanEnv, footprint, installConsumer, packPackage, repoRoot } from './runtimes/packed.js';
import { inCI } from './support/tools.js';

const run = promisify(execFile);
const fromRepo = (path: string) => join(repoRoot, path);

/** Budgets from issue 10: what CI enforces, and the goal reported beside it. MB = 10^6 bytes. */
const budget = {
  gzipBytes: { limit: 60 * 1024, goal: 40 * 1024 },
  packages: { limit: 10, goal: 3 },
  diskBytes: { limit: 6_000_000, goal: 2_000_000 },
};

let workDir: string;
let consumerDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'newsbrief-runtimes-'));
  consumerDir = join(workDir, 'consumer');
  // The build global-setup made for this run (JavaScript only: the .d.ts files, about 55 KB, are
  // left out of the measured footprint).
  const tarball = await packPackage(fromRepo('test/artifacts/build'), workDir);
  await installConsumer(tarball, consumerDir);
  await cp(fromRepo('test/runtimes/consumer'), consumerDir, { recursive: true });
  const edition = await readFile(fromRepo('examples/morning-edition.json'), 'utf8');
  const seed = await readFile(fromRepo('test/fixtures/parse/seed.txt'), 'utf8');
  await writeFile(
    join(consumerDir, 'inputs.mjs'),
    `export const edition = ${edition.trim()};\nexport const seed = ${JSON.stringify(seed)};\n`,
  );
  // The brand's templates, compiled ahead of time by the CLI of the build that was packed. It runs
  // from the repository, where the peers it needs (mjml, juice…) are installed; the consumer has none.
  await run(process.execPath, [
    fromRepo('test/artifacts/build/cli.js'),
    'build-templates',
    fromRepo('examples/templates-override'),
    '-o',
    join(consumerDir, 'brand.js'),
  ]);
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

describe('npm install newsbrief', () => {
  it(`brings at most ${budget.packages.limit} packages and ${MB(budget.diskBytes.limit)}`, async () => {
    const measured = await footprint(consumerDir);
    console.log(
      `Install footprint: ${measured.packages.length} packages (${measured.packages.join(', ')}; goal ${budget.packages.goal}), ` +
        `${MB(measured.diskBytes)} on disk, ${MB(measured.apparentBytes)} of files (goal ${MB(budget.diskBytes.goal)})`,
    );
    expect(measured.packages).toContain('newsbrief');
    expect(measured.packages.length).toBeLessThanOrEqual(budget.packages.limit);
    expect(measured.diskBytes).toBeLessThanOrEqual(budget.diskBytes.limit);
  });
});

describe('bundlers', () => {
  /** Every file esbuild took from the installed package. */
  const packageFiles = (result: Bundle) =>
    Object.keys(result.metafile.inputs).filter((file) => file.includes('node_modules/newsbrief/'));

  it.each([
    ['a browser', browserBuild],
    ['a Cloudflare Worker', workerBuild],
  ])('bundle the whole API for %s from the portable build, with no Node module', async (_, options) => {
    const everything = 'export * from "newsbrief";';
    const result = await bundle(consumerDir, everything, options);
    const files = packageFiles(result);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => /\/dist\/(node|cli)\.|\/dist\/node\//.test(file))).toEqual([]);
    expect(result.code).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|path|module)["']\)/);
    expect(result.code).toContain('function renderBriefing');
  });

  it(`fit renderBriefing + parseBriefing + lintBriefing for a browser in ${kB(budget.gzipBytes.limit)} gzipped`, async () => {
    const entry = 'export { renderBriefing, parseBriefing, lintBriefing } from "newsbrief";';
    const raw = await bundle(consumerDir, entry, browserBuild);
    const minified = await bundle(consumerDir, entry, { ...browserBuild, minify: true });
    const gzipped = gzipSync(minified.code, { level: 9 }).length;
    console.log(
      `Browser bundle (renderBriefing + parseBriefing + lintBriefing, esbuild --platform=browser): ` +
        `${kB(raw.code.length)} raw, ${kB(minified.code.length)} minified, ${kB(gzipped)} gzipped ` +
        `(limit ${kB(budget.gzipBytes.limit)}, goal ${kB(budget.gzipBytes.goal)})`,
    );
    expect(gzipped).toBeLessThanOrEqual(budget.gzipBytes.limit);
  });
});

describe('without the optional peers', () => {
  /** Runs module code in the consumer project on Node; returns what it printed. */
  async function inConsumer(code: string, nodeArgs: string[] = []): Promise<string> {
    const { stdout } = await run(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], {
      cwd: consumerDir,
    });
    return stdout;
  }
  const tryCreateRenderer = (templates: string) => `
    import { createRenderer, NewsbriefError } from 'newsbrief';
    try {
      await createRenderer({ templates: ${templates} });
      console.log('no error');
    } catch (error) {
      console.log(error instanceof NewsbriefError ? error.message : 'not a NewsbriefError: ' + error);
    }`;

  it('Node: template overrides throw a NewsbriefError with the npm install line', async () => {
    const message = await inConsumer(tryCreateRenderer(`{ footer: '<mj-text>Bye</mj-text>' }`));
    expect(message).toContain('npm install mjml juice handlebars html-minifier-terser');
  });

  it('browsers and workers: a template folder throws a NewsbriefError that says how to compile ahead of time', async () => {
    // `-C workerd` resolves `newsbrief` as wrangler and bundlers do: to the portable build.
    const message = await inConsumer(tryCreateRenderer(`'./brand'`), ['-C', 'workerd']);
    expect(message).toContain('Option templates: the folder "./brand"');
    expect(message).toContain('newsbrief build-templates');
    expect(message).toContain('createRenderer({ templates })');
  });

  it('the CLI renders, and build-templates names what to install', async () => {
    const cli = join(consumerDir, 'node_modules/newsbrief/dist/cli.js');
    const rendered = await run(process.execPath, [cli, 'render', fromRepo('examples/morning-edition.json')], {
      cwd: consumerDir,
    });
    expect(rendered.stdout).toMatch(/^<!doctype html>/i);
    const failed = await run(
      process.execPath,
      [cli, 'build-templates', fromRepo('examples/templates-override'), '-o', 'brand2.js'],
      { cwd: consumerDir, env: cleanEnv() },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toContain('npm install mjml juice handlebars html-minifier-terser');
  });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('the same output in every runtime', () => {
  let reference: string;
  const report: string[] = [];

  beforeAll(async () => {
    const started = performance.now();
    reference = await referenceNode.run(consumerDir, workDir);
    report.push(
      `${referenceNode.name} (reference): ${sha256(reference)} in ${Math.round(performance.now() - started)} ms`,
    );
  }, 60_000);

  afterAll(() => {
    console.log(`Consumer scenario, sha256 of the summary:\n  ${report.join('\n  ')}`);
  });

  it(`${referenceNode.name} renders the edition, the seed, link parameters and the brand`, () => {
    const summary = JSON.parse(reference);
    expect(summary.edition.html).toMatch(/^<!doctype html>/i);
    expect(summary.validation).toMatchObject({ success: true });
    expect(summary.seed.parsed.stories.length).toBeGreaterThan(0);
    expect(summary.seed.rendered.html).toContain(summary.seed.parsed.stories[0].headline.slice(0, 20));
    expect(Array.isArray(summary.seed.lint)).toBe(true);
    expect(summary.linkParams.html).toContain(`utm_campaign=${linkParams.utm_campaign}`);
    expect(summary.edition.html).not.toContain('utm_campaign');
    // The brand's partials: the signup box and its footer line, in the brand's colour.
    expect(summary.brand.html).toContain('Forwarded this email?');
    expect(summary.brand.html).toContain(brandTheme.linkColor);
    expect(summary.edition.html).not.toContain('Forwarded this email?');
  });

  for (const engine of engines) {
    const runnable = available(engine) || inCI;
    if (!runnable) {
      console.warn(
        `Skipping ${engine.name}: ${engine.executable} is missing. ${
          engine.name === 'Chromium'
            ? 'Install it (apt-get install -y chromium) or set CHROMIUM_PATH.'
            : 'Run `npm ci` in test/runtimes to install the runtimes.'
        }`,
      );
    }
    it.runIf(runnable)(
      `${engine.name} prints the same summary`,
      async () => {
        if (!available(engine)) {
          throw new Error(`CI=true but ${engine.executable} is missing: .ci/run must install ${engine.name}`);
        }
        const version = await engine.version();
        const started = performance.now();
        const summary = await engine.run(consumerDir, workDir);
        report.push(`${version}: ${sha256(summary)} in ${Math.round(performance.now() - started)} ms`);
        // Structurally first, for a readable diff; then byte for byte.
        if (summary !== reference) expect(JSON.parse(summary)).toEqual(JSON.parse(reference));
        expect(summary === reference, `${engine.name}'s summary differs from ${referenceNode.name}'s`).toBe(
          true,
        );
      },
      90_000,
    );
  }
});
