/**
 * RenderResult → a message object nodemailer (and most Node mail clients) accept as is, with the
 * List-Unsubscribe headers Gmail and Yahoo require of bulk senders since February 2024.
 */
import { NewsbriefError } from './errors.js';
import { quote, urlProtocol } from './normalize/links.js';
import type { RenderResult } from './render/renderer.js';

/** Where an unsubscribe request goes: an https endpoint (one-click, RFC 8058), a mailbox, or both. */
export interface ListUnsubscribe {
  /** https URL that accepts a one-click `POST` (RFC 8058) and a `GET`. */
  url?: string;
  /** `mailto:` URL or bare address that unsubscribes the sender of a message sent to it (RFC 2369). */
  mailto?: string;
}

/** Who the message is from and to, and where unsubscribe requests go. */
export interface MailEnvelope {
  /** One address, bare (`news@example.com`) or with a display name (`Morning Brief <news@example.com>`). */
  from: string;
  /** One address (same forms as `from`, several separated by commas) or a list of addresses. */
  to: string | string[];
  /**
   * Targets of the `List-Unsubscribe` header.
   * @default the briefing footer's `unsubscribeUrl` when it is a real https or mailto: URL
   * (`result.listUnsubscribe`); a merge tag cannot go in a header, so then there is none.
   */
  listUnsubscribe?: ListUnsubscribe;
}

/** A nodemailer-compatible message: pass it to `transporter.sendMail()`. */
export interface MailMessage {
  from: string;
  to: string | string[];
  subject: string;
  /** Plain-text part; nodemailer sends it first in `multipart/alternative`. */
  text: string;
  html: string;
  /** `List-Unsubscribe` and, with an https URL, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. */
  headers: Record<string, string>;
}

/**
 * Builds the message for one send of a rendered edition. Addresses and unsubscribe targets are
 * checked; a bad one throws a `NewsbriefError` naming the field.
 *
 * @example
 * const result = await renderBriefing(briefing);
 * await transporter.sendMail(toMailMessage(result, { from: 'Morning Brief <news@example.com>', to: reader }));
 */
export function toMailMessage(result: RenderResult, envelope: MailEnvelope): MailMessage {
  if (typeof envelope !== 'object' || envelope === null) {
    throw new NewsbriefError(`toMailMessage: expected an envelope { from, to }, found ${String(envelope)}.`);
  }
  const from = checkMailbox(envelope.from, 'envelope.from');
  const to = checkRecipients(envelope.to);
  const unsubscribe = envelope.listUnsubscribe ?? result.listUnsubscribe;
  const field = envelope.listUnsubscribe ? 'envelope.listUnsubscribe' : 'result.listUnsubscribe';
  const headers: Record<string, string> = {};
  const targets: string[] = [];
  const url = unsubscribe?.url === undefined ? undefined : checkHttpsUrl(unsubscribe.url, `${field}.url`);
  if (url) targets.push(`<${url}>`);
  if (unsubscribe?.mailto !== undefined)
    targets.push(`<${checkMailto(unsubscribe.mailto, `${field}.mailto`)}>`);
  if (targets.length > 0) headers['List-Unsubscribe'] = targets.join(', ');
  if (url) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return { from, to, subject: oneLine(result.subject), text: result.text, html: result.html, headers };
}

/**
 * A practical RFC 5322 addr-spec: dot-atom or quoted-string local part, dot-atom domain with a
 * dot (or a domain literal). Non-ASCII letters are allowed (SMTPUTF8, RFC 6531).
 */
const atom = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const addrSpec = new RegExp(
  `^(?:${atom}(?:\\.${atom})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+|\\[[^\\[\\]\\\\\\s]+\\])$`,
  'u',
);

/** True when `value` is a bare address (`a@example.com`), an RFC 5322 addr-spec. */
export function isAddress(value: string): boolean {
  return value.length <= 254 && addrSpec.test(value);
}

/** `addr`, `Name <addr>` or `"Name, Jr." <addr>`: returns the trimmed mailbox or throws naming the field. */
function checkMailbox(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new NewsbriefError(
      `${field}: expected an email address, found ${value === undefined ? 'nothing' : typeof value}.`,
    );
  }
  const mailbox = value.trim();
  // A line break in a header value would let a caller's data add headers of its own.
  if (/[\r\n]/.test(mailbox))
    throw new NewsbriefError(`${field}: expected one line, found a line break in ${quote(value)}.`);
  const named = /^(?:"(?:[^"\\]|\\.)*"|[^"<>]*?)\s*<([^<>]+)>$/.exec(mailbox);
  const address = named ? (named[1] as string) : mailbox;
  if (!isAddress(address)) {
    throw new NewsbriefError(
      `${field}: expected an email address like "news@example.com" or "Morning Brief <news@example.com>", found ${quote(value)}.`,
    );
  }
  return mailbox;
}

function checkRecipients(value: unknown): string | string[] {
  if (Array.isArray(value)) {
    if (value.length === 0)
      throw new NewsbriefError('envelope.to: expected at least one address, found an empty list.');
    return value.map((item, index) => checkMailbox(item, `envelope.to[${index}]`));
  }
  if (typeof value !== 'string') return checkMailbox(value, 'envelope.to');
  const items = splitAddressList(value);
  for (const [index, item] of items.entries()) {
    checkMailbox(item, items.length > 1 ? `envelope.to[${index}]` : 'envelope.to');
  }
  return value.trim();
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

function checkHttpsUrl(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value : '';
  if (urlProtocol(text) !== 'https:') {
    const found = typeof value === 'string' ? quote(value) : String(value);
    throw new NewsbriefError(
      `${field}: expected an https URL (RFC 8058 one-click unsubscribe; a merge tag cannot go in a header), found ${found}.`,
    );
  }
  return new URL(text).href;
}

function checkMailto(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const href = isAddress(text) ? `mailto:${text}` : text;
  const address = urlProtocol(href) === 'mailto:' ? safeDecode(new URL(href).pathname) : '';
  if (!isAddress(address)) {
    const found = typeof value === 'string' ? quote(value) : String(value);
    throw new NewsbriefError(
      `${field}: expected a mailto: URL or an address like "unsubscribe@example.com", found ${found}.`,
    );
  }
  return new URL(href).href;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

/** Subjects are one header line; a stray line break from a CMS becomes a space. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * The `List-Unsubscribe` fallback for a rendered edition: the footer's unsubscribe link when it is
 * a real https or mailto: URL. Merge tags are per-recipient and left to the ESP.
 */
export function footerListUnsubscribe(unsubscribeUrl: string | undefined): ListUnsubscribe | undefined {
  if (unsubscribeUrl === undefined) return undefined;
  const protocol = urlProtocol(unsubscribeUrl);
  if (protocol === 'https:') return { url: unsubscribeUrl };
  if (protocol === 'mailto:') return { mailto: unsubscribeUrl };
  return undefined;
}
