/**
 * Recipients as they stream in: each one checked where it enters (an address, a one-line name,
 * string data), then grouped into chunks of an ESP's batch size. Lists run to millions, so
 * nothing here holds more than one chunk.
 */
import { NewsbriefError } from '../errors.js';
import { checkMailbox, isAddress, unsafeCharacter } from '../mail-address.js';
import { quote } from '../normalize/links.js';
import type { ReaderFields } from '../readers/personalize.js';

/** One reader of a send: where the message goes and what fills their reader tokens. */
export interface EspRecipient {
  /** Bare address, `reader@example.org`. */
  email: string;
  /** Display name for the `To` header, e.g. `Jane Doe`; quoted as needed. */
  name?: string;
  /**
   * Your stable subscriber id: it goes into the signed one-click unsubscribe URL.
   * @default the email address
   */
  id?: string;
  /**
   * Values of the reader tokens (`{{reader.first_name}}` reads `data.first_name`;
   * `{{reader.email}}` is `email` unless the data gives one), as
   * `personalize` takes them: text or numbers; `''`, `null` and missing use the token's fallback.
   */
  data?: ReaderFields;
}

/** A recipient after its checks: the fields each ESP needs, ready to use. */
export interface CheckedRecipient {
  email: string;
  name: string | undefined;
  /** `Name <email>`, the name quoted when it needs to be; the bare address without a name. */
  mailbox: string;
  id: string;
  data: ReaderFields;
  /** Zero-based position in the input, for error messages and `EspBatch.offset`. */
  position: number;
}

const noData: ReaderFields = Object.freeze({});

/** Checks one recipient; a `NewsbriefError` names `recipients[position].field`. */
export function checkRecipient(value: unknown, position: number): CheckedRecipient {
  const field = `recipients[${position}]`;
  if (typeof value !== 'object' || value === null) {
    throw new NewsbriefError(
      `${field}: expected a recipient { email, name?, id?, data? }, found ${String(value)}.`,
    );
  }
  const { email, name, id, data } = value as Record<string, unknown>;
  if (typeof email !== 'string' || !isAddress(email.trim())) {
    const found = typeof email === 'string' ? quote(email) : typeof email;
    throw new NewsbriefError(
      `${field}.email: expected a bare address like "reader@example.org", found ${found}.`,
    );
  }
  const address = email.trim();
  if (name !== undefined && typeof name !== 'string')
    throw new NewsbriefError(`${field}.name: expected text, found ${typeof name}.`);
  const displayName = name?.trim() || undefined;
  const mailbox =
    displayName === undefined ? address : checkMailbox(`${displayName} <${address}>`, `${field}.name`);
  if (id !== undefined && (typeof id !== 'string' || id === '' || unsafeCharacter(id) !== undefined)) {
    throw new NewsbriefError(
      `${field}.id: expected a non-empty id on one line, found ${typeof id === 'string' ? quote(id) : typeof id}.`,
    );
  }
  return {
    email: address,
    name: displayName,
    mailbox,
    id: id ?? address,
    data: withEmail(checkData(data, field), address),
    position,
  };
}

function checkData(data: unknown, field: string): ReaderFields {
  if (data === undefined) return noData;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new NewsbriefError(
      `${field}.data: expected an object of text values, found ${Array.isArray(data) ? 'an array' : String(data)}.`,
    );
  }
  // Values are checked where a token reads them, as `personalize` does.
  return data as ReaderFields;
}

/** `{{reader.email}}` is the address the message goes to, unless the data gives one. */
function withEmail(data: ReaderFields, email: string): ReaderFields {
  return data.email === undefined || data.email === null ? { ...data, email } : data;
}

/** Anything `espBatches` reads recipients from: an array, a generator, a database cursor. */
export type RecipientSource = Iterable<EspRecipient> | AsyncIterable<EspRecipient>;

/**
 * The checked recipients in chunks of at most `size`, in input order. A chunk also ends before an
 * address it already holds (compared without case): Mailgun keys its recipient variables by
 * address and SendGrid refuses one address twice in a request, so a repeated address goes out
 * in the next call, still exactly once per input entry.
 */
export async function* recipientChunks(
  source: RecipientSource,
  size: number,
): AsyncGenerator<CheckedRecipient[]> {
  if (
    source === null ||
    typeof source !== 'object' ||
    !(Symbol.iterator in source || Symbol.asyncIterator in source)
  ) {
    throw new NewsbriefError(
      `recipients: expected an array, iterable or async iterable of recipients, found ${String(source)}.`,
    );
  }
  let chunk: CheckedRecipient[] = [];
  let seen = new Set<string>();
  let position = 0;
  for await (const value of source) {
    const recipient = checkRecipient(value, position);
    position += 1;
    const key = recipient.email.toLowerCase();
    // A repeated address starts the next call: Mailgun keys each reader's values by address.
    if (seen.has(key)) {
      yield chunk;
      chunk = [];
      seen = new Set();
    }
    chunk.push(recipient);
    seen.add(key);
    // A full chunk goes at once, without reading the next recipient first.
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
      seen = new Set();
    }
  }
  if (chunk.length > 0) yield chunk;
}
