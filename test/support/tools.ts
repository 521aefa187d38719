/** Whether a test that needs an outside program (a browser, SpamAssassin) runs here. */
import { existsSync } from 'node:fs';

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
