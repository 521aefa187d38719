/**
 * The scenario as a Cloudflare Worker (module syntax), bundled by esbuild for workerd: every
 * request answers with the summary as JSON.
 */
import * as newsbrief from 'newsbrief';
import brand from './brand.js';
import { edition, seed } from './inputs.mjs';
import { runScenario } from './scenario.mjs';

export default {
  async fetch() {
    const summary = await runScenario(newsbrief, brand, { edition, seed });
    return new Response(JSON.stringify(summary), { headers: { 'content-type': 'application/json' } });
  },
};
