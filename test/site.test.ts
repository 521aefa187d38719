/** `newsbrief site` / buildSite: pages, paged index, feeds, sitemap; deterministic and incremental. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../src/node/site.js';

const baseUrl = 'https://news.example.com/briefs/';

async function editions(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsbrief-site-in-'));
  for (let n = 0; n < count; n += 1) {
    const day = String(n + 1).padStart(2, '0');
    await writeFile(
      join(dir, `2026-03-${day}-am.md`),
      `---\ntitle: Morning Brief\n---\n\n# Story ${n + 1} <b>bold?</b>\n\nLede of edition ${n + 1}.\n\n**Why it matters:** It does.\n`,
    );
  }
  return dir;
}

describe('buildSite', () => {
  it('writes a page per edition, a paged index newest first, three feeds and a sitemap', async () => {
    const input = await editions(5);
    const out = await mkdtemp(join(tmpdir(), 'newsbrief-site-out-'));
    const result = await buildSite(input, out, { baseUrl, perPage: 2 });
    expect(result.editions).toBe(5);
    expect(result.written).toContain('2026/03/05/am/index.html');
    expect(result.written).toEqual(
      expect.arrayContaining([
        'index.html',
        'page/2/index.html',
        'page/3/index.html',
        'feed.xml',
        'atom.xml',
        'feed.json',
        'sitemap.xml',
      ]),
    );
    const { document } = parseHTML(await readFile(join(out, 'index.html'), 'utf8'));
    expect(document.documentElement.getAttribute('lang')).toBe('en-US');
    expect(document.querySelector('main')).not.toBeNull();
    expect([...document.querySelectorAll('main h2 a')].map((a) => a.textContent)).toEqual([
      'Story 5 <b>bold?</b>',
      'Story 4 <b>bold?</b>',
    ]);
    expect(document.querySelector('main b')).toBeNull();
    expect(document.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(`${baseUrl}page/2/`);
    const page = await readFile(join(out, '2026/03/03/am/index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="${baseUrl}2026/03/03/am/">`);
    const feed = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8'));
    expect(feed.items.map((item: { url: string }) => item.url)[0]).toBe(`${baseUrl}2026/03/05/am/`);
    expect(await readFile(join(out, 'sitemap.xml'), 'utf8')).toContain(
      `<loc>${baseUrl}2026/03/01/am/</loc><lastmod>2026-03-01</lastmod>`,
    );
  });

  it('is deterministic and rewrites only what changed', async () => {
    const input = await editions(3);
    const out = await mkdtemp(join(tmpdir(), 'newsbrief-site-out-'));
    await buildSite(input, out, { baseUrl });
    const before = await stat(join(out, '2026/03/01/am/index.html'));
    const bytes = await readFile(join(out, 'feed.xml'), 'utf8');
    const again = await buildSite(input, out, { baseUrl });
    expect(again.written).toEqual([]);
    expect((await stat(join(out, '2026/03/01/am/index.html'))).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(join(out, 'feed.xml'), 'utf8')).toBe(bytes);
    await writeFile(
      join(input, '2026-03-02-am.md'),
      '---\ntitle: Morning Brief\n---\n\n# Changed\n\nNew lede.\n',
    );
    const changed = await buildSite(input, out, { baseUrl });
    expect(changed.written).toContain('2026/03/02/am/index.html');
    expect(changed.written).not.toContain('2026/03/01/am/index.html');
  });
});

describe('newsbrief site', () => {
  const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
  const run = (args: string[]) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        'node',
        [cli, ...args],
        { encoding: 'utf8', env: { ...process.env, NEWSBRIEF_BASE_URL: '' } },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });

  it('builds, and fails in one line for a missing base URL or a broken edition', async () => {
    const input = await editions(2);
    const out = await mkdtemp(join(tmpdir(), 'newsbrief-site-out-'));
    const ok = await run(['site', input, '-o', out, '--base-url', baseUrl]);
    expect(ok.stderr).toMatch(/^Built 2 editions into .*: 7 files written, 0 unchanged\n$/);
    expect((await run(['site', input, '-o', out])).stderr).toMatch(/^newsbrief: --base-url is required/);
    expect((await run(['site', input, '-o', out, '--base-url', 'news.example.com'])).stderr).toMatch(
      /siteUrl: expected an absolute/,
    );
    await writeFile(
      join(input, 'broken.json'),
      '{\n  "title": "Morning Brief",\n  "date": "2026-03-09",\n  "stories": [{ "headline": "" }]\n}\n',
    );
    const broken = await run(['site', input, '-o', out, '--base-url', baseUrl]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json:4:\d+: stories\[0\]\.headline: /);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
  });
});
