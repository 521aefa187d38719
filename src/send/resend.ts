/**
 * Resend: one `POST /emails/batch` per 100 messages, each personalized here with `personalize`
 * (Resend's batch API has no merge of raw content).
 */
import type { EspPlan, PreparedMessage } from './plan.js';
import { personalFor } from './postmark.js';

/** A Resend tag. */
export type ResendTag = { name: string; value: string };

/**
 * One message of a Resend batch, as the `resend` SDK's `batch.send()` takes it (camelCase; the
 * SDK sends `replyTo` as `reply_to`).
 */
export type ResendMessage = {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  headers: Record<string, string>;
  tags?: ResendTag[];
};

/** The body of `POST /emails/batch` (SDK form): up to 100 messages. */
export type ResendBatchBody = ResendMessage[];

export function resendPlan(message: PreparedMessage): EspPlan<ResendBatchBody> {
  return {
    size: 100,
    path: '/emails/batch',
    body: (chunk) =>
      chunk.map((recipient): ResendMessage => {
        const personal = personalFor(message.result, recipient);
        const entry: ResendMessage = {
          from: message.from.mailbox,
          to: [recipient.mailbox],
          subject: personal.subject,
          html: personal.html,
          text: personal.text,
          headers: { ...message.headers, ...recipient.headers },
        };
        if (message.replyTo) entry.replyTo = message.replyTo.mailbox;
        if (message.tags.length > 0) entry.tags = message.tags.map((tag) => ({ name: tag, value: 'true' }));
        return entry;
      }),
  };
}
