/**
 * Smart Brevity axioms: the labels that open a paragraph ("Why it matters:", "Zoom out:"). Both
 * authoring forms read labels of any shape (labels.ts); a known axiom is also read where a new
 * label is not (a first paragraph, a bullet), and its other spellings become the canonical one.
 */

/** A known axiom: its canonical label and the other ways newsrooms (and translation tools) write it. */
export interface Axiom {
  /** The label as newsbrief writes it, e.g. `What's next`. */
  label: string;
  /** Other spellings, matched case-insensitively with or without apostrophes. */
  variants: readonly string[];
}

/** Every known axiom, in no particular order. */
export const axioms: readonly Axiom[] = [
  { label: '1 big thing', variants: ['one big thing'] },
  { label: 'Why it matters', variants: ['why does it matter', 'why this matters', 'why it is important'] },
  { label: "What's next", variants: ['what is next', 'what is the next', 'what comes next'] },
  { label: 'Driving the news', variants: [] },
  { label: 'Behind the scenes', variants: [] },
  { label: 'The situation', variants: [] },
  { label: 'Flashback', variants: ['flash back'] },
  { label: 'The big picture', variants: ['big picture'] },
  { label: 'Between the lines', variants: [] },
  { label: 'By the numbers', variants: ['in numbers'] },
  { label: 'Yes, but', variants: ['yes but'] },
  { label: 'Zoom in', variants: [] },
  { label: 'Zoom out', variants: [] },
  { label: 'The bottom line', variants: ['bottom line'] },
  { label: 'Go deeper', variants: [] },
  { label: "What they're saying", variants: ['what they are saying', 'what theyre saying'] },
  { label: 'State of play', variants: [] },
  { label: 'Reality check', variants: [] },
  { label: 'The latest', variants: [] },
  { label: 'Catch up quick', variants: [] },
  { label: 'The backstory', variants: ['backstory'] },
  { label: 'Be smart', variants: [] },
  { label: 'Sound smart', variants: [] },
  { label: 'Our thought bubble', variants: ['thought bubble'] },
  { label: 'Threat level', variants: [] },
  { label: 'The other side', variants: [] },
  // Variants are other spellings and translations of one label; "What to watch" and "Next steps"
  // are labels of their own, never rewritten into another.
  { label: "What we're watching", variants: ['what we are watching'] },
  { label: 'What to watch', variants: ['what to watch for'] },
  { label: "What's ahead", variants: ['what is ahead'] },
  { label: 'Next steps', variants: [] },
  { label: 'The details', variants: [] },
];

/** Apostrophes are dropped from the lookup key, so "Whats next" and "What’s next" both match. */
function key(label: string): string {
  return label
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const byKey = new Map<string, string>();
for (const axiom of axioms) {
  byKey.set(key(axiom.label), axiom.label);
  for (const variant of axiom.variants) byKey.set(key(variant), axiom.label);
}

/**
 * Emoji and symbol decoration that newsrooms put before an axiom ("🔭 Zoom out"). Digits are not
 * included, so "1 big thing" keeps its number.
 */
const decoration =
  /^(?:[\p{Extended_Pictographic}\p{So}\p{Sm}](?:\u{FE0F}|\u{20E3}|\u{200D}|[\u{1F3FB}-\u{1F3FF}])*\s*)+/u;

/** Splits a label into its emoji/symbol prefix (may be `''`) and the words after it. */
export function splitDecoration(label: string): { prefix: string; words: string } {
  const trimmed = label.trim();
  const match = decoration.exec(trimmed);
  const prefix = match ? match[0].trim() : '';
  return { prefix, words: trimmed.slice(match ? match[0].length : 0).trim() };
}

/**
 * The canonical label of a known axiom, ignoring case, apostrophe style, an emoji prefix and a
 * trailing colon: `🔭 zoom OUT:` → `Zoom out`, `What is the next` → `What's next`. `undefined` for
 * labels that are not known axioms.
 */
export function canonicalAxiom(label: string): string | undefined {
  const { words } = splitDecoration(label);
  return byKey.get(key(words.replace(/[:：]\s*$/, '')));
}

/**
 * The label as it should appear in a briefing: a known axiom is rewritten to its canonical words
 * and keeps its emoji prefix (`🔭 Zoom out`), since the emoji is part of how the newsroom wants it
 * shown; any other label is only trimmed and loses its trailing colon.
 */
export function displayLabel(label: string): string {
  const bare = label.trim().replace(/\s*[:：]\s*$/, '');
  const canonical = canonicalAxiom(bare);
  if (!canonical) return bare;
  const { prefix } = splitDecoration(bare);
  return prefix ? `${prefix} ${canonical}` : canonical;
}
