/**
 * Sentence splitting and word counting shared by every lint rule. The splitter is tuned for news
 * copy: it does not end a sentence at "U.S.", "Dr.", "Jan.", an initial, a decimal, an ellipsis or
 * inside a quotation, and it does end one at `?` and `!`.
 */
import { inlinePlain, parseInline } from '../normalize/inline.js';

/** Abbreviations that never end a sentence in news copy: titles before a name, lower case. */
const titles = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'pres',
  'rev',
  'hon',
  'fr',
  'supt',
  'vs',
  'approx',
  'dept',
]);

/** Abbreviations that do not end a sentence when a number follows: "Jan. 5", "No. 2", "Vol. 3". */
const beforeNumbers = new Set([
  'no',
  'nos',
  'vol',
  'pp',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

const terminators = '.!?。！？';
const closers = '”"’\')]»';
const openers = '“"‘\'([«';

/**
 * Splits plain text into sentences. A blank line always ends a sentence; otherwise a sentence ends
 * at `.`, `?` or `!` (and any closing quotes after it) followed by whitespace and a word that does
 * not start in lower case.
 *
 * @example
 * splitSentences('The U.S. and Dr. Lee met. Talks resume Jan. 5.') // → 2 sentences
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => splitParagraph(paragraph.replace(/\s+/g, ' ').trim()))
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

function splitParagraph(text: string): string[] {
  const sentences: string[] = [];
  const quotes = new QuoteTracker(text);
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (!terminators.includes(ch)) {
      quotes.step(ch);
      i += 1;
      continue;
    }
    const runStart = i;
    while (i < text.length && terminators.includes(text[i] ?? '')) i += 1;
    const run = text.slice(runStart, i);
    while (i < text.length && closers.includes(text[i] ?? '')) {
      quotes.step(text[i] ?? '');
      i += 1;
    }
    if (isBoundary(text, runStart, run, i, quotes.inside)) {
      sentences.push(text.slice(start, i).trim());
      start = i;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

function isBoundary(text: string, runStart: number, run: string, end: number, inQuote: boolean): boolean {
  if (inQuote) return false;
  // "..." is an ellipsis, not a full stop; "?!" and "!!" still end a sentence.
  if (run.length > 1 && /^\.+$/.test(run)) return false;
  if (end >= text.length) return true;
  const cjk = /[。！？]/.test(run);
  if (!cjk && !/\s/.test(text[end] ?? '')) return false;
  const next = text.slice(end).trimStart()[0] ?? '';
  if (/\p{Ll}/u.test(next)) return false;
  if (run === '.' && isAbbreviation(wordBefore(text, runStart), /\p{N}/u.test(next))) return false;
  return true;
}

function wordBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const word = before.slice(before.search(/\S+$/));
  let from = 0;
  while (from < word.length && openers.includes(word[from] ?? '')) from += 1;
  return word.slice(from);
}

/** "Dr", "Jan" before a number, an initial ("J"), or dotted letters ("U.S", "a.m", "e.g"). */
function isAbbreviation(word: string, numberFollows: boolean): boolean {
  if (word === '') return false;
  const lower = word.toLowerCase();
  if (titles.has(lower) || (numberFollows && beforeNumbers.has(lower))) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Whether a position is inside a quotation. Curly quotes nest; straight double quotes toggle.
 * A kind of quote that is unbalanced in the text is ignored, so one stray mark cannot swallow
 * every later sentence.
 */
class QuoteTracker {
  private curly = 0;
  private guillemets = 0;
  private straight = false;
  private readonly useCurly: boolean;
  private readonly useGuillemets: boolean;
  private readonly useStraight: boolean;

  constructor(text: string) {
    const count = (mark: string) => text.split(mark).length - 1;
    this.useCurly = count('“') === count('”');
    this.useGuillemets = count('«') === count('»');
    this.useStraight = count('"') % 2 === 0;
  }

  get inside(): boolean {
    return this.curly > 0 || this.guillemets > 0 || this.straight;
  }

  step(ch: string): void {
    if (this.useCurly && ch === '“') this.curly += 1;
    else if (this.useCurly && ch === '”') this.curly = Math.max(0, this.curly - 1);
    else if (this.useGuillemets && ch === '«') this.guillemets += 1;
    else if (this.useGuillemets && ch === '»') this.guillemets = Math.max(0, this.guillemets - 1);
    else if (this.useStraight && ch === '"') this.straight = !this.straight;
  }
}

/** Words in plain text: whitespace-separated tokens holding a letter or a digit, as the stats count them. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count += 1;
  return count;
}

/** The text a reader sees of a story field: inline Markdown markers removed, links as their label. */
export function plainText(text: string | undefined): string {
  return text ? inlinePlain(parseInline(text)) : '';
}
