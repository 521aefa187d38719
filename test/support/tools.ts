/** Outside programs the tests drive (a browser, SpamAssassin, a runtime): whether they run here, a port for them. */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/**
 * True when every program in `paths` exists, or in CI, where a missing program must fail its tests
 * rather than skip them (`.ci/run` installs it). Elsewhere a missing program skips with a message
 * saying what to install.
 */
export function toolAvailable(what: string, paths: string | readonly string[], install: string): boolean {
  const missing = (typeof paths === 'string' ? [paths] : paths).filter((path) => !existsSync(path));
  if (missing.length === 0 || inCI) return true;
  console.warn(`Skipping ${what} tests: ${missing.join(', ')} missing. Install with: ${install}`);
  return false;
}

/** A TCP port on 127.0.0.1 that nothing listens on, for a program that takes `--port`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
