/**
 * Address fields of a mail message (`From`, each `To` recipient): exactly one mailbox each. A
 * display name that would let a mail client read a second address, a group or a header out of it
 * is quoted (RFC 5322 quoted-string) or refused, so data such as a reader's name cannot add a
 * recipient or a sender.
 */
import { NewsbriefError } from './errors.js';
import { quote } from './normalize/links.js';

/**
 * A practical RFC 5322 addr-spec: dot-atom or quoted-string local part, dot-atom domain with a
 * dot (or an IP domain literal). Non-ASCII letters are allowed (SMTPUTF8, RFC 6531).
 */
const atom = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const label = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const addrSpec = new RegExp(
  `^(?:${atom}(?:\\.${atom})*|"(?:[^"\\\\\\p{Cc}]|\\\\[^\\p{Cc}])*")@(?:${label}(?:\\.${label})+|\\[[A-Za-z0-9.:]+\\])$`,
  'u',
);

/** True when `value` is a bare address (`a@example.com`), an RFC 5322 addr-spec. */
export function isAddress(value: string): boolean {
  return value.length <= 254 && addrSpec.test(value);
}

/**
 * Characters no header value may hold: C0 and C1 controls (CR and LF start a new header), DEL,
 * the Unicode line and paragraph separators, and lone surrogates (not encodable as UTF-8).
 */
export const headerUnsafe = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

/** `U+000A` for the first header-unsafe character of `value`, or `undefined`. */
export function unsafeCharacter(value: string): string | undefined {
  const found = headerUnsafe.exec(value)?.[0];
  return found === undefined
    ? undefined
    : `U+${(found.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** RFC 5322 specials that end an unquoted display name's atoms: `,` starts a second address. */
const nameSpecials = /[()<>[\]:;@\\,"]/;
const quotedString = /^"(?:[^"\\]|\\.)*"$/s;

/**
 * One mailbox: `news@example.com`, `Morning Brief <news@example.com>` or
 * `"Doe, Jane" <jane@example.com>`. Returns it trimmed, its display name quoted when the name
 * holds a special character (`Doe, Jane <…>` → `"Doe, Jane" <…>`); throws a `NewsbriefError`
 * naming `field` for anything else: a line break or control character, a group
 * (`Team: a@x.org;`), several addresses (`a@x.org, b@y.org`), or no valid address.
 */
export function checkMailbox(value: unknown, field: string, several = 'a message has one sender'): string {
  if (typeof value !== 'string') {
    throw new NewsbriefError(
      `${field}: expected an email address, found ${value === undefined ? 'nothing' : typeof value}.`,
    );
  }
  // A line break in a header value would let a caller's data add headers of its own.
  if (/[\r\n\u2028\u2029]/.test(value))
    throw new NewsbriefError(`${field}: expected one line, found a line break in ${quote(value)}.`);
  const unsafe = unsafeCharacter(value);
  if (unsafe !== undefined) {
    throw new NewsbriefError(
      `${field}: expected an address without control characters, found ${unsafe} in ${quote(value)}.`,
    );
  }
  const mailbox = value.trim();
  const parts = splitAddressList(mailbox);
  // `a@x.org, Jane <j@x.org>` is a list, while `Doe, Jane <j@x.org>` is one mailbox whose name
  // needs quoting: it is a list when every part is an address of its own.
  if (parts.length > 1 && parts.every((part) => parseMailbox(part.trim()) !== undefined)) {
    throw new NewsbriefError(
      `${field}: expected one address, found ${parts.length} in ${quote(value)}; ${several}.`,
    );
  }
  const parsed = parseMailbox(mailbox);
  if (parsed === undefined) {
    const group = mailbox.includes(':') && mailbox.endsWith(';') ? 'a group ("Name: addresses;") ' : '';
    throw new NewsbriefError(
      `${field}: expected an email address like "news@example.com" or "Morning Brief <news@example.com>", found ${group}${quote(value)}.`,
    );
  }
  return parsed;
}

/** `addr` or `name <addr>` as it should be written, or `undefined` when it is not one mailbox. */
function parseMailbox(mailbox: string): string | undefined {
  if (isAddress(mailbox)) return mailbox;
  const angle = /<([^<>]*)>$/.exec(mailbox);
  if (angle === null || !isAddress(angle[1] as string)) return undefined;
  const name = mailbox.slice(0, angle.index).trim();
  if (name === '') return `<${angle[1]}>`;
  return `${displayName(name)} <${angle[1]}>`;
}

/** A display name as an RFC 5322 phrase: as written when it is safe, else one quoted-string. */
function displayName(name: string): string {
  if (quotedString.test(name) || !nameSpecials.test(name)) return name;
  return `"${name.replace(/[\\"]/g, '\\$&')}"`;
}

/** Splits `a@x.com, "Doe, Jane" <b@x.com>` at commas outside quotes and angle brackets. */
function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i] as string;
    if (ch === '\\' && quoted) {
      current += ch + (value[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === '"' && !angle) quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if (ch === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
