/** Loads any example briefing by name; DOM parsing is shared with the fidelity tests. */
import { readFileSync } from 'node:fs';
import type { Briefing } from '../../src/index.js';

export { parseDocument } from '../support/fidelity.js';

export function loadExample(name: string): Briefing {
  return JSON.parse(
    readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'),
  ) as Briefing;
}
