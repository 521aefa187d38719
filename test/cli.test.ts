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
    expect(bad.stderr).toContain('theme.brandColor');
  });

  it('explains a missing file', async () => {
    const result = await run(['render', 'no-such-file.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot read no-such-file.json: no such file');
  });
});

describe('newsbrief lint', () => {
  it('prints the seed findings and exits 0: warnings do not fail a lint', async () => {
    const result = await run(['lint', seed]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning stories[0].source: Source "Source" has no link');
    expect(result.stdout).toMatch(/0 errors, 1 warning, 0 info in 1 file\n/);
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
    expect(result.stdout).toMatch(/empty\.md: error/);
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
