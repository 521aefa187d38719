/**
 * Builds dist/ (JavaScript only, no .d.ts) once per test run, so the CLI tests run the real built
 * binary even on a fresh clone where `npm test` comes before `npm run build`.
 */
import { buildInto } from '../bench/build.js';

export default async function setup(): Promise<void> {
  await buildInto('dist');
}
