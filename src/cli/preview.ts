/**
 * `newsbrief preview`: serves the rendered email on 127.0.0.1 and re-renders when the file
 * changes; the page reloads itself over server-sent events.
 */
import { watch } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname } from 'node:path';
import { NewsbriefError } from '../errors.js';
import type { Briefing } from '../model.js';
import { createRenderer } from '../node/index.js';
import type { RenderOptions } from '../render/renderer.js';
import { formatWarning } from './format.js';
import { readBriefingInput } from './input.js';
import { previewPage } from './preview-page.js';

export interface PreviewHandle {
  url: string;
  close(): Promise<void>;
}

interface PreviewState {
  version: number;
  html: string;
  text: string;
  subject: string;
  error?: string;
}

/** Starts the preview server; resolves once it listens. */
export async function startPreview(
  file: string,
  port: number,
  options: RenderOptions = {},
): Promise<PreviewHandle> {
  const renderer = await createRenderer(options);
  const state: PreviewState = { version: 0, html: '', text: '', subject: '' };
  const clients = new Set<ServerResponse>();

  const rebuild = async () => {
    state.version += 1;
    try {
      const result = renderer.render((await readBriefingInput(file)) as Briefing);
      Object.assign(state, {
        html: result.html,
        text: result.text,
        subject: result.subject,
        error: undefined,
      });
      for (const warning of result.warnings) process.stderr.write(`${formatWarning(file, warning)}\n`);
    } catch (error) {
      if (!(error instanceof NewsbriefError)) throw error;
      // Keep showing the last good render; the page shows the error above it.
      state.error = error.message;
      process.stderr.write(`${error.message}\n`);
    }
    for (const client of clients) client.write(`data: ${state.version}\n\n`);
  };
  await rebuild();

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (type: string, body: string) => {
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/') return send('text/html', previewPage);
    if (path === '/email.html') return send('text/html', state.html || `<p>${state.error ?? ''}</p>`);
    if (path === '/email.txt') return send('text/plain', state.text);
    if (path === '/state.json') {
      return send(
        'application/json',
        JSON.stringify({ version: state.version, subject: state.subject, error: state.error }),
      );
    }
    if (path === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    response.writeHead(404).end('Not found');
  });

  const watcher = watchFile(file, () => void rebuild());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
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
