/**
 * RenderResult → a message object nodemailer (and most Node mail clients) accept as is, with the
 * List-Unsubscribe headers Gmail and Yahoo require of bulk senders since February 2024.
 */
import { NewsbriefError } from './errors.js';
import { checkMailbox, headerUnsafe, isAddress, unsafeCharacter } from './mail-address.js';
import { quote, urlProtocol } from './normalize/links.js';
import type { RenderResult } from './render/renderer.js';
import { type ListHeaderOptions, listHeaders } from './send/headers.js';

/** Where an unsubscribe request goes: an https endpoint (one-click, RFC 8058), a mailbox, or both. */
export interface ListUnsubscribe {
  /** https URL that accepts a one-click `POST` (RFC 8058) and a `GET`. */
  url?: string;
  /** `mailto:` URL or bare address that unsubscribes the sender of a message sent to it (RFC 2369). */
  mailto?: string;
}

/**
 * Who the message is from and to, where unsubscribe requests go, and the list headers
 * (`listId`, `archiveUrl`, `feedbackId`) that identify the newsletter.
 */
export interface MailEnvelope extends ListHeaderOptions {
  /**
   * One address, bare (`news@example.com`) or with a display name (`Morning Brief <news@example.com>`).
   * A name with `,` `:` `;` `@` `<` `>` or `"` in it is quoted (`Doe, Jane <…>` → `"Doe, Jane" <…>`).
   */
  from: string;
  /**
   * One recipient (same forms as `from`) or a list of recipients. A string is always one address:
   * `"a@example.org, b@example.org"` is refused; give several as an array.
   */
  to: string | string[];
  /**
   * Targets of the `List-Unsubscribe` header.
   * @default the briefing footer's `unsubscribeUrl` when it is a real https or mailto: URL
   * (`result.listUnsubscribe`); a merge tag cannot go in a header, so then there is none.
   */
  listUnsubscribe?: ListUnsubscribe;
}

/**
 * A nodemailer-compatible message: pass it to `transporter.sendMail()`. Every header-bound value
 * (`from`, `to`, `subject`, `headers`) is one line without control characters.
 */
export interface MailMessage {
  /** The sender as one mailbox, its display name quoted when it needs to be. */
  from: string;
  /** A string for one recipient, an array for a list; each item one mailbox. */
  to: string | string[];
  /** The render result's subject on one line: line breaks become spaces, other controls go. */
  subject: string;
  /** Plain-text part; nodemailer sends it first in `multipart/alternative`. */
  text: string;
  html: string;
  /**
   * `List-Unsubscribe` and, with an https URL, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`;
   * `List-Id`, `List-Archive` and `Feedback-ID` when the envelope names them.
   */
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
  const headers = { ...listUnsubscribeHeaders(unsubscribe, field), ...listHeaders(envelope, 'envelope') };
  return { from, to, subject: headerText(result.subject), text: result.text, html: result.html, headers };
}

/**
 * `List-Unsubscribe` (and, with an https `url`, `List-Unsubscribe-Post`) for these targets,
 * checked; a bad target throws a `NewsbriefError` naming `${field}.url` or `${field}.mailto`.
 */
export function listUnsubscribeHeaders(
  unsubscribe: ListUnsubscribe | undefined,
  field: string,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const targets: string[] = [];
  const url = unsubscribe?.url === undefined ? undefined : unsubscribeTarget('url', unsubscribe.url, field);
  if (url) targets.push(`<${url}>`);
  if (unsubscribe?.mailto !== undefined)
    targets.push(`<${unsubscribeTarget('mailto', unsubscribe.mailto, field)}>`);
  if (targets.length > 0) headers['List-Unsubscribe'] = targets.join(', ');
  if (url) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}

function checkRecipients(value: unknown): string | string[] {
  const several = 'give several recipients as an array: to: ["a@example.org", "b@example.org"]';
  if (!Array.isArray(value)) return checkMailbox(value, 'envelope.to', several);
  if (value.length === 0)
    throw new NewsbriefError('envelope.to: expected at least one address, found an empty list.');
  return value.map((item, index) => checkMailbox(item, `envelope.to[${index}]`, several));
}

type TargetKind = keyof ListUnsubscribe;

/**
 * Why `value` cannot be a `List-Unsubscribe` target of this kind, or its normalized URL
 * (`new URL(value).href`, a bare address as `mailto:`). A header holds URLs in `<…>`, separated
 * by commas: whitespace or a control character inside one is refused, not repaired.
 */
function targetHref(kind: TargetKind, value: unknown): { href: string } | { problem: string } {
  const text = typeof value === 'string' ? value.trim() : '';
  const found = typeof value === 'string' ? quote(value) : String(value);
  const unsafe = typeof value === 'string' ? unsafeCharacter(value) : undefined;
  if (unsafe !== undefined) return { problem: `expected a URL on one line, found ${unsafe} in ${found}` };
  if (/\s/.test(text))
    return { problem: `expected a URL without spaces (write %20), found whitespace in ${found}` };
  if (kind === 'url') {
    return urlProtocol(text) === 'https:'
      ? { href: new URL(text).href }
      : {
          problem: `expected an https URL (RFC 8058 one-click unsubscribe; a merge tag cannot go in a header), found ${found}`,
        };
  }
  const href = isAddress(text) ? `mailto:${text}` : text;
  const url = urlProtocol(href) === 'mailto:' ? new URL(href) : undefined;
  if (url === undefined || !isAddress(safeDecode(url.pathname))) {
    return { problem: `expected a mailto: URL or an address like "unsubscribe@example.com", found ${found}` };
  }
  return { href: url.href };
}

/** The normalized target, or a `NewsbriefError` naming `${field}.${kind}`. */
function unsubscribeTarget(kind: TargetKind, value: unknown, field: string): string {
  const target = targetHref(kind, value);
  if ('problem' in target) throw new NewsbriefError(`${field}.${kind}: ${target.problem}.`);
  return target.href;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

/**
 * A text header value (the subject) on one line: each run of line breaks and tabs becomes one
 * space, with the spaces around it; other control characters and lone surrogates are removed.
 * nodemailer would fold or encode some of them, but the message also goes to other clients and
 * logs as it is. Split and trimmed rather than one regex: `\s*[\r\n]+\s*` backtracks in
 * quadratic time over a long run of spaces (15 s for 100,000).
 */
export function headerText(value: string): string {
  const lines = value.split(/[\r\n\t\u2028\u2029\u0085]+/);
  const last = lines.length - 1;
  return lines
    .map((line, index) => {
      const start = index > 0 ? line.trimStart() : line;
      return index < last ? start.trimEnd() : start;
    })
    .join(' ')
    .replace(new RegExp(headerUnsafe.source, 'gu'), '')
    .trim();
}

/**
 * The `List-Unsubscribe` fallback for a rendered edition: the footer's unsubscribe link, normalized,
 * when it is a real https or mailto: URL that fits in a header. Merge tags are per-recipient and
 * left to the ESP; a link with whitespace or no address gets no fallback (pass
 * `envelope.listUnsubscribe` then).
 */
export function footerListUnsubscribe(unsubscribeUrl: string | undefined): ListUnsubscribe | undefined {
  if (unsubscribeUrl === undefined) return undefined;
  const protocol = urlProtocol(unsubscribeUrl.trim());
  const kind: TargetKind | undefined =
    protocol === 'https:' ? 'url' : protocol === 'mailto:' ? 'mailto' : undefined;
  if (kind === undefined) return undefined;
  const target = targetHref(kind, unsubscribeUrl);
  return 'href' in target ? { [kind]: target.href } : undefined;
}
