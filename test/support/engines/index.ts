/**
 * The three rendering engines behind the mail clients people read in: WebKit (Apple Mail, iOS
 * Mail), Gecko (Thunderbird) and Chromium (Gmail and Outlook on the web). Shared by
 * test/engines.test.ts and `npm run shots`.
 */
import { existsSync } from 'node:fs';
import { toolAvailable } from '../tools.js';
import { chromiumEngine } from './chromium.js';
import { geckoEngine } from './gecko.js';
import type { EngineLauncher } from './types.js';
import { webkitEngine } from './webkit.js';

export { type PageProbe, probeExpression } from './probe.js';
export { type ImageMode, type PageServer, startPageServer } from './server.js';
export type { EngineBrowser, EngineLauncher, EngineName, EnginePage, Scheme } from './types.js';

export const engines: readonly EngineLauncher[] = [webkitEngine, geckoEngine, chromiumEngine];

/** The programs an engine needs that are not installed. */
export function missingBinaries(engine: EngineLauncher): string[] {
  return engine.binaries.filter((path) => !existsSync(path));
}

/**
 * Whether an engine runs here: always in CI, where a missing engine must fail its tests rather than
 * skip them; elsewhere only when its programs are installed (else a message says what to install).
 */
export function engineAvailable(engine: EngineLauncher): boolean {
  return toolAvailable(`${engine.label} engine`, engine.binaries, engine.install);
}
