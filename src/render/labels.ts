/** The words newsbrief writes itself (not taken from the briefing), so an edition can be all one language. */
import { NewsbriefError } from '../errors.js';
import { textCharacterProblem } from '../normalize/text-hygiene.js';
import { describe } from '../schema.js';

/**
 * Built-in text, English by default. Translate it for editions in other languages.
 *
 * @example
 * await createRenderer({
 *   labels: { countLine: 'ספירת Smart Brevity: {words} מילים ... {minutes} דקות', unsubscribe: 'הסרה מהרשימה' },
 * });
 */
export interface Labels {
  /**
   * The Smart Brevity count line; `{words}` and `{minutes}` become the locale-formatted numbers.
   * @default "Smart Brevity count: {words} words ... {minutes} minutes" (singular for 1)
   */
  countLine?: string;
  /** Source link text when the story gives no label (followed by the site). @default "Go deeper" */
  goDeeper?: string;
  /** Sponsor label when the sponsor gives none. @default "Sponsored" */
  sponsored?: string;
  /** Sponsor link text (followed by the site). @default "Learn more" */
  learnMore?: string;
  /** @default "Unsubscribe" */
  unsubscribe?: string;
  /** @default "Manage preferences" */
  preferences?: string;
  /** Heading of the table of contents. @default "In this edition" */
  contents?: string;
  /** Prefix of an image in the plain-text part: `[Image: alt]`. @default "Image" */
  image?: string;
  /** The email's link to its web page (`Briefing.webUrl`). @default "View in browser" */
  viewInBrowser?: string;
}

export type ResolvedLabels = Required<Omit<Labels, 'countLine'>> & Pick<Labels, 'countLine'>;

export const defaultLabels: ResolvedLabels = {
  goDeeper: 'Go deeper',
  sponsored: 'Sponsored',
  learnMore: 'Learn more',
  unsubscribe: 'Unsubscribe',
  preferences: 'Manage preferences',
  contents: 'In this edition',
  image: 'Image',
  viewInBrowser: 'View in browser',
};

const labelNames = new Set<string>(['countLine', ...Object.keys(defaultLabels)]);

/** Checks `RenderOptions.labels` and fills in the English defaults. */
export function resolveLabels(labels: Labels | undefined): ResolvedLabels {
  if (labels === undefined) return defaultLabels;
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    throw new NewsbriefError(`Option labels: expected an object of label → text, found ${describe(labels)}.`);
  }
  for (const [name, value] of Object.entries(labels)) {
    if (!labelNames.has(name)) {
      throw new NewsbriefError(
        `Option labels.${name}: unknown label; known labels are ${[...labelNames].join(', ')}.`,
      );
    }
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '' || value.length > 200)) {
      throw new NewsbriefError(
        `Option labels.${name}: expected text of 1–200 characters, found ${describe(value)}.`,
      );
    }
    // Labels are text the reader sees beside story text: the same characters are refused.
    const problem = value === undefined ? undefined : textCharacterProblem(value, false);
    if (problem) throw new NewsbriefError(`Option labels.${name}: ${problem}.`);
  }
  return { ...defaultLabels, ...labels };
}
