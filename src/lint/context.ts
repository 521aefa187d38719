/** What every rule sees: the validated briefing, each story with its path and ordered sections. */
import type { Briefing, Story } from '../model.js';
import { type OrderedSection, orderedSections } from '../normalize/sections.js';
import type { LintRuleName, LintSeverity, LintWarning } from './types.js';

/** One story and how to name its fields. */
export interface StoryContext {
  story: Story;
  index: number;
  sections: OrderedSection[];
  /** Path of the story itself: `stories[1]`, or `''` when a story is linted alone. */
  root: string;
  /** Path of a field given relative to the story: `at('lede')` → `stories[1].lede`. */
  at: (relative: string) => string;
}

/** The input of every rule. */
export interface LintContext {
  briefing: Briefing;
  /** True when a `Story` was passed alone, so paths are relative to it. */
  standalone: boolean;
  stories: StoryContext[];
  htmlBytes: number | undefined;
}

export function createContext(briefing: Briefing, standalone: boolean, htmlBytes?: number): LintContext {
  const stories = briefing.stories.map((story, index): StoryContext => {
    const root = standalone ? '' : `stories[${index}]`;
    const at = (relative: string) => (root && relative ? `${root}.${relative}` : root || relative);
    return { story, index, sections: orderedSections(story), root, at };
  });
  return { briefing, standalone, stories, htmlBytes };
}

/** Builds a finding. */
export function finding(
  rule: LintRuleName,
  severity: LintSeverity,
  message: string,
  path: string,
): LintWarning {
  return { rule, severity, message, path };
}

/** `3 words`, `1 word`, with thousands separators. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** Path of a section's bullet list as a whole: `sections[2].bullets[0]` → `sections[2].bullets`. */
export function bulletsPath(section: OrderedSection): string {
  return section.bulletPath(0).replace(/\[0\]$/, '');
}
