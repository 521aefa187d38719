/**
 * What every ESP builder starts from: the message checked once per send (sender, per-message
 * headers, tags), recipients checked as they stream in with their own unsubscribe headers, and
 * the shape of a plan: a batch size, an endpoint and a body per chunk.
 */
import type { RenderResult } from '../render/renderer.js';
import type { CheckedRecipient } from './recipients.js';

/** A mailbox split into the parts JSON APIs take separately. */
export interface MailboxParts {
  /** `Name <addr>` as written in a header (the name quoted when needed), or the bare address. */
  mailbox: string;
  email: string;
  /** The display name as a reader sees it (unquoted), or `undefined`. */
  name: string | undefined;
}

/** The message of one send, checked once. */
export interface PreparedMessage {
  result: RenderResult;
  from: MailboxParts;
  replyTo: MailboxParts | undefined;
  /** Per-message headers in a fixed order: `List-Id`, `List-Archive`, `Feedback-ID`, and a shared `List-Unsubscribe`. */
  headers: Readonly<Record<string, string>>;
  tags: readonly string[];
}

/** A recipient with their own headers (`List-Unsubscribe`, `List-Unsubscribe-Post`). */
export interface PreparedRecipient extends CheckedRecipient {
  headers: Readonly<Record<string, string>>;
}

/** How one ESP sends a chunk: its batch size, its endpoint and the body for a chunk. */
export interface EspPlan<Body> {
  size: number;
  path: string;
  body(chunk: readonly PreparedRecipient[]): Body;
}

/** `Name <addr>` (as `checkMailbox` writes it) → its parts. */
export function mailboxParts(mailbox: string): MailboxParts {
  const angle = /^(.*) <([^<>]*)>$/s.exec(mailbox);
  if (angle === null) return { mailbox, email: mailbox.replace(/^<|>$/g, ''), name: undefined };
  const written = angle[1] as string;
  const name = /^".*"$/s.test(written) ? written.slice(1, -1).replace(/\\(.)/gs, '$1') : written;
  return { mailbox, email: angle[2] as string, name };
}
