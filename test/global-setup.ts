/**
 * Builds dist/ (JavaScript only, no .d.ts) once per test run, so the CLI and cold-start tests run
 * the real built package even on a fresh clone where `npm test` comes before `npm run build`.
 */
import { build } from 'tsup';
import configs from '../tsup.config.js';

export default async function setup(): Promise<void> {
  const list = Array.isArray(configs) ? configs : [configs];
  for (const config of list) {
    await build({ ...(config as object), dts: false, silent: true });
  }
}
