/**
 * Which module system a `.js` file is loaded as, the way Node decides it: by the `type` field of
 * the nearest package.json above it (`"module"` → ES module; anything else, or none → CommonJS).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The module system of a `.js` file at `file`, and the package.json that decides it. */
export interface ModuleSystem {
  kind: 'esm' | 'cjs';
  /** The nearest package.json, or `undefined` when there is none up to the root. */
  packageJson?: string;
}

export function moduleSystemOf(file: string): ModuleSystem {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    const packageJson = join(dir, 'package.json');
    if (existsSync(packageJson)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(packageJson, 'utf8')) as { type?: unknown }).type;
      } catch {
        // An unreadable package.json decides nothing for Node either: it fails on its own.
      }
      return { kind: type === 'module' ? 'esm' : 'cjs', packageJson };
    }
    if (dirname(dir) === dir) return { kind: 'cjs' };
  }
}
