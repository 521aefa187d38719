/**
 * newsbrief as a user gets it: packed into a tarball with `npm pack`, installed into an empty
 * consumer project, and measured there (packages in node_modules, bytes on disk).
 */
import { execFile } from 'node:child_process';
import { cp, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The environment for a child `npm`, without the `npm_*` variables of the `npm test` that may have
 * started this run: `npm_config_prefix` and friends would point the child at the repository.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/**
 * Packs the package with `buildDir` as its dist/ (the build the test run made, so the repository's
 * own dist/ is neither needed nor touched) and returns the tarball's path. Everything else comes
 * from the repository as `npm pack` would take it: package.json, its `files`, README* and LICENSE.
 */
export async function packPackage(buildDir: string, workDir: string): Promise<string> {
  const stage = join(workDir, 'stage');
  await mkdir(stage, { recursive: true });
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
  // npm packs README*, LICENSE* and the like whatever `files` says.
  const always = (await readdir(repoRoot)).filter((name) => /^(readme|license|licence)/i.test(name));
  for (const entry of ['package.json', ...always, ...manifest.files]) {
    if (entry === 'dist') continue;
    await cp(join(repoRoot, entry), join(stage, entry), { recursive: true });
  }
  await cp(buildDir, join(stage, 'dist'), { recursive: true });
  const packed = JSON.parse(
    await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], stage),
  ) as { filename: string }[];
  const filename = packed[0]?.filename;
  if (filename === undefined) throw new Error(`npm pack wrote no tarball in ${stage}`);
  return join(workDir, filename);
}

/**
 * Installs the tarball into `dir`, a new consumer project with nothing else in it (no peers), as
 * `npm install ./newsbrief-x.y.z.tgz` would.
 */
export async function installConsumer(tarball: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'newsbrief-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir);
}

/** What an install puts in node_modules. */
export interface Footprint {
  /** Package names, nested ones with their parent's path (`a/node_modules/b`). */
  packages: string[];
  /** Sum of file sizes, as `du -sb` counts them. */
  apparentBytes: number;
  /** Blocks allocated on disk, as `du -s` counts them (each file rounds up to a block). */
  diskBytes: number;
}

/** Every package directory under a node_modules folder, scoped and nested ones included. */
async function packagesIn(nodeModules: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const names = entry.name.startsWith('@')
      ? (await readdir(join(nodeModules, entry.name))).map((name) => `${entry.name}/${name}`)
      : [entry.name];
    for (const name of names) {
      found.push(prefix + name);
      const nested = join(nodeModules, name, 'node_modules');
      if (
        await lstat(nested)
          .then((stat) => stat.isDirectory())
          .catch(() => false)
      ) {
        found.push(...(await packagesIn(nested, `${prefix}${name}/node_modules/`)));
      }
    }
  }
  return found;
}

/** Bytes under `dir`, each hard-linked file once. */
async function bytesIn(dir: string, seen = new Set<number>()): Promise<{ apparent: number; disk: number }> {
  const total = { apparent: 0, disk: 0 };
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = await lstat(path);
    if (seen.has(stat.ino)) continue;
    seen.add(stat.ino);
    total.disk += stat.blocks * 512;
    if (entry.isDirectory()) {
      const inner = await bytesIn(path, seen);
      total.apparent += inner.apparent;
      total.disk += inner.disk;
    } else {
      total.apparent += stat.size;
    }
  }
  return total;
}

/** The install footprint of a consumer project: its node_modules. */
export async function footprint(consumerDir: string): Promise<Footprint> {
  const nodeModules = join(consumerDir, 'node_modules');
  const bytes = await bytesIn(nodeModules);
  return { packages: await packagesIn(nodeModules), apparentBytes: bytes.apparent, diskBytes: bytes.disk };
}
