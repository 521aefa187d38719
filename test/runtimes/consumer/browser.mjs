/**
 * The scenario in a web page, bundled by esbuild for the browser: the page keeps the summary's
 * JSON in a promise the test awaits.
 */
import * as newsbrief from 'newsbrief';
import brand from './brand.js';
import { edition, seed } from './inputs.mjs';
import { runScenario } from './scenario.mjs';

globalThis.newsbriefSummary = runScenario(newsbrief, brand, { edition, seed }).then((summary) =>
  JSON.stringify(summary),
);
