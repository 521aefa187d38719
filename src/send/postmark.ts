/**
 * Postmark: one `POST /email/batch` per 500 messages. Postmark has no batch merge for raw
 * content, so each message is personalized here, with `personalize`.
 */
import { personalizeAs } from '../readers/personalize.js';
import type { RenderResult } from '../render/renderer.js';
import type { EspPlan, PreparedMessage, PreparedRecipient } from './plan.js';

/** A Postmark header. */
export type PostmarkHeader = { Name: string; Value: string };

/** One message of a Postmark batch, as `ServerClient.sendEmailBatch` takes it. */
export type PostmarkMessage = {
  From: string;
  To: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
  ReplyTo?: string;
  Tag?: string;
  Headers: PostmarkHeader[];
  /** The message stream: newsletters go through a broadcast stream. */
  MessageStream: string;
};

/** The JSON body of `POST /email/batch`: up to 500 messages. */
export type PostmarkBatchBody = PostmarkMessage[];

/** One reader's copy of the edition: their tokens filled, their unsubscribe link in `unsubscribeUrl`. */
export function personalFor(result: RenderResult, recipient: PreparedRecipient): RenderResult {
  return personalizeAs(result, recipient.data, `recipients[${recipient.position}].data`);
}

export function postmarkPlan(message: PreparedMessage, messageStream: string): EspPlan<PostmarkBatchBody> {
  const shared = Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value }));
  return {
    size: 500,
    path: '/email/batch',
    body: (chunk) =>
      chunk.map((recipient): PostmarkMessage => {
        const personal = personalFor(message.result, recipient);
        const entry: PostmarkMessage = {
          From: message.from.mailbox,
          To: recipient.mailbox,
          Subject: personal.subject,
          HtmlBody: personal.html,
          TextBody: personal.text,
          Headers: [
            ...shared,
            ...Object.entries(recipient.headers).map(([Name, Value]) => ({ Name, Value })),
          ],
          MessageStream: messageStream,
        };
        if (message.replyTo) entry.ReplyTo = message.replyTo.mailbox;
        if (message.tags[0] !== undefined) entry.Tag = message.tags[0];
        return entry;
      }),
  };
}
