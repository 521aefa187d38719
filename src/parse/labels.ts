/**
 * Reading labels as editors write them. Real stories invent labels all the time ("Stunning stat:",
 * "Flash forward:", "Jane's thought bubble:"), so a label is recognised by its shape, not looked up:
 * a short phrase at the start of a paragraph, then a colon and a space. Known axioms keep their
 * normalisation ("Why does it matter" → "Why it matters"); any other label is kept as written.
 *
 * Every check here looks at a bounded prefix of the text (at most `maxLabelLength` characters),
 * so reading a label costs the same on a 10-character paragraph and a 100,000-character paste.
 */
import { canonicalAxiom, displayLabel, splitDecoration } from './axioms.js';

/** A label read at the start of a paragraph: the label to show and the text after the colon. */
export interface ReadLabel {
  label: string;
  rest: string;
  /** True when the label is a known axiom (or was marked up bold on purpose). */
  known: boolean;
}

/** Longest label, in characters; text before a later colon is a sentence. */
const maxLabelLength = 60;
/** Most words in a label nobody has seen before ("Our theory of the case" has five). */
const maxLabelWords = 6;

/** `**Label:** rest` or `**Label**: rest`: bold marks a label on purpose, whatever its words. */
const boldLabel = /^\*\*([^*\n]{1,60}?)(?::\*\*|\*\*\s*:)(?:\s+|$)/u;

/**
 * Words that make the text before a colon a sentence ("The vote was close: 51 to 49.", "The bill
 * would:"), unless the phrase opens with a question word, as many labels do ("What they're saying",
 * "How you can help"). Finite verbs and modals only: labels are noun phrases or questions.
 */
const sentenceWords = new Set([
  'is',
  'are',
  'was',
  'were',
  'am',
  'be',
  'been',
  'has',
  'have',
  'had',
  'said',
  'says',
  'say',
  'told',
  'tells',
  'will',
  'would',
  'could',
  'should',
  'can',
  'did',
  'does',
  'do',
  'shall',
  'may',
  'might',
  'must',
  'include',
  'includes',
  'included',
  'wrote',
  'writes',
  'asked',
  'added',
  'noted',
  'found',
  'showed',
  'shows',
  'announced',
  'tried',
]);

/** Subjects that start a sentence, never a label ("We tried it:", "It's simple:"). */
const pronouns = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'it',
  "it's",
  'its',
  'here',
  "here's",
  'there',
]);

/** Words a label opens with even when a verb follows ("Why it matters", "How you can help"). */
const questionWords = new Set(['what', "what's", 'why', 'how', 'where', 'when', 'who', "who's", 'which']);

/** A lead-in that stops mid-phrase before a list ("Among the changes in:", "Highlights include the:"). */
const trailingFunctionWords = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'for',
  'with',
  'and',
  'or',
  'in',
  'on',
  'at',
  'by',
  'as',
  'these',
  'this',
  'that',
  'following',
  'like',
  'including',
]);

/** Characters a label does not contain: sentence punctuation, quotes, link and emphasis markers. */
const notInLabel = /[.!?;"“”()[\]*_<>{}|#=]/u;
const startsCapitalised = /^[\p{Lu}\p{N}]/u;
const colon = /[:：]/;
const lowercaseStart = /^\p{Ll}/u;

/**
 * Reads a label at the start of `text`: `**Any label:** rest`, a known axiom (`Why does it matter:`),
 * or, unless `knownOnly`, a short phrase shaped like a label (`Stunning stat: rest`). A sentence
 * that happens to contain a colon ("The vote was close: 51 to 49.", "Ratio 3:2") is not a label.
 */
export function readLabel(text: string, options: { knownOnly?: boolean } = {}): ReadLabel | undefined {
  // An emoji before a bold label belongs to it: "🔭 **Zoom out:** …".
  const { prefix } = text.startsWith('**') ? { prefix: '' } : splitDecoration(text.slice(0, 40));
  // Looked for in the first 42 characters only: a bold label further in is not one (`boldAt <= 40`).
  const boldAt = prefix ? text.slice(0, 42).indexOf('**') : 0;
  const bold = boldAt >= 0 && boldAt <= 40 ? boldLabel.exec(text.slice(boldAt, boldAt + 80)) : null;
  if (bold?.[1] && (!prefix || text.slice(0, boldAt).trim() === prefix)) {
    const label = displayLabel(prefix ? `${prefix} ${bold[1]}` : bold[1]);
    const rest = text.slice(boldAt + bold[0].length).trim();
    if (label && (!options.knownOnly || canonicalAxiom(label))) return { label, rest, known: true };
    return undefined;
  }
  const head = text.slice(0, maxLabelLength + 1);
  const at = head.search(colon);
  if (at <= 0) return undefined;
  const after = text.charAt(at + 1);
  // "10:30", "3:2", "https://": a colon inside a token is not a label's.
  if (after !== '' && !/\s/.test(after)) return undefined;
  const candidate = head.slice(0, at).trim();
  if (candidate === '' || candidate.includes('\n')) return undefined;
  const rest = text.slice(at + 1).trim();
  if (canonicalAxiom(candidate)) return { label: displayLabel(candidate), rest, known: true };
  if (options.knownOnly || !looksLikeLabel(candidate, rest === '')) return undefined;
  // After a label the sentence starts afresh ("Stunning stat: The…", "Context: 51%"); a lowercase
  // word after the colon continues a sentence ("Note: the bill still needs the House.").
  if (lowercaseStart.test(rest)) return undefined;
  return { label: displayLabel(candidate), rest, known: false };
}

/**
 * True when a phrase before a colon reads as a label: 1–6 words, capitalised, no sentence
 * punctuation, not a sentence (a pronoun subject, or a verb outside a question-word label). A bare
 * phrase with nothing after its colon must also not stop on a function word: "The bill would:"
 * and "Highlights include the:" introduce a list, "How you can help:" labels one.
 */
function looksLikeLabel(phrase: string, bare: boolean): boolean {
  const { words: plain } = splitDecoration(phrase);
  if (!startsCapitalised.test(plain) || notInLabel.test(plain)) return false;
  const words = plain.toLowerCase().replace(/’/g, "'").split(/\s+/);
  if (words.length > maxLabelWords) return false;
  const first = words[0] ?? '';
  if (pronouns.has(first)) return false;
  if (!questionWords.has(first) && words.some((word) => sentenceWords.has(word.replace(/,$/, ''))))
    return false;
  if (bare && trailingFunctionWords.has(words.at(-1) ?? '')) return false;
  return true;
}

/** Kickers a newsroom puts before a headline: "1 big thing: …", "Scoop: …", "Chart of the day: …". */
const kickerWords = new Set([
  'scoop',
  'exclusive',
  'breaking',
  'breaking news',
  'first look',
  'developing',
  'update',
  'updated',
  'analysis',
  'opinion',
  'explainer',
  'deep dive',
  'situational awareness',
  'catch up quick',
  'bonus',
  'good news',
  'big picture',
  'the big picture',
  'state of play',
  'reality check',
  'follow the money',
]);
const kickerShapes =
  /^(?:(?:\d+|one|two|three|four|five) big things?|(?:\p{L}+ ){1,2}of the (?:day|week)|\p{L}+ (?:scoop|exclusive))$/iu;

/**
 * Splits a first line such as `1 big thing: Cities race to cool the grid` into kicker and headline.
 * Only known kicker phrases count, so a headline quoting a speaker ("Mayor: We are ready") stays whole.
 */
export function splitKicker(line: string): { kicker?: string; headline: string } {
  const head = line.slice(0, 40);
  const at = head.search(colon);
  if (at <= 0 || !/\s/.test(line.charAt(at + 1))) return { headline: line };
  const kicker = line
    .slice(0, at)
    .trim()
    .replace(/^\*\*|\*\*$/g, '');
  const headline = line.slice(at + 1).trim();
  const { words } = splitDecoration(kicker);
  const key = words.toLowerCase().replace(/’/g, "'");
  if (!headline || !(kickerWords.has(key) || kickerShapes.test(key))) return { headline: line };
  return { kicker, headline };
}
