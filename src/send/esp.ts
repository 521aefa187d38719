/**
 * `espBatches`: a rendered edition and a stream of recipients in, each ESP's batch API calls out,
 * chunked to its limit, every recipient exactly once and in order. Pure data: no ESP SDK, no
 * network; send each batch with the ESP's SDK or `fetch`.
 */
import { NewsbriefError } from '../errors.js';
import { listUnsubscribeHeaders } from '../mail.js';
import { checkMailbox, unsafeCharacter } from '../mail-address.js';
import { quote } from '../normalize/links.js';
import { linksReaderUnsubscribe, readerUnsubscribeUrl } from '../readers/personalize.js';
import type { RenderResult } from '../render/renderer.js';
import { type ListHeaderOptions, listHeaders } from './headers.js';
import { type MailgunBatchBody, mailgunPlan } from './mailgun.js';
import { type EspPlan, mailboxParts, type PreparedMessage, type PreparedRecipient } from './plan.js';
import { type PostmarkBatchBody, postmarkPlan } from './postmark.js';
import { type CheckedRecipient, type RecipientSource, recipientChunks } from './recipients.js';
import { type ResendBatchBody, resendPlan } from './resend.js';
import { type SendGridBatchBody, sendgridPlan } from './sendgrid.js';
import { type SesBatchBody, sesPlan } from './ses.js';
import { checkSecret, checkUnsubscribeBase, unsubscribeUrl } from './unsubscribe.js';

/** The ESPs `espBatches` writes for. */
export type EspName = 'mailgun' | 'sendgrid' | 'ses' | 'postmark' | 'resend';

const espNames: readonly EspName[] = ['mailgun', 'sendgrid', 'ses', 'postmark', 'resend'];

/** Signed one-click URLs made by `unsubscribeUrl(base, recipient.id, secret)`. */
export interface SignedUnsubscribe {
  /** Your https endpoint (it runs `verifyUnsubscribe`). */
  base: string;
  /** The HMAC secret, at least 32 bytes, kept server-side. */
  secret: string | Uint8Array;
  /** Also list a `mailto:` target (RFC 2369). */
  mailto?: string;
}

/** Your own per-recipient unsubscribe URLs. */
export interface CustomUnsubscribe {
  /** The recipient's https one-click URL (RFC 8058); may be async (a database lookup). */
  url: (recipient: Readonly<CheckedRecipient>) => string | Promise<string>;
  /** Also list a `mailto:` target (RFC 2369). */
  mailto?: string;
}

/** Options shared by every ESP. */
export interface EspOptionsBase extends ListHeaderOptions {
  /** Sender, `Morning Brief <news@example.com>`. */
  from: string;
  /** One `Reply-To` mailbox. */
  replyTo?: string;
  /**
   * Each recipient's one-click unsubscribe: a `List-Unsubscribe: <url>` header of their own with
   * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, and the same URL as the reader field
   * `unsubscribeUrl` (so a footer written `{{reader.unsubscribeUrl}}` links to it).
   * @default the edition's footer URL (`result.listUnsubscribe`) for every recipient, if any
   */
  unsubscribe?: SignedUnsubscribe | CustomUnsubscribe;
  /**
   * Labels for the ESP's reports: letters, digits, `_` and `-`. Mailgun `o:tag` (at most 3),
   * SendGrid `categories` (10), Postmark `Tag` (1), SES and Resend name/value tags (`tag=true`).
   */
  tags?: string[];
}

/** Mailgun messages API. */
export interface MailgunOptions extends EspOptionsBase {
  esp: 'mailgun';
  /**
   * The Mailgun sending domain in the path `/v3/{domain}/messages`.
   * @default the domain of `from`
   */
  domain?: string;
}

/** SendGrid v3 `mail/send`. */
export interface SendGridOptions extends EspOptionsBase {
  esp: 'sendgrid';
}

/** Amazon SES v2 `SendBulkEmail`. */
export interface SesOptions extends EspOptionsBase {
  esp: 'ses';
  /**
   * Send with a stored template of this name (create it once with `sesTemplate(result, name)`)
   * instead of the edition inline in every call.
   * @default the edition inline, as `TemplateContent`
   */
  templateName?: string;
  /** The SES configuration set (event publishing, IP pool). */
  configurationSetName?: string;
}

/** Postmark batch API. */
export interface PostmarkOptions extends EspOptionsBase {
  esp: 'postmark';
  /**
   * The message stream; Postmark requires newsletters to go through a broadcast stream.
   * @default 'broadcast'
   */
  messageStream?: string;
}

/** Resend batch API. */
export interface ResendOptions extends EspOptionsBase {
  esp: 'resend';
}

/** Options of `espBatches`: `esp` picks the ESP and its own options. */
export type EspOptions = MailgunOptions | SendGridOptions | SesOptions | PostmarkOptions | ResendOptions;

/** One API call: where to send what, and for how many recipients. */
export interface EspBatchOf<E extends EspName, Body> {
  esp: E;
  method: 'POST';
  /**
   * The endpoint under the ESP's API base: Mailgun `https://api.mailgun.net` (EU
   * `https://api.eu.mailgun.net`), SendGrid `https://api.sendgrid.com`, SES
   * `https://email.{region}.amazonaws.com`, Postmark `https://api.postmarkapp.com`, Resend
   * `https://api.resend.com`.
   */
  path: string;
  /** The request body as the ESP's official SDK call takes it (see docs/esp.md per ESP). */
  body: Body;
  /** Recipients in this call. */
  recipients: number;
  /** Zero-based number of this call in the send. */
  index: number;
  /** Position of this call's first recipient in the input (zero-based). */
  offset: number;
}

export type MailgunBatch = EspBatchOf<'mailgun', MailgunBatchBody>;
export type SendGridBatch = EspBatchOf<'sendgrid', SendGridBatchBody>;
export type SesBatch = EspBatchOf<'ses', SesBatchBody>;
export type PostmarkBatch = EspBatchOf<'postmark', PostmarkBatchBody>;
export type ResendBatch = EspBatchOf<'resend', ResendBatchBody>;
/** A batch of any ESP; `esp` tells them apart. */
export type EspBatch = MailgunBatch | SendGridBatch | SesBatch | PostmarkBatch | ResendBatch;
/** The batch type of one ESP. */
export type EspBatchFor<E extends EspName> = Extract<EspBatch, { esp: E }>;

const tagPattern = /^[A-Za-z0-9_-]{1,128}$/;
const tagLimits: Partial<Record<EspName, number>> = { mailgun: 3, sendgrid: 10, postmark: 1 };

function optionText(value: unknown, field: string, expected: string, pattern: RegExp): string {
  if (typeof value !== 'string' || unsafeCharacter(value) !== undefined || !pattern.test(value)) {
    throw new NewsbriefError(
      `${field}: expected ${expected}, found ${typeof value === 'string' ? quote(value) : typeof value}.`,
    );
  }
  return value;
}

function checkTags(tags: unknown, esp: EspName): string[] {
  if (tags === undefined) return [];
  if (!Array.isArray(tags))
    throw new NewsbriefError(`options.tags: expected an array of tags, found ${typeof tags}.`);
  const limit = tagLimits[esp];
  if (limit !== undefined && tags.length > limit) {
    throw new NewsbriefError(`options.tags: expected at most ${limit} for ${esp}, found ${tags.length}.`);
  }
  return tags.map((tag, index) =>
    optionText(tag, `options.tags[${index}]`, 'letters, digits, _ and - (at most 128)', tagPattern),
  );
}

function prepareMessage(result: RenderResult, options: EspOptions): PreparedMessage {
  const headers = listHeaders(options, 'options');
  if (options.unsubscribe === undefined)
    Object.assign(headers, listUnsubscribeHeaders(result.listUnsubscribe, 'result.listUnsubscribe'));
  return {
    result,
    from: mailboxParts(checkMailbox(options.from, 'options.from')),
    replyTo:
      options.replyTo === undefined
        ? undefined
        : mailboxParts(checkMailbox(options.replyTo, 'options.replyTo')),
    headers,
    tags: checkTags(options.tags, options.esp),
  };
}

function planFor(message: PreparedMessage, options: EspOptions): EspPlan<EspBatch['body']> {
  switch (options.esp) {
    case 'mailgun': {
      const domain = options.domain ?? message.from.email.slice(message.from.email.lastIndexOf('@') + 1);
      const checked = optionText(
        domain,
        'options.domain',
        'a domain like "mg.example.com"',
        /^[A-Za-z0-9.-]+$/,
      );
      return mailgunPlan(message, checked);
    }
    case 'sendgrid':
      return sendgridPlan(message);
    case 'ses': {
      const names = /^[A-Za-z0-9_-]{1,64}$/;
      return sesPlan(message, {
        ...(options.templateName === undefined
          ? {}
          : {
              templateName: optionText(
                options.templateName,
                'options.templateName',
                'a template name',
                names,
              ),
            }),
        ...(options.configurationSetName === undefined
          ? {}
          : {
              configurationSetName: optionText(
                options.configurationSetName,
                'options.configurationSetName',
                'a configuration set name (letters, digits, _ and -)',
                names,
              ),
            }),
      });
    }
    case 'postmark':
      return postmarkPlan(
        message,
        optionText(
          options.messageStream ?? 'broadcast',
          'options.messageStream',
          'a message stream id',
          /^[A-Za-z0-9_-]{1,100}$/,
        ),
      );
    case 'resend':
      return resendPlan(message);
  }
}

/**
 * Recipients' unsubscribe headers and `unsubscribeUrl` reader field, one at a time. Without the
 * option, an edition whose footer links to `{{reader.unsubscribeUrl}}` takes each reader's own
 * URL from their data (as `personalize` does), so every reader still gets a one-click header.
 */
function unsubscribeFor(
  unsubscribe: SignedUnsubscribe | CustomUnsubscribe | undefined,
  result: RenderResult,
): ((recipient: CheckedRecipient) => Promise<PreparedRecipient>) | undefined {
  if (unsubscribe === undefined) {
    if (result.listUnsubscribe?.url !== undefined || !linksReaderUnsubscribe(result)) return undefined;
    const mailto = result.listUnsubscribe?.mailto;
    return async (recipient) => {
      const data = `recipients[${recipient.position}].data`;
      const href = readerUnsubscribeUrl(result, recipient.data, data) as string;
      return {
        ...recipient,
        headers: listUnsubscribeHeaders({ url: href, mailto }, `${data}.unsubscribeUrl`),
      };
    };
  }
  if (typeof unsubscribe !== 'object' || unsubscribe === null) {
    throw new NewsbriefError(
      `options.unsubscribe: expected { base, secret } or { url }, found ${String(unsubscribe)}.`,
    );
  }
  const { mailto } = unsubscribe;
  if (!('url' in unsubscribe)) {
    // Checked now: a bad endpoint or a short secret should stop the send before the first call.
    checkUnsubscribeBase(unsubscribe.base, 'options.unsubscribe.base');
    checkSecret(unsubscribe.secret, 'options.unsubscribe.secret');
  }
  const url =
    'url' in unsubscribe
      ? unsubscribe.url
      : (recipient: CheckedRecipient) => unsubscribeUrl(unsubscribe.base, recipient.id, unsubscribe.secret);
  if (typeof url !== 'function') {
    throw new NewsbriefError('options.unsubscribe.url: expected a function (recipient) => https URL.');
  }
  // Checked once here: a bad mailto should stop the send before the first call, not at it.
  listUnsubscribeHeaders({ mailto }, 'options.unsubscribe');
  return async (recipient) => {
    const href = await url(recipient);
    const headers = listUnsubscribeHeaders(
      { url: href, mailto },
      `options.unsubscribe (recipients[${recipient.position}])`,
    );
    return { ...recipient, headers, data: { ...recipient.data, unsubscribeUrl: href } };
  };
}

/**
 * The calls that send `result` to `recipients` through one ESP's batch API, as an async
 * generator: one batch per call, chunked to the ESP's limit (Mailgun and SendGrid 1,000, SES 50,
 * Postmark 500, Resend 100), every recipient exactly once, in input order. Recipients may be an
 * array or any (async) iterable, such as a database cursor: only one chunk is held at a time, so
 * a list of millions streams in flat memory.
 *
 * Mailgun, SendGrid and SES merge reader tokens themselves (`%recipient.NAME%`, substitutions,
 * `{{NAME}}`): the edition goes once per call and each recipient brings their values; Postmark
 * and Resend get one `personalize`d message per recipient. Options and each recipient are
 * checked where they enter; a bad one throws a `NewsbriefError` naming it (`options.listId`,
 * `recipients[41].email`). Options are checked when this is called, recipients as they are read.
 *
 * @example
 * ```ts
 * for await (const batch of espBatches(result, readers, {
 *   esp: 'mailgun',
 *   from: 'Morning Brief <news@mg.example.com>',
 *   listId: 'Morning Brief <morning.mg.example.com>',
 *   unsubscribe: { base: 'https://example.com/unsubscribe', secret: unsubscribeSecret },
 * })) {
 *   await mg.messages.create('mg.example.com', batch.body);
 * }
 * ```
 */
export function espBatches<O extends EspOptions>(
  result: RenderResult,
  recipients: RecipientSource,
  options: O,
): AsyncGenerator<EspBatchFor<O['esp']>, void, undefined> {
  if (typeof options !== 'object' || options === null) {
    throw new NewsbriefError(`espBatches: expected options { esp, from, … }, found ${String(options)}.`);
  }
  const esp: unknown = options.esp;
  if (!espNames.includes(esp as EspName)) {
    throw new NewsbriefError(
      `options.esp: expected one of ${espNames.map((name) => `"${name}"`).join(', ')}, found ${typeof esp === 'string' ? quote(esp) : typeof esp}.`,
    );
  }
  if (typeof result !== 'object' || result === null || typeof result.html !== 'string') {
    throw new NewsbriefError(
      'espBatches: expected a RenderResult (renderBriefing or renderer.render) as the first argument.',
    );
  }
  const message = prepareMessage(result, options);
  const plan = planFor(message, options);
  const withUnsubscribe = unsubscribeFor(options.unsubscribe, result);
  return batches(options.esp, plan, recipients, withUnsubscribe) as AsyncGenerator<
    EspBatchFor<O['esp']>,
    void,
    undefined
  >;
}

async function* batches(
  esp: EspName,
  plan: EspPlan<EspBatch['body']>,
  recipients: RecipientSource,
  withUnsubscribe: ((recipient: CheckedRecipient) => Promise<PreparedRecipient>) | undefined,
): AsyncGenerator<EspBatch, void, undefined> {
  let index = 0;
  for await (const chunk of recipientChunks(recipients, plan.size)) {
    const prepared: PreparedRecipient[] = [];
    for (const recipient of chunk) {
      prepared.push(
        withUnsubscribe ? await withUnsubscribe(recipient) : { ...recipient, headers: noHeaders },
      );
    }
    yield {
      esp,
      method: 'POST',
      path: plan.path,
      body: plan.body(prepared),
      recipients: prepared.length,
      index,
      offset: (chunk[0] as CheckedRecipient).position,
    } as EspBatch;
    index += 1;
  }
}

const noHeaders: Readonly<Record<string, string>> = Object.freeze({});
