/**
 * Sentence splitting and word counting shared by every lint rule. The splitter is tuned for news
 * copy: it does not end a sentence at "U.S.", "Dr.", "Jan.", an initial, a decimal, an ellipsis or
 * inside a quotation, and it does end one at `?` and `!`.
 */
import { collapseWhitespace, inlinePlain, parseInline } from '../normalize/inline.js';

export { countWords } from '../normalize/inline.js';

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

const paragraphBreak = /\n\s*\n/;
const wordChar = /[\p{L}\p{N}]/u;
const onlyDots = /^\.+$/;
const cjkTerminator = /[。！？]/;
const lowerCase = /\p{Ll}/u;
const digit = /\p{N}/u;
const upperCaseLetter = /^\p{Lu}$/u;
const dottedLetters = /^(?:\p{L}\.)+\p{L}$/u;

/**
 * Splits plain text into sentences. A blank line always ends a sentence; otherwise a sentence ends
 * at `.`, `?` or `!` (and any closing quotes after it) followed by whitespace and a word that does
 * not start in lower case.
 *
 * @example
 * splitSentences('The U.S. and Dr. Lee met. Talks resume Jan. 5.') // → 2 sentences
 */
export function splitSentences(text: string): string[] {
  return splitParagraphs(text).flat();
}

/** The sentences of each paragraph (paragraphs are separated by a blank line). */
export function splitParagraphs(text: string): string[][] {
  const paragraphs: string[][] = [];
  // Most fields are one paragraph; a blank line needs a newline.
  for (const paragraph of text.includes('\n') ? text.split(paragraphBreak) : [text]) {
    const sentences: string[] = [];
    for (const sentence of splitParagraph(collapseWhitespace(paragraph)))
      if (wordChar.test(sentence)) sentences.push(sentence);
    paragraphs.push(sentences);
  }
  return paragraphs;
}

/** Splits one paragraph whose whitespace is already collapsed to single spaces and trimmed. */
function splitParagraph(text: string): string[] {
  // The only characters the splitter acts on: terminators and the quote marks the tracker follows.
  const marks: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x22 || (code >= 0xab && isMark(code)))
      marks.push(i);
  }
  if (marks.length === 0) return text ? [text] : [];

  // Each kind of quote is followed only when it is balanced in the paragraph.
  let curly = 0;
  let guillemets = 0;
  let straight = 0;
  for (const mark of marks) {
    const ch = text[mark];
    if (ch === '“') curly += 1;
    else if (ch === '”') curly -= 1;
    else if (ch === '«') guillemets += 1;
    else if (ch === '»') guillemets -= 1;
    else if (ch === '"') straight += 1;
  }
  const sentences: string[] = [];
  const quotes = new QuoteTracker(curly === 0, guillemets === 0, straight % 2 === 0);
  let start = 0;
  let i = 0;
  for (const mark of marks) {
    if (mark < i) continue; // passed over as part of a terminator run and its closers
    i = mark;
    const ch = text[i] as string;
    if (!terminators.includes(ch)) {
      quotes.step(ch);
      i += 1;
      continue;
    }
    const runStart = i;
    while (i < text.length && terminators.includes(text[i] as string)) i += 1;
    const run = text.slice(runStart, i);
    while (i < text.length && closers.includes(text[i] as string)) {
      quotes.step(text[i] as string);
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

/** `“ ” « »` and the CJK terminators `。！？`. */
function isMark(code: number): boolean {
  return (
    code === 0x201c ||
    code === 0x201d ||
    code === 0xab ||
    code === 0xbb ||
    code === 0x3002 ||
    code === 0xff01 ||
    code === 0xff1f
  );
}

function isBoundary(text: string, runStart: number, run: string, end: number, inQuote: boolean): boolean {
  if (inQuote) return false;
  // "..." is an ellipsis, not a full stop; "?!" and "!!" still end a sentence.
  if (run.length > 1 && onlyDots.test(run)) return false;
  if (end >= text.length) return true;
  const cjk = cjkTerminator.test(run);
  // The text's only whitespace is single spaces (see splitParagraph).
  if (!cjk && text[end] !== ' ') return false;
  let at = end;
  while (text[at] === ' ') at += 1;
  const next = text[at] ?? '';
  if (lowerCase.test(next)) return false;
  if (run === '.' && isAbbreviation(wordBefore(text, runStart), digit.test(next))) return false;
  return true;
}

/** The word just before `index`, without opening quotes or brackets; '' after a space. */
function wordBefore(text: string, index: number): string {
  let from = index;
  while (from > 0 && text[from - 1] !== ' ') from -= 1;
  while (from < index && openers.includes(text[from] as string)) from += 1;
  return text.slice(from, index);
}

/** "Dr", "Jan" before a number, an initial ("J"), or dotted letters ("U.S", "a.m", "e.g"). */
function isAbbreviation(word: string, numberFollows: boolean): boolean {
  if (word === '') return false;
  const lower = word.toLowerCase();
  if (titles.has(lower) || (numberFollows && beforeNumbers.has(lower))) return true;
  if (upperCaseLetter.test(word)) return true;
  return dottedLetters.test(word);
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

  constructor(
    private readonly useCurly: boolean,
    private readonly useGuillemets: boolean,
    private readonly useStraight: boolean,
  ) {}

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

/** The text a reader sees of a story field: inline Markdown markers removed, links as their label. */
export function plainText(text: string | undefined): string {
  return text ? inlinePlain(parseInline(text)) : '';
}
