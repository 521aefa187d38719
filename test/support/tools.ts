/** Whether a test that needs an outside program (a browser, SpamAssassin) runs here. */
import { existsSync } from 'node:fs';

export const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/**
 * True when `path` exists, or in CI, where a missing program must fail its tests rather than skip
 * them (`.ci/run` installs it). Elsewhere a missing program skips with a message saying what to
 * install.
 */
export function toolAvailable(what: string, path: string, install: string): boolean {
  if (existsSync(path) || inCI) return true;
  console.warn(`Skipping ${what} tests: ${path} is missing. Install it with: ${install}`);
  return false;
}
