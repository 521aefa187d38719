/**
 * SendGrid v3: one `POST /v3/mail/send` per 1,000 personalizations. Reader tokens become
 * substitution keys `{nb:NAME}` (another prefix when the copy happens to hold that one, so no
 * story text is ever substituted); each personalization carries its reader's values and their
 * one-click `List-Unsubscribe` header.
 */
import { NewsbriefError } from '../errors.js';
import type { MergeSyntax } from './merge.js';
import { mergeCopy, mergeValues } from './merge.js';
import type { EspPlan, MailboxParts, PreparedMessage } from './plan.js';

/** An address as SendGrid's JSON takes it. */
export type SendGridAddress = { email: string; name?: string };

/** One personalization: one recipient, their substitutions and headers. */
export type SendGridPersonalization = {
  to: SendGridAddress[];
  substitutions?: Record<string, string>;
  headers?: Record<string, string>;
};

/** The JSON body of `POST /v3/mail/send` (`@sendgrid/client` `request({ method, url, body })`). */
export type SendGridBatchBody = {
  from: SendGridAddress;
  reply_to?: SendGridAddress;
  subject: string;
  /** `text/plain` first, as SendGrid requires, then `text/html`. */
  content: { type: string; value: string }[];
  headers?: Record<string, string>;
  /** Up to ten categories. */
  categories?: string[];
  personalizations: SendGridPersonalization[];
};

/** SendGrid refuses a personalization whose substitutions exceed 10,000 bytes in all. */
const substitutionBytes = 10_000;

function address(parts: MailboxParts): SendGridAddress {
  return parts.name === undefined ? { email: parts.email } : { email: parts.email, name: parts.name };
}

/** A prefix found nowhere in `texts`: `{nb:`, else `{nb1:`, `{nb2:`, … */
function freePrefix(texts: readonly string[]): string {
  for (let n = 0; ; n += 1) {
    const prefix = `{nb${n === 0 ? '' : n}:`;
    if (!texts.some((text) => text.includes(prefix))) return prefix;
  }
}

export function sendgridPlan(message: PreparedMessage): EspPlan<SendGridBatchBody> {
  const { result } = message;
  const prefix = freePrefix([result.html, result.text, result.subject, ...Object.values(message.headers)]);
  // Keys are `{prefix}NAME}` with NAME in [A-Za-z0-9_]: no key is found inside another or across copy.
  const syntax: MergeSyntax = { variable: (name) => `${prefix}${name}}`, inert: (copy) => copy };
  const copy = mergeCopy(result, syntax);
  const fixed: Omit<SendGridBatchBody, 'personalizations'> = {
    from: address(message.from),
    subject: copy.subject,
    content: [
      { type: 'text/plain', value: copy.text },
      { type: 'text/html', value: copy.html },
    ],
  };
  if (message.replyTo) fixed.reply_to = address(message.replyTo);
  if (Object.keys(message.headers).length > 0) fixed.headers = { ...message.headers };
  if (message.tags.length > 0) fixed.categories = [...message.tags];
  const encoder = new TextEncoder();
  return {
    size: 1000,
    path: '/v3/mail/send',
    body(chunk) {
      const personalizations = chunk.map((recipient): SendGridPersonalization => {
        const personalization: SendGridPersonalization = { to: [address(recipient)] };
        if (copy.variables.length > 0) {
          const values = mergeValues(
            copy.variables,
            recipient.data,
            `recipients[${recipient.position}].data`,
          );
          const substitutions: Record<string, string> = {};
          let bytes = 0;
          for (const [name, value] of Object.entries(values)) {
            const key = syntax.variable(name);
            substitutions[key] = value;
            bytes += encoder.encode(key).length + encoder.encode(value).length;
          }
          if (bytes > substitutionBytes) {
            throw new NewsbriefError(
              `recipients[${recipient.position}].data: expected reader values SendGrid accepts (substitutions up to 10,000 bytes per recipient), found ${bytes} bytes.`,
            );
          }
          personalization.substitutions = substitutions;
        }
        if (Object.keys(recipient.headers).length > 0) personalization.headers = { ...recipient.headers };
        return personalization;
      });
      return { ...fixed, personalizations };
    },
  };
}
