/**
 * The preview server answers its own page only: real HTTP requests against a started
 * `newsbrief preview` with a foreign Host (DNS rebinding) or from another origin are refused, the
 * server-sent events stream included; the page's own requests and a typed URL are served.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/preview-server.js';

const example = fileURLToPath(new URL('../examples/morning-edition.json', import.meta.url));

interface Answer {
  status: number;
  type: string;
  /** The body, or its first chunk for a stream that stays open. */
  body: string;
}

let server: ChildProcess;
let port: number;

beforeAll(async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'newsbrief-guard-')), 'edition.json');
  await copyFile(example, file);
  const started = await startServer(file);
  server = started.server;
  port = Number(new URL(started.url).port);
});

afterAll(() => {
  server?.kill();
});

/** GET `path` from the preview on 127.0.0.1 with these headers (`host` overrides the real one). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.once('data', (chunk: Buffer) => {
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type']),
          body: chunk.toString(),
        });
        // The events stream stays open: one chunk says what it is.
        req.destroy();
      });
    });
    req.once('error', reject);
    req.end();
  });
}

const own = () => `127.0.0.1:${port}`;

describe('the preview server refuses requests that are not its own page', () => {
  it.each([
    ['the printed URL', () => ({})],
    ['localhost', () => ({ host: `localhost:${port}` })],
    ['localhost in capitals', () => ({ host: `LocalHost:${port}` })],
    ['a typed URL (Sec-Fetch-Site: none)', () => ({ 'sec-fetch-site': 'none' })],
    [
      'its own page',
      () => ({ origin: `http://${own()}`, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' }),
    ],
    ['its own page on localhost', () => ({ host: `localhost:${port}`, origin: `http://localhost:${port}` })],
  ])('serves %s', async (_name, headers) => {
    for (const path of ['/', '/editor.js', '/events']) {
      const answer = await get(path, headers());
      expect(answer.status, path).toBe(200);
    }
    const events = await get('/events', headers());
    expect(events.type).toBe('text/event-stream');
    expect(events.body).toMatch(/^id: 0\ndata: "\{/);
  });

  it.each([
    ['a rebound hostname', () => `attacker.example:${port}`],
    ['a rebound hostname without a port', () => 'attacker.example'],
    ['127.0.0.1 without the port', () => '127.0.0.1'],
    ['127.0.0.1 on another port', () => `127.0.0.1:${port + 1}`],
    ['a subdomain of localhost', () => `evil.localhost:${port}`],
    ['0.0.0.0', () => `0.0.0.0:${port}`],
    ['[::1]', () => `[::1]:${port}`],
  ])('refuses Host %s with 421, on every path', async (_name, host) => {
    for (const path of ['/', '/editor.js', '/events', '/templates.js', '/nothing']) {
      const answer = await get(path, { host: host() });
      expect(answer.status, path).toBe(421);
      expect(answer.type).toBe('text/plain; charset=utf-8');
      expect(answer.body).toMatch(/^Refused: this preview answers to http:\/\/127\.0\.0\.1:\d+\/ /);
    }
  });

  it('refuses a request without a Host header (HTTP/1.0)', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET /events HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.once('end', () => resolve(text));
      socket.once('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(reply).toContain('not to Host (none)');
  });

  it.each([
    ['another site', () => ({ origin: 'https://attacker.example' })],
    ['an opaque origin (sandboxed frame, file:)', () => ({ origin: 'null' })],
    ['another local port', () => ({ origin: `http://127.0.0.1:${port + 1}` })],
    ['the other loopback name', () => ({ origin: `http://localhost:${port}` })],
    ['https on the same host', () => ({ origin: `https://${own()}` })],
    ['Sec-Fetch-Site: cross-site', () => ({ 'sec-fetch-site': 'cross-site' })],
    ['Sec-Fetch-Site: same-site', () => ({ 'sec-fetch-site': 'same-site' })],
    [
      'a same-origin Origin with cross-site fetch metadata',
      () => ({ origin: `http://${own()}`, 'sec-fetch-site': 'cross-site' }),
    ],
  ])('refuses a request from %s with 403, the event stream included', async (_name, headers) => {
    for (const path of ['/', '/editor.js', '/events']) {
      const answer = await get(path, headers());
      expect(answer.status, path).toBe(403);
      expect(answer.body).toMatch(/^Refused: a .*, not from this preview\.\n$/);
    }
  });
});
