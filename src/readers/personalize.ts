/**
 * One rendered edition, many readers: `personalize` fills the reader tokens of a `RenderResult`
 * for one reader without rendering again. The result is split at its tokens once (cached per
 * result object); each reader then costs a lookup per distinct token and one join per part.
 */
import { NewsbriefError } from '../errors.js';
import { quote } from '../normalize/links.js';
import { neutralizeRun } from '../normalize/merge-syntax.js';
import { utf8Extra, utf8Length } from '../render/bytes.js';
import { escapeHtml } from '../render/html.js';
import type { RenderResult } from '../render/renderer.js';
import { type ReaderToken, type SplitPart, splitReaderTokens } from './tokens.js';

/**
 * One reader's fields, by the keys the tokens name (`{{reader.first_name}}` reads
 * `reader.first_name`, `{{reader.city.name}}` reads `reader["city.name"]`). `undefined`, `null`
 * and `''` count as missing: the token's fallback is used, or nothing.
 */
export type ReaderFields = Readonly<Record<string, string | number | null | undefined>>;

/**
 * The reader key whose URL also becomes the personalized result's `listUnsubscribe.url` (and so
 * `toMailMessage`'s `List-Unsubscribe` header) when the footer writes it as its unsubscribe link.
 */
export const unsubscribeKey = 'unsubscribeUrl';

/** One distinct token: same key and fallback share a value in every part. */
interface Slot {
  readonly key: string;
  readonly fallback: string;
  readonly url: boolean;
}

/** A part as static text and slot numbers: `statics[i]`, slot `slots[i]`, …, last static. */
interface PreparedPart {
  readonly statics: readonly string[];
  readonly slots: readonly number[];
}

interface Prepared {
  readonly slots: readonly Slot[];
  readonly html: PreparedPart;
  readonly text: PreparedPart;
  readonly subject: PreparedPart;
  readonly preheader: PreparedPart;
  /** UTF-8 bytes of the html without its tokens. */
  readonly staticHtmlBytes: number;
  /** Whether the footer's unsubscribe link is the reader's `unsubscribeUrl`. */
  readonly unsubscribeSlot: number;
}

const prepared = new WeakMap<RenderResult, Prepared>();

function prepare(result: RenderResult): Prepared {
  let hit = prepared.get(result);
  if (hit !== undefined) return hit;
  const split = splitReaderTokens(result);
  const slots: Slot[] = [];
  const byToken = new Map<string, number>();
  const preparePart = (part: SplitPart): PreparedPart => ({
    statics: part.statics,
    slots: part.tokens.map(({ key, fallback, url }) => {
      const id = `${key}|${fallback === undefined ? '' : `=${fallback}`}`;
      let slot = byToken.get(id);
      if (slot === undefined) {
        slot = slots.push({ key, fallback: fallback ?? '', url }) - 1;
        byToken.set(id, slot);
      }
      return slot;
    }),
  });
  const html = preparePart(split.html);
  let staticHtmlBytes = 0;
  for (const piece of html.statics) staticHtmlBytes += utf8Length(piece);
  hit = {
    slots,
    html,
    text: preparePart(split.text),
    subject: preparePart(split.subject),
    preheader: preparePart(split.preheader),
    staticHtmlBytes,
    unsubscribeSlot: slots.findIndex((slot) => slot.url && slot.key === unsubscribeKey),
  };
  prepared.set(result, hit);
  return hit;
}

/** C0 and C1 controls, and the line and paragraph separators: a run becomes one space. */
const controls = /[\p{Cc}\u2028\u2029]+/gu;
/** Bidirectional overrides and isolates: they could reorder the copy around a value; removed. */
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g;
const needsCleaning = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** Characters that can start ESP merge syntax or a reader token (see `neutralizeRun`). */
const mergeDelimiters = /[{}%*|<$]/;

/**
 * A reader's value as copy: line breaks, tabs and other controls become one space (a header-safe
 * subject, one line of text), bidi overrides go, and ESP merge syntax gets the invisible word
 * joiner, so a value is shown as typed and never merged by an ESP or expanded as a reader token.
 */
function cleanValue(value: string): string {
  let clean = value;
  if (needsCleaning.test(clean)) clean = clean.replace(controls, ' ').replace(bidiControls, '').trim();
  if (mergeDelimiters.test(clean)) clean = neutralizeRun(clean);
  return clean;
}

/**
 * The reader's field as text, `undefined` when missing; anything but text or a number refused.
 * `field` names the reader's data in errors: `reader` for `personalize`, `recipients[41].data`
 * for a send.
 */
function fieldOf(reader: ReaderFields, key: string, field: string): string | undefined {
  // Own properties only: `{{reader.constructor}}` must not find Object.prototype's.
  const value = Object.hasOwn(reader, key) ? reader[key] : undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const found = typeof value === 'number' ? String(value) : Array.isArray(value) ? 'an array' : typeof value;
  throw new NewsbriefError(`${field}.${key}: expected a string or a finite number, found ${found}.`);
}

/** A URL field: https only, one line, no spaces; returned as written. */
function urlValue(key: string, value: string | undefined, field: string): string {
  if (value !== undefined && !/[\s\p{Cc}"'<>`]/u.test(value) && URL.canParse(value)) {
    if (new URL(value).protocol === 'https:') return value;
  }
  throw new NewsbriefError(
    `${field}.${key}: expected an https URL (the edition links to {{reader.${key}}}), found ${value ? quote(value) : 'nothing'}.`,
  );
}

/**
 * The text one reader's copy shows for a token: their field cleaned (see `cleanValue`), else the
 * fallback, else nothing; a link target must be an https URL. Plain text: the caller escapes it
 * for its part. Shared by `personalize` and the ESPs that merge tokens themselves, so every ESP
 * fills the same copy.
 */
export function readerValue(
  slot: Pick<ReaderToken, 'key' | 'fallback' | 'url'>,
  reader: ReaderFields,
  field: string,
): string {
  const given = fieldOf(reader, slot.key, field);
  if (slot.url) return urlValue(slot.key, given || slot.fallback, field);
  const clean = given === undefined ? '' : cleanValue(given);
  return clean === '' ? (slot.fallback ?? '') : clean;
}

/**
 * The one-click URL a reader's copy links to when the footer's unsubscribe link is
 * `{{reader.unsubscribeUrl}}` (what `personalize` puts in `listUnsubscribe.url`), or `undefined`
 * when the footer does not link to that token. Throws as `personalize` does for a bad URL.
 */
export function readerUnsubscribeUrl(
  result: RenderResult,
  reader: ReaderFields,
  field = 'reader',
): string | undefined {
  const plan = prepare(result);
  const slot = plan.slots[plan.unsubscribeSlot];
  return slot === undefined ? undefined : readerValue(slot, reader, field);
}

/** Whether the footer's unsubscribe link is the reader token `{{reader.unsubscribeUrl}}`. */
export function linksReaderUnsubscribe(result: RenderResult): boolean {
  return prepare(result).unsubscribeSlot >= 0;
}

function joinPart(part: PreparedPart, values: readonly string[]): string {
  const { statics, slots } = part;
  let out = statics[0] as string;
  for (let i = 0; i < slots.length; i += 1) out += (values[slots[i] as number] as string) + statics[i + 1];
  return out;
}

/**
 * Fills the reader tokens of a rendered edition for one reader, without rendering again:
 * HTML-escaped in `html`, as plain text in `text` and `preheader`, on one line in `subject`. A
 * missing field gives the token's fallback, or nothing; the raw token never reaches a reader.
 *
 * Values are data, never markup or syntax: a value holding `<b>` is shown as typed, one holding
 * `{{reader.x}}` is not filled again, and ESP merge syntax in it is made inert. Line breaks and
 * other control characters become a space. A key used as a link target (a footer URL written
 * `{{reader.unsubscribeUrl}}`) must hold an https URL, else a `NewsbriefError` names it; with
 * the key `unsubscribeUrl` it also becomes the result's `listUnsubscribe.url`, so `toMailMessage`
 * writes that reader's `List-Unsubscribe` header.
 *
 * `stats.words` and `readingMinutes` stay those of the edition as rendered (a token counts as one
 * word, so every reader's copy counts the same); `stats.htmlBytes` is this reader's html size.
 * `warnings` are the edition's. The result is split at its tokens once and cached, so calling
 * this per reader over a large list costs a join per part.
 *
 * @example
 * const edition = renderer.render(briefing);
 * for await (const reader of readers) {
 *   const message = personalize(edition, { first_name: reader.firstName, city: reader.city });
 *   await transporter.sendMail(toMailMessage(message, { from, to: reader.email }));
 * }
 */
export function personalize(result: RenderResult, reader: ReaderFields): RenderResult {
  return personalizeAs(result, reader, 'reader');
}

/** `personalize`, naming the reader's data `field` in errors (`recipients[41].data` in a send). */
export function personalizeAs(result: RenderResult, reader: ReaderFields, field: string): RenderResult {
  if (typeof reader !== 'object' || reader === null || Array.isArray(reader)) {
    throw new NewsbriefError(
      `personalize: expected the reader's fields as an object of strings and numbers, found ${reader === null ? 'null' : Array.isArray(reader) ? 'an array' : typeof reader}.`,
    );
  }
  const plan = prepare(result);
  const { slots } = plan;
  const plain: string[] = new Array(slots.length);
  const escaped: string[] = new Array(slots.length);
  for (let i = 0; i < slots.length; i += 1) {
    const value = readerValue(slots[i] as Slot, reader, field);
    plain[i] = value;
    escaped[i] = escapeHtml(value);
  }
  const html = joinPart(plan.html, escaped);
  let htmlBytes = plan.staticHtmlBytes;
  for (const slot of plan.html.slots) {
    const value = escaped[slot] as string;
    htmlBytes += value.length + utf8Extra(value);
  }
  const { stats } = result;
  const unsubscribe = plan.unsubscribeSlot >= 0 ? plain[plan.unsubscribeSlot] : undefined;
  return {
    html,
    text: joinPart(plan.text, plain),
    subject: joinPart(plan.subject, plain),
    preheader: joinPart(plan.preheader, plain),
    stats: { words: stats.words, readingMinutes: stats.readingMinutes, stories: stats.stories, htmlBytes },
    // The edition's warnings, read only if this reader's are: lint runs once, when first asked.
    // A getter in the literal is an own, enumerable property (spread and JSON see it), and keeps
    // the object's shape fixed, unlike defining it afterwards.
    get warnings() {
      return result.warnings;
    },
    ...(unsubscribe !== undefined
      ? { listUnsubscribe: { ...result.listUnsubscribe, url: unsubscribe } }
      : result.listUnsubscribe !== undefined
        ? { listUnsubscribe: result.listUnsubscribe }
        : {}),
  };
}
