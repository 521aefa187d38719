/**
 * Builds the package (JavaScript only, no .d.ts) once per test run into test/artifacts/build, so
 * the CLI tests run the real built binary even on a fresh clone where `npm test` comes before
 * `npm run build`, without leaving test builds in dist/ for `npm pack` to pick up.
 */
import { rm } from 'node:fs/promises';
import { buildInto } from '../bench/build.js';

export default async function setup(): Promise<void> {
  await rm(new URL('./artifacts/build', import.meta.url), { recursive: true, force: true });
  await buildInto('test/artifacts/build');
}
