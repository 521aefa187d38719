/**
 * The scenario as a script, for the runtimes that run files: Node, Bun, Deno. `newsbrief`
 * resolves from the consumer's node_modules through each runtime's own export conditions.
 * Prints the summary as one line of JSON.
 */
import * as newsbrief from 'newsbrief';
import brand from './brand.js';
import { edition, seed } from './inputs.mjs';
import { runScenario } from './scenario.mjs';

const summary = await runScenario(newsbrief, brand, { edition, seed });
console.log(JSON.stringify(summary));
