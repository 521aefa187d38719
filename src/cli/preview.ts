/**
 * `newsbrief preview`: serves the editor component (`newsbrief/preview`, the one a CMS embeds) on
 * 127.0.0.1 and pushes the file's source into it whenever the file is saved, over server-sent
 * events. Rendering, findings and toggles all happen in the component, so the two cannot drift.
 */
import { existsSync, watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsbriefError } from '../errors.js';
import { buildTemplates, evaluateBuilt, templatesModuleSource } from '../node/build-templates.js';
import { createRenderer } from '../node/index.js';
import { usesDefaultTemplates } from '../render/templates.js';
import { loadConfig } from './config.js';
import { configured } from './configured.js';
import { bundleEditor } from './editor-bundle.js';
import { isSystemError, onFile, systemProblem } from './failure.js';
import { isTemplatesModulePath, type RendererFlags, readSource, rendererOptions } from './input.js';
import { previewPage } from './preview-page.js';
import { refuseForeignRequest } from './request-guard.js';

export interface PreviewHandle {
  url: string;
  close(): Promise<void>;
}

/** Starts the preview server; resolves once it listens. Bad flags reject here, before the browser. */
export async function startPreview(
  file: string,
  port: number,
  flags: RendererFlags = {},
): Promise<PreviewHandle> {
  const loaded = await loadConfig(flags.config);
  const options = await rendererOptions(flags, loaded);
  const templates = await browserTemplates(
    { ...flags, templates: flags.templates ?? loaded.config.templates },
    options.theme?.width,
  );
  // The browser renders; checking the options once here reports a bad theme in the terminal.
  await configured(loaded, () =>
    createRenderer({ ...options, templates: templates?.compiled ?? options.templates }),
  );
  const editor = await editorScripts();
  const page = previewPage({ file, theme: options.theme, templates: templates !== undefined });

  let version = 0;
  let source = await readSource(file);
  const clients = new Set<ServerResponse>();
  const push = (client: ServerResponse) =>
    client.write(`id: ${version}\ndata: ${JSON.stringify(source)}\n\n`);
  const reload = async () => {
    try {
      source = await readSource(file);
    } catch (error) {
      if (!(error instanceof NewsbriefError)) throw error;
      // Keep the last source: an editor that saves in steps may have removed the file for a moment.
      for (const client of clients)
        client.write(`event: problem\ndata: ${JSON.stringify(error.message)}\n\n`);
      return;
    }
    version += 1;
    for (const client of clients) push(client);
  };

  const server = createServer((request, response) => {
    if (refuseForeignRequest(request, response)) return;
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (type: string, body: string) => {
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/') return send('text/html', page);
    if (path === '/templates.js' && templates) return send('text/javascript', templates.module);
    const script = editor.get(path);
    if (script !== undefined) return send('text/javascript', script);
    if (path === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      clients.add(response);
      push(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    response.writeHead(404).end('Not found');
  });

  const watcher = watchFile(file, () => void reload());

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      watcher.close();
      // EADDRINUSE, EACCES…: one line naming the address, not a stack from inside `net`.
      reject(isSystemError(error) ? systemProblem(error, `127.0.0.1:${port}`) : error);
    });
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    async close() {
      watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The editor's scripts by URL path. The built CLI serves the built component, `preview.js` next
 * to it, and the chunks it imports; run from the sources, the CLI bundles the component once.
 */
async function editorScripts(): Promise<Map<string, string>> {
  const here = dirname(fileURLToPath(import.meta.url));
  if (!existsSync(join(here, 'preview.js'))) return new Map([['/editor.js', await bundleEditor('esm')]]);
  const chunks = (await readdir(here)).filter((name) => /^chunk-[\w-]+\.js$/.test(name));
  const scripts = new Map([['/editor.js', await readFile(join(here, 'preview.js'), 'utf8')]]);
  for (const name of chunks) scripts.set(`/${name}`, await readFile(join(here, name), 'utf8'));
  return scripts;
}

/**
 * Compiled templates for the browser, which cannot run MJML: a module from `build-templates`
 * served as it is, or (for a folder, `--no-minify` or another width) one compiled now.
 * `undefined` when the component's built-in default templates do.
 */
async function browserTemplates(
  flags: RendererFlags,
  width: number | undefined,
): Promise<{ module: string; compiled?: ReturnType<typeof evaluateBuilt> } | undefined> {
  if (flags.templates && isTemplatesModulePath(flags.templates)) {
    if (flags.templates.endsWith('.cjs')) {
      throw new NewsbriefError(
        `--templates ${flags.templates}: the browser preview loads ES modules; write one with \`newsbrief build-templates <dir> -o templates.js\`.`,
      );
    }
    const source = await onFile(flags.templates, () => readFile(flags.templates as string, 'utf8'));
    // A `.js` built for a CommonJS project assigns `module.exports`; the browser needs `export default`.
    return { module: source.replace(/^module\.exports = /m, 'export default ') };
  }
  if (usesDefaultTemplates(flags.templates, width, flags.minify ?? true)) {
    return undefined;
  }
  const built = await buildTemplates(flags.templates, {
    width,
    minify: flags.minify,
    reason: 'newsbrief preview',
  });
  return { module: templatesModuleSource(built, 'esm'), compiled: evaluateBuilt(built) };
}

/** How long a file must stay unchanged before it is read: editors write in several steps. */
const settleMs = 50;

/**
 * Calls `onChange` once a file has changed and settled. Watches the folder, not the file, because
 * editors that save by writing a new file and renaming it over the old one end a file watch.
 */
function watchFile(file: string, onChange: () => void): { close(): void } {
  const name = basename(file);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watcher = watch(dirname(file), (_event, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
