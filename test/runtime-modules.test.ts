/**
 * The default render path ships precompiled: importing the built package and rendering with the
 * default templates must load neither mjml, juice, html-minifier-terser nor Handlebars' compiler.
 * Each case runs in a child process against the built package (tsup, built once for this file) and
 * lists every module it loaded: ESM resolutions through a `module.register` resolve hook, CommonJS files from
 * `require.cache`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPackage } from '../bench/build.js';
import { createRenderer } from '../src/node/index.js';
import { loadExample } from './support/fidelity.js';

const run = promisify(execFile);
const examplePath = fileURLToPath(new URL('../examples/morning-edition.json', import.meta.url));

/** Compile-time-only packages: none may load when rendering with the default templates. */
const compileTimeOnly = [
  /\/node_modules\/mjml(-[\w-]+)?\//,
  /\/node_modules\/juice\//,
  /\/node_modules\/html-minifier-terser\//,
  // Handlebars' full build (parser + compiler); the runtime is handlebars.runtime.js / dist/cjs/handlebars.runtime.js.
  /\/node_modules\/handlebars\/(lib\/index\.js|dist\/cjs\/handlebars\.js|lib\/handlebars\/compiler\/)/,
];
const isCompileTimeOnly = (file: string) => compileTimeOnly.some((pattern) => pattern.test(file));

const hooks = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}`;
const register = `
import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url), { data: { log: process.env.NB_MODULE_LOG } });`;
/** Loads dist (ESM or CJS), renders the morning edition, prints require.cache. */
const child = (format: 'esm' | 'cjs') => `
const { readFileSync } = require('node:fs');
(async () => {
  const newsbrief = ${format === 'esm' ? 'await import(process.env.NB_ENTRY)' : 'require(process.env.NB_ENTRY)'};
  const options = process.env.NB_TEMPLATES ? { templates: JSON.parse(process.env.NB_TEMPLATES) } : {};
  const renderer = await newsbrief.createRenderer(options);
  const result = renderer.render(JSON.parse(readFileSync(process.env.NB_EXAMPLE, 'utf8')));
  if (!result.html.includes('<h1')) throw new Error('rendered no masthead');
  process.stdout.write(JSON.stringify(Object.keys(require.cache)));
})();`;

let workDir: string;
let distDir: string;

beforeAll(async () => {
  distDir = await buildPackage('runtime-modules-');
  workDir = await mkdtemp(join(tmpdir(), 'newsbrief-modules-'));
  await writeFile(join(workDir, 'hooks.mjs'), hooks);
  await writeFile(join(workDir, 'register.mjs'), register);
  await writeFile(join(workDir, 'child-esm.cjs'), child('esm'));
  await writeFile(join(workDir, 'child-cjs.cjs'), child('cjs'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  await rm(distDir, { recursive: true, force: true });
});

/** Every module file the child loaded, as paths. */
async function loadedModules(format: 'esm' | 'cjs', templates?: Record<string, string>): Promise<string[]> {
  const log = join(workDir, `loaded-${format}-${templates ? 'overrides' : 'default'}.log`);
  await writeFile(log, '');
  const { stdout } = await run(
    process.execPath,
    ['--import', join(workDir, 'register.mjs'), join(workDir, `child-${format}.cjs`)],
    {
      env: {
        ...process.env,
        NB_MODULE_LOG: log,
        NB_ENTRY: join(distDir, format === 'esm' ? 'node.js' : 'node.cjs'),
        NB_EXAMPLE: examplePath,
        NB_TEMPLATES: templates ? JSON.stringify(templates) : '',
      },
    },
  );
  const resolved = (await readFile(log, 'utf8'))
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  return [...new Set([...resolved, ...(JSON.parse(stdout) as string[])])];
}

const footer = '<mj-text css-class="nb-t" padding="8px 24px 32px"><p>Thanks for reading.</p></mj-text>';

describe.each(['esm', 'cjs'] as const)('built package (%s)', (format) => {
  it('renders with the default templates without loading mjml, juice, the minifier or the Handlebars compiler', async () => {
    const modules = await loadedModules(format);
    // The detection sees what loads: the built entry itself (valibot, js-yaml and the Handlebars
    // runtime are bundled into it, so no package from node_modules is needed to render).
    expect(modules.some((file) => file.endsWith(format === 'esm' ? 'node.js' : 'node.cjs'))).toBe(true);
    expect(modules.filter((file) => file.includes('/node_modules/'))).toEqual([]);
    expect(modules.filter(isCompileTimeOnly)).toEqual([]);
  });

  it('loads every compile-time package, lazily, when templates are overridden', async () => {
    const loaded = (await loadedModules(format, { footer })).filter(isCompileTimeOnly);
    for (const name of ['mjml', 'juice', 'html-minifier-terser', 'handlebars']) {
      expect(loaded.some((file) => file.includes(`/node_modules/${name}/`))).toBe(true);
    }
  });
});

const mjmlCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('mjml', async (importOriginal) => {
  const original = (await importOriginal<{ default: typeof import('mjml') }>()).default;
  return {
    default: (...args: Parameters<typeof original>) => {
      mjmlCalls.count += 1;
      return original(...args);
    },
  };
});

describe('MJML compiles once per createRenderer, never per render', () => {
  const morning = loadExample('morning-edition');

  it('never for the default templates', async () => {
    const before = mjmlCalls.count;
    const renderer = await createRenderer();
    for (let i = 0; i < 3; i += 1) renderer.render(morning);
    expect(mjmlCalls.count - before).toBe(0);
  });

  it('once per renderer with overrides, however often it renders', async () => {
    const before = mjmlCalls.count;
    const renderer = await createRenderer({ templates: { footer } });
    const first = renderer.render(morning).html;
    for (let i = 0; i < 3; i += 1) expect(renderer.render(morning).html).toBe(first);
    expect(mjmlCalls.count - before).toBe(1);
    await createRenderer({ templates: { footer }, minify: false });
    expect(mjmlCalls.count - before).toBe(2);
  });
});
