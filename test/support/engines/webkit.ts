/**
 * WebKit (Apple Mail, iOS Mail): WebKitGTK's MiniBrowser under a private Xvfb display, driven by
 * WebKitWebDriver over plain HTTP W3C WebDriver (`apt-get install webkit2gtk-driver xvfb`).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../tools.js';
import type { EngineBrowser, EngineLauncher, EnginePage, Scheme } from './types.js';

const miniBrowser = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const driverPath = process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const xvfbPath = '/usr/bin/Xvfb';
/** Tallest window (and X screen) used for a screenshot; taller pages are scrolled and stitched. */
const maxWindowHeight = 16_384;

/**
 * MiniBrowser's toolbar keeps its window at least 447 px wide; a throw-away GTK theme that shrinks
 * the toolbar's widgets to nothing lets the viewport go down to 375 px.
 */
const gtkCss = `headerbar, toolbar, toolbar *, headerbar *, entry, button, box, image, label {
  min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px;
  -gtk-icon-transform: scale(0);
}
`;

const run = promisify(execFile);

/** Starts Xvfb on the first free display (`-displayfd` writes its number). */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(
    xvfbPath,
    ['-displayfd', '3', '-screen', '0', `1280x${maxWindowHeight}x24`, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let errors = '';
    xvfb.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${errors.slice(-500)}`)));
  });
}

/** Waits until `url` answers (the driver takes a moment to listen). */
async function waitFor(url: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A minimal W3C WebDriver client: one session, JSON over HTTP. */
class WebDriverSession {
  constructor(
    private readonly base: string,
    readonly id: string,
  ) {}

  static async create(base: string, capabilities: Record<string, unknown>) {
    const value = await WebDriverSession.call<{ sessionId: string; capabilities: Record<string, string> }>(
      base,
      'POST',
      '/session',
      { capabilities: { alwaysMatch: capabilities } },
    );
    return { session: new WebDriverSession(`${base}/session/${value.sessionId}`, value.sessionId), value };
  }

  static async call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok)
      throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  command<T>(method: string, path: string, body?: unknown): Promise<T> {
    return WebDriverSession.call<T>(this.base, method, path, body);
  }

  execute<T>(script: string): Promise<T> {
    return this.command<T>('POST', '/execute/sync', { script, args: [] });
  }

  /** Resolves after the page has painted twice, so a resize has reached the screen. */
  painted(): Promise<void> {
    return this.command('POST', '/execute/async', {
      script:
        'const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(null)));',
      args: [],
    });
  }

  async setWindow(width: number, height: number): Promise<void> {
    await this.command('POST', '/window/rect', { width, height });
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.command<string>('GET', '/screenshot'), 'base64');
  }
}

async function stitch(slices: Buffer[], lastOffset: number, width: number, height: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'newsbrief-stitch-'));
  try {
    const files = await Promise.all(
      slices.map(async (slice, index) => {
        const file = join(dir, `${index}.png`);
        await writeFile(file, slice);
        return file;
      }),
    );
    // The last slice was taken scrolled to the bottom: keep only the part not already covered.
    const last = files.length - 1;
    const args = files.flatMap((file, index) =>
      index === last && lastOffset > 0
        ? ['(', file, '-crop', `${width}x${height}+0+${lastOffset}`, '+repage', ')']
        : [file],
    );
    const out = join(dir, 'out.png');
    await run('convert', [...args, '-append', out]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const webkitEngine: EngineLauncher = {
  engine: 'webkit',
  label: 'WebKit',
  binaries: [driverPath, miniBrowser, xvfbPath],
  install: 'apt-get install -y --no-install-recommends webkit2gtk-driver xvfb',
  async launch(scheme: Scheme): Promise<EngineBrowser> {
    const config = await mkdtemp(join(tmpdir(), 'newsbrief-webkit-'));
    await mkdir(join(config, 'gtk-3.0'));
    await writeFile(join(config, 'gtk-3.0', 'gtk.css'), gtkCss);
    const xvfb = await startXvfb();
    const port = await freePort();
    const driver = spawn(driverPath, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: xvfb.display, XDG_CONFIG_HOME: config, GDK_BACKEND: 'x11' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    const stop = async () => {
      driver.kill();
      xvfb.process.kill();
      await rm(config, { recursive: true, force: true });
    };
    try {
      await waitFor(`${base}/status`);
      const { session, value } = await WebDriverSession.create(base, {
        'webkitgtk:browserOptions': {
          binary: miniBrowser,
          args: ['--automation', ...(scheme === 'dark' ? ['--dark-mode'] : [])],
        },
      });
      let windowHeight = 800;
      const resize = async (width: number, height = windowHeight) => {
        // The window has no side chrome once the toolbar is shrunk; check rather than assume, after
        // the resize has been painted (innerWidth lags the window/rect command).
        let outer = width;
        for (let attempt = 0; attempt < 5; attempt++) {
          await session.setWindow(outer, height);
          await session.painted();
          const inner = await session.execute<number>('return window.innerWidth');
          if (inner === width) {
            windowHeight = height;
            return;
          }
          outer += width - inner;
        }
        throw new Error(`WebKit: could not give the viewport a width of ${width} px`);
      };
      return {
        engine: 'webkit',
        scheme,
        version: `WebKitGTK ${value.capabilities.browserVersion} (${value.capabilities.browserName})`,
        async open(url, width): Promise<EnginePage> {
          await resize(width);
          await session.command('POST', '/url', { url });
          return {
            resize: (w) => resize(w),
            evaluate: (expression) => session.execute(`return ${expression};`),
            // WebDriver screenshots cover the viewport only: grow the window to the page.
            async screenshot() {
              const { width, inner, chrome, page } = await session.execute<{
                width: number;
                inner: number;
                chrome: number;
                page: number;
              }>(
                'return { width: innerWidth, inner: innerHeight, chrome: outerHeight - innerHeight, page: document.documentElement.scrollHeight };',
              );
              const saved = windowHeight;
              const chromeHeight = Math.max(0, chrome || saved - inner);
              try {
                if (page + chromeHeight <= maxWindowHeight) {
                  await resize(width, page + chromeHeight);
                  return await session.screenshot();
                }
                const view = maxWindowHeight - chromeHeight;
                await resize(width, maxWindowHeight);
                const slices: Buffer[] = [];
                let top = 0;
                for (; top + view < page; top += view) {
                  await session.execute(`window.scrollTo(0, ${top}); return null;`);
                  await session.painted();
                  slices.push(await session.screenshot());
                }
                await session.execute(`window.scrollTo(0, ${page}); return null;`);
                await session.painted();
                slices.push(await session.screenshot());
                await session.execute('window.scrollTo(0, 0); return null;');
                return await stitch(slices, top + view - page, width, view);
              } finally {
                await resize(width, saved);
              }
            },
            close: async () => {
              await session.command('POST', '/url', { url: 'about:blank' });
            },
          };
        },
        async close() {
          await session.command('DELETE', '').catch(() => undefined);
          await stop();
        },
      };
    } catch (error) {
      await stop();
      throw error;
    }
  },
};
