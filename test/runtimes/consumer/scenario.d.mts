// Types for scenario.mjs, which stays plain JavaScript so every runtime runs it as it is. The
// consumer's `newsbrief` is the package built from src/, so its types are src/index.ts's.
import type * as newsbrief from '../../../src/index.js';

export declare const linkParams: Record<string, string>;
export declare const brandTheme: newsbrief.Theme;
export declare function runScenario(
  api: typeof newsbrief,
  brand: newsbrief.CompiledTemplates,
  inputs: { edition: newsbrief.Briefing; seed: string },
): Promise<Record<string, unknown>>;
