/**
 * Builds the package entry (ESM + CJS, no .d.ts) with the repository's tsup config into a private
 * folder, for the cold-start bench and the runtime-modules test: a shared dist/ may be mid-rebuild
 * by another process. The folder sits inside the repository so node_modules resolves.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import configs from '../tsup.config.js';

const artifactsDir = fileURLToPath(new URL('../test/artifacts/', import.meta.url));

/** Builds `src/index.ts` into a fresh folder under test/artifacts/ and returns that folder. */
export async function buildPackage(prefix: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const outDir = await mkdtemp(join(artifactsDir, prefix));
  const list = (Array.isArray(configs) ? configs : [configs]) as Options[];
  const config = list.find((entry) => JSON.stringify(entry.entry).includes('src/index.ts'));
  if (config === undefined) throw new Error('tsup.config.ts has no src/index.ts entry');
  await build({ ...config, outDir, dts: false, clean: false, silent: true });
  return outDir;
}
