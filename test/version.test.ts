import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('newsbrief --version', () => {
  it.each(['--version', '-V'])('%s prints the package.json version the CLI was built from', async (flag) => {
    const { stdout, stderr } = await run('node', [cli, flag], { encoding: 'utf8' });
    expect(stdout).toBe(`${version}\n`);
    expect(stderr).toBe('');
  });

  it('is listed in --help', async () => {
    const { stdout } = await run('node', [cli, '--help'], { encoding: 'utf8' });
    expect(stdout).toMatch(/-V, --version\s+print the newsbrief version/);
  });
});
