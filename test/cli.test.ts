import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
const seed = fileURLToPath(new URL('./fixtures/parse/seed.txt', import.meta.url));
const morning = fileURLToPath(new URL('../examples/morning-edition.json', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile('node', [cli, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

describe('newsbrief render', () => {
  it('renders the plain-text seed to html and text files and prints warnings to stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbrief-cli-'));
    const result = await run(['render', seed, '-o', join(dir, 'seed.html'), '--text', join(dir, 'seed.txt')]);
    expect(result.code).toBe(0);
    const html = await readFile(join(dir, 'seed.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('US and Israel to meet Iran working group');
    expect(await readFile(join(dir, 'seed.txt'), 'utf8')).toContain('Behind the scenes:');
    expect(result.stderr).toContain('[source-link]');
    expect(result.stderr).toMatch(/Wrote .*seed\.html/);
  });

  it('reads JSON from stdin and writes html to stdout', async () => {
    const result = await run(['render', '-'], JSON.stringify({ headline: 'From stdin', lede: 'One line.' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('From stdin');
  });

  it('exits 1 with the path-named error on invalid input', async () => {
    const result = await run(['render', '-'], JSON.stringify({ title: 'T', stories: [{ headline: '' }] }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('stories[0].headline: expected a non-empty headline');
    expect(result.stdout).toBe('');
  });

  it('applies a theme file and rejects a bad one with its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbrief-cli-'));
    await writeFile(join(dir, 'theme.json'), JSON.stringify({ brandColor: '#c8102e' }));
    const themed = await run(['render', morning, '--theme', join(dir, 'theme.json')]);
    expect(themed.code).toBe(0);
    expect(themed.stdout).toContain('#c8102e');
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ brandColor: 'red' }));
    const bad = await run(['render', morning, '--theme', join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.json:1:16: theme file: brandColor: expected a hex colour');
  });

  it('explains a missing file', async () => {
    const result = await run(['render', 'no-such-file.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('no-such-file.json: no such file or folder\n');
  });
});

describe('newsbrief lint', () => {
  it('prints the seed findings and exits 0: warnings do not fail a lint', async () => {
    const result = await run(['lint', seed]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${seed}:29:1: warning Source "Source" has no link`);
    expect(result.stdout).toMatch(/0 errors, 1 warning, 0 info in 1 file\n/);
  });

  it('points findings in Markdown and plain text at file:line:col, and carries the span in JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbrief-cli-'));
    const file = join(dir, 'story.txt');
    const long = Array.from({ length: 52 }, (_, i) => `word${i}`).join(' ');
    await writeFile(file, `Headline here\n\nA lede.\n\nWhy it matters: Because.\n\n• Short.\n• ${long}\n`);
    const text = await run(['lint', file]);
    expect(text.stdout).toContain(
      `${file}:8:1: warning Bullet has 52 words; cut it to 50 or fewer. [bullet-length]`,
    );
    const json = await run(['lint', file, '--format', 'json']);
    const [report] = JSON.parse(json.stdout) as { warnings: Record<string, unknown>[] }[];
    expect(report?.warnings.find((warning) => warning.rule === 'bullet-length')).toMatchObject({
      path: 'stories[0].sections[0].body[1].bullets[1]',
      line: 8,
      column: 1,
      endLine: 8,
    });
  });

  it('emits JSON and honours --max-warnings', async () => {
    const json = await run(['lint', morning, '--format', 'json']);
    const reports = JSON.parse(json.stdout) as { file: string; warnings: { rule: string }[] }[];
    expect(reports[0]?.file).toBe(morning);
    const warningCount = reports[0]?.warnings.length ?? 0;
    const strict = await run(['lint', morning, '--max-warnings', '0']);
    expect(strict.code).toBe(warningCount > 0 ? 1 : 0);
  });

  it('reports unparseable files as errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbrief-cli-'));
    await writeFile(join(dir, 'empty.md'), '   \n');
    const result = await run(['lint', join(dir, 'empty.md')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/empty\.md:1:1: error the source is empty/);
  });
});

describe('newsbrief parse', () => {
  it('prints the structure read from a paste: story, labels, blocks and lines', async () => {
    const result = await run(['parse', seed]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('story 1: "US and Israel to meet Iran working group" (line 1)');
    expect(lines.filter((line) => /^ {2}section /.test(line))).toEqual([
      '  section 1 "Why it matters" (line 5)',
      '  section 2 "Flashback" (lines 7–11)',
      '  section 3 "Driving the news" (lines 13–15)',
      '  section 4 "Behind the scenes" (lines 17–21)',
      '  section 5 "What\'s next" (lines 23–25)',
      '  section 6 "The situation" (line 27)',
    ]);
    expect(result.stdout).toContain('    bullets: 3 items, first "It was the main venue');
    expect(result.stdout).toContain('  source: "Source" (no link) (line 29)');
  });

  it('prints the briefing and positions as JSON', async () => {
    const result = await run(['parse', '-', '--format', 'json'], 'Scoop: A headline\n\nThe lede.\n');
    const { briefing, positions } = JSON.parse(result.stdout);
    expect(briefing.stories[0]).toEqual({ kicker: 'Scoop', headline: 'A headline', lede: 'The lede.' });
    expect(positions['stories[0].lede']).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 10 });
  });
});

describe('newsbrief schema and --help', () => {
  it('prints the JSON Schema', async () => {
    const result = await run(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });
  });

  it.each(['render', 'lint', 'preview', 'schema'])('%s --help', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: newsbrief ${command}`);
  });
});
