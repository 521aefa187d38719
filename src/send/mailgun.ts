/**
 * Mailgun: one `POST /v3/{domain}/messages` per 1,000 recipients. Each `to` gets its own message
 * because `recipient-variables` names every recipient; reader tokens become
 * `%recipient.NAME%`, and the one-click unsubscribe header is a recipient variable too.
 */
import type { MergeSyntax } from './merge.js';
import { mergeCopy, mergeValues } from './merge.js';
import type { EspPlan, PreparedMessage } from './plan.js';

/**
 * The form fields of one Mailgun messages call, as `mailgun.js` `messages.create(domain, body)`
 * takes them (and as `multipart/form-data` fields for a plain HTTP call).
 */
export type MailgunBatchBody = {
  from: string;
  /** One mailbox per recipient; `recipient-variables` makes each one its own message. */
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** JSON: `{ "reader@example.org": { "first_name": "Ana", "h:List-Unsubscribe": "<https://…>" } }`. */
  'recipient-variables': string;
  /** Up to three tags. */
  'o:tag'?: string[];
  /** Custom headers: `h:List-Id`, `h:List-Unsubscribe`, `h:Reply-To`, … */
  [header: `h:${string}`]: string;
};

/** Where a variable must not be found in copy: `%recipient` (any case), made `%⁠recipient` / `&#37;recipient`. */
const recipientVariable = /%(?=recipient)/gi;

const mailgunSyntax: MergeSyntax = {
  variable: (name) => `%recipient.${name}%`,
  inert: (copy, part) => copy.replace(recipientVariable, part === 'html' ? '&#37;' : '%\u2060'),
};

/** The recipient variable carrying each reader's `List-Unsubscribe`; reader variables never hold `:`. */
const unsubscribeVariable = 'h:List-Unsubscribe';

export function mailgunPlan(message: PreparedMessage, domain: string): EspPlan<MailgunBatchBody> {
  const copy = mergeCopy(message.result, mailgunSyntax);
  const fixed: MailgunBatchBody = {
    from: message.from.mailbox,
    to: [],
    subject: copy.subject,
    html: copy.html,
    text: copy.text,
    'recipient-variables': '{}',
  };
  for (const [name, value] of Object.entries(message.headers)) fixed[`h:${name}`] = value;
  if (message.replyTo) fixed['h:Reply-To'] = message.replyTo.mailbox;
  if (message.tags.length > 0) fixed['o:tag'] = [...message.tags];
  return {
    size: 1000,
    path: `/v3/${encodeURIComponent(domain)}/messages`,
    body(chunk) {
      const variables: Record<string, Record<string, string>> = {};
      for (const recipient of chunk) {
        const values = mergeValues(copy.variables, recipient.data, `recipients[${recipient.position}].data`);
        const unsubscribe = recipient.headers['List-Unsubscribe'];
        if (unsubscribe !== undefined) values[unsubscribeVariable] = unsubscribe;
        variables[recipient.email] = values;
      }
      const body: MailgunBatchBody = { ...fixed, to: chunk.map((recipient) => recipient.mailbox) };
      // Every recipient of a send has the same kind of unsubscribe target, so the first one speaks for all.
      const first = chunk[0]?.headers;
      if (first?.['List-Unsubscribe'] !== undefined)
        body['h:List-Unsubscribe'] = `%recipient.${unsubscribeVariable}%`;
      const post = first?.['List-Unsubscribe-Post'];
      if (post !== undefined) body['h:List-Unsubscribe-Post'] = post;
      body['recipient-variables'] = JSON.stringify(variables);
      return body;
    },
  };
}
