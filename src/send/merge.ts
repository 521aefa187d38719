/**
 * Reader tokens → an ESP's own merge syntax, so the ESP fills each reader's copy: one variable per
 * distinct token (key and fallback) and part, the value escaped for that part before it is sent
 * (HTML in `html`, one line in the subject), because an ESP inserts values as they are. The copy
 * around the tokens is made inert to the same ESP: nothing a story says reads as a variable.
 */
import { type ReaderFields, readerValue } from '../readers/personalize.js';
import {
  type ReaderToken,
  type ReaderTokenSource,
  type SplitPart,
  splitReaderTokens,
} from '../readers/tokens.js';
import { escapeHtml } from '../render/html.js';

/** The parts an ESP merges: the preheader travels inside `html`. */
export type MergePart = 'html' | 'text' | 'subject';

/** One ESP variable: a token's value (or fallback) as one part needs it. */
export interface MergeVariable {
  /** The variable's name in the ESP: `first_name`, `first_name_html`, … (`[A-Za-z0-9_]`). */
  readonly name: string;
  readonly token: ReaderToken;
  readonly part: MergePart;
}

/** How one ESP writes a variable and keeps copy from reading as one. */
export interface MergeSyntax {
  /** The variable as written in copy: `%recipient.first_name%`, `{{first_name}}`. */
  variable(name: string): string;
  /**
   * Copy between tokens, made inert: `beforeToken`/`afterToken` say a token follows or precedes
   * it, so delimiters that would join with the variable's are broken too.
   */
  inert(copy: string, part: MergePart, beforeToken: boolean, afterToken: boolean): string;
}

/** An edition written in one ESP's merge syntax, and the variables each recipient must fill. */
export interface MergedCopy {
  html: string;
  text: string;
  subject: string;
  variables: readonly MergeVariable[];
}

/**
 * Translates a rendered edition once per send. Variables are named after their key (`.` and
 * `-` become `_`), with `_html`/`_subject` for those parts and a number for a second fallback of
 * the same key, in order of first appearance.
 */
export function mergeCopy(result: ReaderTokenSource, syntax: MergeSyntax): MergedCopy {
  const split = splitReaderTokens(result);
  const byToken = new Map<string, MergeVariable>();
  const used = new Set<string>();
  const variables: MergeVariable[] = [];
  const nameFor = (token: ReaderToken, part: MergePart): string => {
    const id = `${part}\u0000${token.key}\u0000${token.fallback === undefined ? '\u0001' : token.fallback}`;
    let variable = byToken.get(id);
    if (variable === undefined) {
      const base = token.key.replace(/[.-]/g, '_') + (part === 'text' ? '' : `_${part}`);
      let name = base;
      for (let n = 2; used.has(name); n += 1) name = `${base}_${n}`;
      used.add(name);
      variable = { name, token, part };
      byToken.set(id, variable);
      variables.push(variable);
    }
    return variable.name;
  };
  const join = (part: SplitPart, name: MergePart): string => {
    const { statics, tokens } = part;
    let out = '';
    for (let i = 0; i < statics.length; i += 1) {
      out += syntax.inert(statics[i] as string, name, i < tokens.length, i > 0);
      const token = tokens[i];
      if (token !== undefined) out += syntax.variable(nameFor(token, name));
    }
    return out;
  };
  return {
    html: join(split.html, 'html'),
    text: join(split.text, 'text'),
    subject: join(split.subject, 'subject'),
    variables,
  };
}

/**
 * A reader's value for one token in one part, the same text `personalize` writes: their field
 * when it is there and not empty (controls made a space, ESP syntax inert), else the token's
 * fallback, else nothing; a token that is a whole link target takes only an https URL. Escaped
 * for `html`. `field` names the data in errors (`recipients[3].data`).
 */
export function mergeValue(token: ReaderToken, part: MergePart, data: ReaderFields, field: string): string {
  const value = readerValue(token, data, field);
  return part === 'html' ? escapeHtml(value) : value;
}

/** Every variable's value for one recipient, by variable name. */
export function mergeValues(
  variables: readonly MergeVariable[],
  data: ReaderFields,
  field: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of variables)
    values[variable.name] = mergeValue(variable.token, variable.part, data, field);
  return values;
}
