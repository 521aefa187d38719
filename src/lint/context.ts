/** What every rule sees: the validated briefing, each story with its path and ordered sections. */

import type { Briefing, Story } from '../model.js';
import { type OrderedSection, orderedSections } from '../normalize/sections.js';
import { canonicalAxiom } from '../parse/axioms.js';
import { formatInteger } from '../render/stats.js';
import { countWords, plainText, splitParagraphs } from './sentences.js';
import type { LintRuleName, LintSeverity, LintWarning } from './types.js';

/** A story field as the rules read it, each part worked out once and only when a rule asks. */
export class FieldText {
  private cachedWords: number | undefined;
  private cachedParagraphs: string[][] | undefined;
  private cachedSentences: string[] | undefined;

  /** @param plain The text a reader sees: inline Markdown removed, links as their label. */
  constructor(readonly plain: string) {}

  /** Words, counted as the stats count them. */
  get words(): number {
    this.cachedWords ??= countWords(this.plain);
    return this.cachedWords;
  }

  /** Sentences of each paragraph (paragraphs are separated by a blank line). */
  get paragraphs(): readonly string[][] {
    this.cachedParagraphs ??= splitParagraphs(this.plain);
    return this.cachedParagraphs;
  }

  /** Every sentence, in order: `splitSentences(plain)`. */
  get sentences(): readonly string[] {
    if (this.cachedSentences === undefined) {
      const paragraphs = this.paragraphs;
      this.cachedSentences = paragraphs.length === 1 ? (paragraphs[0] as string[]) : paragraphs.flat();
    }
    return this.cachedSentences;
  }
}

/** One story and how to name its fields. */
export interface StoryContext {
  story: Story;
  index: number;
  sections: OrderedSection[];
  /** Path of the story itself: `stories[1]` (`stories[0]` for a story linted alone). */
  root: string;
  /** Path of a field given relative to the story: `at('lede')` → `stories[1].lede`. */
  at: (relative: string) => string;
  /** Words a reader reads in the story, once a rule has counted them. */
  words?: number;
}

/** The input of every rule. */
export interface LintContext {
  briefing: Briefing;
  /**
   * True when a `Story` was passed alone. Its paths are still `stories[0]…`, as for the story
   * wrapped in a briefing (the contract treats it as a one-story briefing), so one finding has
   * one path however the story was passed.
   */
  standalone: boolean;
  stories: StoryContext[];
  htmlBytes: number | undefined;
  /** A field's text, parsed and measured once per lint run however many rules read it. */
  text: (raw: string | undefined) => FieldText;
  /** `canonicalAxiom(label)`, worked out once per label and lint run. */
  axiom: (label: string) => string | undefined;
  /** Every text field in reading order, once a rule has listed them. */
  fields?: TextField[];
}

/** A run of story text and where it lives. */
export interface TextField {
  path: string;
  kind: 'headline' | 'lede' | 'paragraph' | 'bullet' | 'greeting';
  /** Plain text (inline Markdown removed), its words and sentences. */
  text: FieldText;
}

export function createContext(briefing: Briefing, standalone: boolean, htmlBytes?: number): LintContext {
  const stories = briefing.stories.map((story, index): StoryContext => {
    const root = `stories[${index}]`;
    return { story, index, sections: orderedSections(story), root, at: pathsUnder(root) };
  });
  const fields = new Map<string, FieldText>();
  const empty = new FieldText('');
  const text = (raw: string | undefined): FieldText => {
    if (!raw) return empty;
    let field = fields.get(raw);
    if (field === undefined) {
      field = new FieldText(plainText(raw));
      fields.set(raw, field);
    }
    return field;
  };
  const axioms = new Map<string, string | undefined>();
  const axiom = (label: string): string | undefined => {
    if (!axioms.has(label)) axioms.set(label, canonicalAxiom(label));
    return axioms.get(label);
  };
  return { briefing, standalone, stories, htmlBytes, text, axiom };
}

/** `at` of a story: the path of a field given relative to it. */
function pathsUnder(root: string): (relative: string) => string {
  return (relative) => (root && relative ? `${root}.${relative}` : root || relative);
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

/** `1,203`: lint messages are English. */
export function thousands(count: number): string {
  return formatInteger(count, 'en-US');
}

/** `3 words`, `1 word`, with thousands separators. */
export function plural(count: number, noun: string): string {
  return `${thousands(count)} ${noun}${count === 1 ? '' : 's'}`;
}
