/** Shared test helpers: example inputs and DOM parsing. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Briefing } from '../../src/index.js';

export function loadExample(name: string): Briefing {
  return JSON.parse(
    readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'),
  ) as Briefing;
}

/** Parses rendered html into a DOM document for structural assertions. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
