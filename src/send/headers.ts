/**
 * The list headers of a newsletter message, checked where they enter: `List-Id` (RFC 2919),
 * `List-Archive` (RFC 2369) and Gmail's `Feedback-ID`. Each value is one line of printable ASCII
 * (a non-ASCII list name becomes an RFC 2047 encoded-word), so every ESP sends it as written and
 * no caller data can start a header of its own.
 */
import { NewsbriefError } from '../errors.js';
import { unsafeCharacter } from '../mail-address.js';
import { quote, urlProtocol } from '../normalize/links.js';
import { neutralizeMergeHref } from '../normalize/merge-syntax.js';

/** The per-message list headers every builder (and `toMailMessage`) can add. */
export interface ListHeaderOptions {
  /**
   * The list's identity (RFC 2919): `Morning Brief <morning.news.example.com>`, or the bare id
   * `morning.news.example.com`. The id is a dot-atom with at least one dot, under a domain you
   * control; the name is free text (quoted or encoded as needed).
   */
  listId?: string;
  /**
   * The web archive of past editions (RFC 2369 `List-Archive`), an https or http URL; a web
   * version of this edition is a fine value.
   */
  archiveUrl?: string;
  /**
   * Gmail's Feedback Loop identifier, `CampaignId:CustomerId:MailTypeId:SenderId` (up to four
   * `:`-separated fields, the last one required), each letters, digits, `.`, `_` or `-`.
   */
  feedbackId?: string;
}

/** `dot-atom-text` with at least one dot (RFC 2919 `list-label "." list-id-namespace`). */
const listIdPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)+$/;
const feedbackIdPattern = /^(?:[A-Za-z0-9._-]*:){0,3}[A-Za-z0-9._-]+$/;
/** RFC 5322 specials: a phrase holding one is written as a quoted-string. */
const phraseSpecials = /[()<>[\]:;@\\,."]/;

function fail(field: string, message: string): never {
  throw new NewsbriefError(`${field}: ${message}.`);
}

function oneLine(value: unknown, field: string, expected: string): string {
  if (typeof value !== 'string') fail(field, `expected ${expected}, found ${typeof value}`);
  const unsafe = unsafeCharacter(value);
  if (unsafe !== undefined)
    fail(field, `expected ${expected} on one line, found ${unsafe} in ${quote(value)}`);
  return value.trim();
}

/**
 * A display name as a header phrase: as written when it is plain ASCII without specials, a
 * quoted-string when it has specials, and an RFC 2047 `=?UTF-8?B?…?=` encoded-word when it holds
 * anything outside printable ASCII (some ESP APIs, SES among them, take header values as ASCII).
 */
export function headerPhrase(name: string): string {
  if (/[^\x20-\x7e]/.test(name)) return encodedWord(name);
  if (!phraseSpecials.test(name)) return name;
  return `"${name.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * RFC 2047 `B` encoding of UTF-8 text, split into encoded-words of at most 75 characters (folded
 * with a space, which a reader's client drops between adjacent encoded-words). Web APIs only.
 */
export function encodedWord(text: string): string {
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  // 45 bytes of UTF-8 give 60 base64 characters: 72 with `=?UTF-8?B?` and `?=`.
  for (const character of text) {
    const size = new TextEncoder().encode(character).length;
    if (bytes + size > 45) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += character;
    bytes += size;
  }
  if (chunk !== '' || words.length === 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${base64(word)}?=`).join(' ');
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `List-Id` value `Name <id>` (or `<id>`) from `options.listId`, or a `NewsbriefError` naming `field`. */
export function listIdHeader(value: unknown, field: string): string {
  const text = oneLine(value, field, 'a list id like "Morning Brief <morning.news.example.com>"');
  const angle = /^(.*?)\s*<([^<>]*)>$/s.exec(text);
  const name = angle ? (angle[1] as string).trim() : '';
  const id = angle ? (angle[2] as string).trim() : text;
  if (!listIdPattern.test(id) || id.length > 255) {
    fail(
      field,
      `expected a list id like "Morning Brief <morning.news.example.com>" (RFC 2919: dotted letters, digits and - under your domain, at most 255 characters), found ${quote(text)}`,
    );
  }
  if (name.includes('<') || name.includes('>')) fail(field, `expected one <id>, found ${quote(text)}`);
  const phrase = name === '' ? '' : `${headerPhrase(name.replace(/^"(.*)"$/s, '$1'))} `;
  return `${phrase}<${id}>`;
}

/** `List-Archive` value `<url>` from an http(s) URL, or a `NewsbriefError` naming `field`. */
export function listArchiveHeader(value: unknown, field: string): string {
  const text = oneLine(value, field, 'an https URL');
  const protocol = urlProtocol(text);
  if ((protocol !== 'https:' && protocol !== 'http:') || /\s/.test(text)) {
    fail(
      field,
      `expected an https or http URL without spaces (a merge tag cannot go in a header), found ${quote(text)}`,
    );
  }
  // Percent-encoded, so no ESP reads a `%…%` or `{{…}}` in it as merge syntax.
  return `<${neutralizeMergeHref(new URL(text).href)}>`;
}

/** `Feedback-ID` value, checked, or a `NewsbriefError` naming `field`. */
export function feedbackIdHeader(value: unknown, field: string): string {
  const text = oneLine(value, field, 'a Feedback-ID like "edition:newsroom:newsletter:esp"');
  if (!feedbackIdPattern.test(text) || text.length > 200) {
    fail(
      field,
      `expected a Feedback-ID like "edition:newsroom:newsletter:esp" (up to four fields of letters, digits, . _ or - joined by :), found ${quote(text)}`,
    );
  }
  return text;
}

/**
 * The list headers `options` ask for, in a fixed order, checked; `prefix` names the option
 * object in errors (`options`, `envelope`).
 */
export function listHeaders(options: ListHeaderOptions, prefix: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.listId !== undefined) headers['List-Id'] = listIdHeader(options.listId, `${prefix}.listId`);
  if (options.archiveUrl !== undefined)
    headers['List-Archive'] = listArchiveHeader(options.archiveUrl, `${prefix}.archiveUrl`);
  if (options.feedbackId !== undefined)
    headers['Feedback-ID'] = feedbackIdHeader(options.feedbackId, `${prefix}.feedbackId`);
  return headers;
}
