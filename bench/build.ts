/**
 * Builds the package (ESM + CJS + CLI, no .d.ts) with the repository's tsup config, for the
 * cold-start bench and the tests that run the built package.
 *
 * tsup runs as a child process: its programmatic `build()` has resolved before the CommonJS file
 * was completely written (a child then failed with "Unexpected token '}'" about one run in three),
 * while a finished process has flushed everything.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const artifactsDir = join(root, 'test/artifacts');
const tsupBin = createRequire(import.meta.url).resolve('tsup/dist/cli-default.js');

/** Builds into `outDir` (relative to the repository root). */
export async function buildInto(outDir: string): Promise<void> {
  await run(process.execPath, [tsupBin, '--no-dts', '--silent', '--out-dir', outDir], { cwd: root });
}

/**
 * Builds into a fresh folder under test/artifacts/ (inside the repository, so node_modules
 * resolves; private, so a concurrent rebuild of dist/ cannot interfere) and returns its path.
 */
export async function buildPackage(prefix: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const outDir = await mkdtemp(join(artifactsDir, prefix));
  await buildInto(outDir);
  return outDir;
}
