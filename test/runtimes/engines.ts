/**
 * The runtimes the consumer scenario runs on, each from a registry package installed by `npm ci`
 * in test/runtimes (Node 22 and 24, Bun, Deno, workerd), plus the Node running the tests and
 * Debian's Chromium. Each runner returns the summary JSON the scenario printed.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { chromiumPath, launchChromium } from '../support/fidelity.js';
import { freePort } from '../support/tools.js';

const run = promisify(execFile);
const installed = (...path: string[]) =>
  fileURLToPath(new URL(`./node_modules/${path.join('/')}`, import.meta.url));

export interface Engine {
  name: string;
  /** The executable it needs; a missing one means `npm ci` has not run in test/runtimes. */
  executable: string;
  version(): Promise<string>;
  /** Runs the scenario in the consumer project; `workDir` is scratch space of its own. */
  run(consumerDir: string, workDir: string): Promise<string>;
}

/** esbuild's output for one entry of the consumer project. */
export interface Bundle {
  code: string;
  metafile: Metafile;
}

/** Bundles `entry` (relative to the consumer project) as an application would. */
export async function bundle(consumerDir: string, entry: string, options: BuildOptions): Promise<Bundle> {
  const result = await build({
    absWorkingDir: consumerDir,
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...(entry.startsWith('export ')
      ? { stdin: { contents: entry, resolveDir: consumerDir, loader: 'js' } }
      : { entryPoints: [entry] }),
    ...options,
  });
  const code = result.outputFiles?.[0]?.text;
  if (code === undefined || result.metafile === undefined)
    throw new Error(`esbuild wrote nothing for ${entry}`);
  return { code, metafile: result.metafile };
}

/** esbuild options for Cloudflare Workers, as wrangler resolves packages (no nodejs_compat). */
export const workerBuild: BuildOptions = {
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  format: 'esm',
};
/** esbuild options for a web page. */
export const browserBuild: BuildOptions = { platform: 'browser', format: 'esm' };

async function stdoutOf(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) {
  const { stdout } = await run(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/** The first version number in a `--version` output: `v22.23.3`, `deno 2.9.6 (stable…)`. */
const versionIn = (output: string) => output.match(/\d+(\.\d+)+|\d{4}-\d\d-\d\d/)?.[0] ?? output;

/** A runtime that runs main.mjs as a file: Node, Bun, Deno. */
function scriptEngine(
  name: string,
  executable: string,
  args: string[],
  env: (workDir: string) => NodeJS.ProcessEnv = () => ({}),
): Engine {
  return {
    name,
    executable,
    version: async () => `${name.split(' ')[0]} ${versionIn(await stdoutOf(executable, ['--version'], '.'))}`,
    run: (consumerDir, workDir) => stdoutOf(executable, [...args, 'main.mjs'], consumerDir, env(workDir)),
  };
}

/** Cloudflare's runtime serving the bundled worker; no compatibility flags, so no Node APIs. */
const workerdConfig = (port: number) => `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "newsbrief", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "newsbrief") ],
);

const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2026-01-01",
);
`;

/** Fetches from a server that is still starting, until it answers or `deadline` passes. */
async function fetchWhenUp(url: string, child: ChildProcess, stderr: () => string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(url);
      const body = await response.text();
      if (!response.ok) throw new Error(`workerd answered ${response.status}: ${body}\n${stderr()}`);
      return body;
    } catch (error) {
      if (!(error instanceof TypeError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const workerdBinary = installed('.bin', 'workerd');
const workerd: Engine = {
  name: 'workerd',
  executable: workerdBinary,
  version: async () => `workerd ${versionIn(await stdoutOf(workerdBinary, ['--version'], '.'))}`,
  async run(consumerDir, workDir) {
    const dir = join(workDir, 'workerd');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'worker.js'), (await bundle(consumerDir, 'worker.mjs', workerBuild)).code);
    const port = await freePort();
    await writeFile(join(dir, 'config.capnp'), workerdConfig(port));
    const child = spawn(workerdBinary, ['serve', 'config.capnp'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    try {
      return await fetchWhenUp(`http://127.0.0.1:${port}/`, child, () => stderr);
    } finally {
      child.kill();
    }
  },
};

/** Debian's Chromium, headless, running the minified browser bundle in a page with no network. */
const chromiumEngine: Engine = {
  name: 'Chromium',
  executable: chromiumPath,
  version: async () => `Chromium ${versionIn(await stdoutOf(chromiumPath, ['--version'], '.'))}`,
  async run(consumerDir) {
    const { code } = await bundle(consumerDir, 'browser.mjs', { ...browserBuild, minify: true });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.abort('blockedbyclient'));
      await page.setContent('<!doctype html><meta charset="utf-8"><title>newsbrief</title>');
      await page.addScriptTag({ content: code, type: 'module' });
      // An inline module script runs after the task that inserted it, so addScriptTag can return
      // before the bundle has set its global: wait for it rather than read it once.
      await page
        .waitForFunction(
          () => (globalThis as { newsbriefSummary?: Promise<string> }).newsbriefSummary !== undefined,
          undefined,
          { timeout: 30_000 },
        )
        .catch(() => {
          throw new Error('the browser bundle left no newsbriefSummary within 30 s');
        });
      return await page.evaluate(
        () => (globalThis as { newsbriefSummary?: Promise<string> }).newsbriefSummary as Promise<string>,
      );
    } finally {
      await browser.close();
    }
  },
};

/** The Node running the tests: the reference every other runtime must match byte for byte. */
export const referenceNode = scriptEngine(`Node ${process.versions.node}`, process.execPath, []);

/** The runtimes compared with the reference. */
export const engines: Engine[] = [
  scriptEngine('Node 22', installed('node22', 'bin', 'node'), []),
  scriptEngine('Node 24', installed('node24', 'bin', 'node'), []),
  scriptEngine('Bun', installed('.bin', 'bun'), []),
  // No permissions asked for: the scenario reads no file, env or network. DENO_DIR keeps Deno's
  // cache in the test's scratch space.
  scriptEngine('Deno', installed('.bin', 'deno'), ['run', '--quiet', '--no-prompt'], (workDir) => ({
    DENO_DIR: join(workDir, 'deno'),
    DENO_NO_UPDATE_CHECK: '1',
  })),
  workerd,
  chromiumEngine,
];

/** Whether an engine can run here. */
export function available(engine: Engine): boolean {
  return existsSync(engine.executable);
}
