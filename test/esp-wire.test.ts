/**
 * `espBatches` on the wire: every batch of a 2,345-reader send goes through each ESP's official
 * SDK (devDependencies only) to a capture server on 127.0.0.1, which answers as the ESP does.
 * What the SDK put on the wire is then read back the way the ESP reads it (a multipart form for
 * Mailgun, JSON for the others) and each ESP's merge is replayed, so the checks hold for what a
 * reader would receive: every reader once and in order, their own signed one-click
 * `List-Unsubscribe`, the list headers, and copy equal to `personalize` for that reader. The pure
 * builders are checked in test/esp.test.ts; this file proves the SDKs take the bodies as built.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client, SendBulkEmailCommand, type SendBulkEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { Client as SendGridClient } from '@sendgrid/client';
import FormData from 'form-data';
import Mailgun from 'mailgun.js';
import { ServerClient } from 'postmark';
import { Resend } from 'resend';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRenderer,
  type EspBatch,
  type EspRecipient,
  espBatches,
  personalize,
  type ReaderFields,
  type RenderResult,
  unsubscribeUrl,
  verifyUnsubscribe,
} from '../src/index.js';
import { readerEdition } from './readers-fixture.js';

const renderer = await createRenderer();

/** The morning edition (5 stories) with reader tokens in the subject, greeting, stories and footer. */
const edition = renderer.render(readerEdition());

const unsubscribeBase = 'https://news.example.com/unsubscribe';
/** 40 bytes: `unsubscribeUrl` refuses a secret under 32. */
const unsubscribeSecret = 'wire-test-secret/0123456789abcdefghijklmn';

/** Enough readers that every ESP needs several calls, and none a round number of them. */
const readerCount = 2345;

/** The options every ESP shares: list headers, a reply-to, a tag and signed one-click links. */
const shared = {
  from: 'Morning Brief <brief@news.example.com>',
  replyTo: 'Morning Brief Desk <desk@news.example.com>',
  listId: 'Morning Brief <morning.news.example.com>',
  archiveUrl: 'https://news.example.com/am/2026-03-14/',
  feedbackId: 'am-2026-03-14:morning:newsletter:newsbrief',
  unsubscribe: { base: unsubscribeBase, secret: unsubscribeSecret },
  tags: ['morning-brief'],
};

/** The per-message headers those options give, as a reader's client sees them. */
const listHeaders = {
  'List-Id': 'Morning Brief <morning.news.example.com>',
  'List-Archive': '<https://news.example.com/am/2026-03-14/>',
  'Feedback-ID': 'am-2026-03-14:morning:newsletter:newsbrief',
};

/** Every header name a message must carry, sorted (and no other). */
const headerNames = [...Object.keys(listHeaders), 'List-Unsubscribe', 'List-Unsubscribe-Post'].sort();

/**
 * Reader `i`: names plain, missing, or non-ASCII (SES must encode those); some without an id (the
 * address is signed instead); first names unique per reader so a value at the wrong reader shows,
 * some empty (the fallback) or with `'` (escaped in html only); a city for every third.
 */
function reader(i: number): EspRecipient {
  const n = String(i + 1).padStart(4, '0');
  const email = `reader${n}@example.org`;
  const data: ReaderFields = {
    first_name: i % 7 === 6 ? '' : i % 11 === 0 ? `O'Neil${n}` : `Ann${n}`,
    city: i % 3 === 0 ? 'Tucson' : null,
    email,
  };
  const recipient: EspRecipient = { email, data };
  if (i % 4 !== 3) recipient.name = i % 10 === 0 ? `Zoë Reader ${n}` : `Reader ${n}`;
  if (i % 5 !== 4) recipient.id = `sub_${n}`;
  return recipient;
}

const readers = Array.from({ length: readerCount }, (_, i) => reader(i));

/** A mailbox as compared on the wire: the address, and the display name a client shows. */
interface Mailbox {
  email: string;
  name: string | undefined;
}

/** What each reader must receive: their mailbox, their signed URL and their filled copy. */
interface Expected {
  to: Mailbox;
  id: string;
  url: string;
  personal: RenderResult;
}

const expected: Expected[] = await Promise.all(
  readers.map(async (recipient): Promise<Expected> => {
    const id = recipient.id ?? recipient.email;
    const url = await unsubscribeUrl(unsubscribeBase, id, unsubscribeSecret);
    return {
      to: { email: recipient.email, name: recipient.name },
      id,
      url,
      personal: personalize(edition, { ...recipient.data, unsubscribeUrl: url }),
    };
  }),
);

const from: Mailbox = { email: 'brief@news.example.com', name: 'Morning Brief' };
const replyTo: Mailbox = { email: 'desk@news.example.com', name: 'Morning Brief Desk' };

// --- The capture server -------------------------------------------------------------------------

/** One request as it reached the server. */
interface Captured {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, decoded as UTF-8 (every ESP API here takes UTF-8). */
  text: string;
  body: Uint8Array<ArrayBuffer>;
}

/** What the server answers. */
interface Reply {
  status: number;
  json?: unknown;
}

interface CaptureServer {
  origin: string;
  host: string;
  requests: Captured[];
  close(): Promise<void>;
}

/** An HTTP server on a free loopback port that records each request and answers with `reply`. */
async function captureServer(reply: (request: Captured) => Reply): Promise<CaptureServer> {
  const requests: Captured[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const captured: Captured = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        text: raw.toString('utf8'),
        body: new Uint8Array(raw),
      };
      requests.push(captured);
      let answer: Reply;
      try {
        answer = reply(captured);
      } catch (error) {
        // A body the ESP could not read: the SDK call then fails, which the test reports.
        answer = { status: 400, json: { message: String(error) } };
      }
      if (answer.json === undefined) {
        response.writeHead(answer.status).end();
      } else {
        response
          .writeHead(answer.status, { 'content-type': 'application/json' })
          .end(JSON.stringify(answer.json));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // The SDKs keep connections alive; without this `close` waits for their timeouts.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- Reading the wire back ----------------------------------------------------------------------

/** One reader's message as the ESP would build it from a call: merged, headers resolved. */
interface WireMessage {
  from: Mailbox;
  replyTo: Mailbox | undefined;
  to: Mailbox;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
}

/** RFC 2047 `=?UTF-8?B?…?=` words (SES takes header values as ASCII), decoded. */
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=(?:\s+(?==\?UTF-8\?B\?))?/gi, (_, base64: string) =>
    Buffer.from(base64, 'base64').toString('utf8'),
  );
}

/** `Name <addr>`, `"Na,me" <addr>`, an encoded-word name, or a bare address. */
function parseMailbox(value: string): Mailbox {
  const angle = /^(.*?)\s*<([^<>]+)>$/s.exec(value);
  if (angle === null) return { email: value, name: undefined };
  const written = (angle[1] as string).trim();
  const unquoted = /^".*"$/s.test(written) ? written.slice(1, -1).replace(/\\(.)/gs, '$1') : written;
  return { email: angle[2] as string, name: unquoted === '' ? undefined : decodeWords(unquoted) };
}

function jsonBody<T>(request: Captured): T {
  expect(request.headers['content-type']).toMatch(/^application\/json\b/);
  return JSON.parse(request.text) as T;
}

/** Replaces each merge variable `pattern` finds (group 1 the name) with its value; unknown ones stay. */
function merge(copy: string, pattern: RegExp, values: Readonly<Record<string, string>>): string {
  return copy.replace(pattern, (found, name: string) => values[name] ?? found);
}

/** Mailgun: `to` fields, `h:` header fields and `%recipient.NAME%` from `recipient-variables`. */
async function readMailgun(request: Captured): Promise<WireMessage[]> {
  const type = String(request.headers['content-type']);
  expect(type).toMatch(/^multipart\/form-data; boundary=/);
  const form = await new Response(request.body, { headers: { 'content-type': type } }).formData();
  const field = (name: string): string => {
    const values = form.getAll(name);
    expect(values, `form field ${name}`).toHaveLength(1);
    const [value] = values;
    if (typeof value !== 'string') throw new Error(`form field ${name}: expected text`);
    return value;
  };
  const variables = JSON.parse(field('recipient-variables')) as Record<string, Record<string, string>>;
  const headerFields = [...new Set(form.keys())].filter((key) => key.startsWith('h:'));
  const recipientVariable = /%recipient\.([^%\s]+)%/g;
  return form.getAll('to').map((to): WireMessage => {
    const mailbox = parseMailbox(String(to));
    const values = variables[mailbox.email] ?? {};
    const headers: Record<string, string> = {};
    for (const key of headerFields) headers[key.slice(2)] = merge(field(key), recipientVariable, values);
    const replyToHeader = headers['Reply-To'];
    delete headers['Reply-To'];
    return {
      from: parseMailbox(field('from')),
      replyTo: replyToHeader === undefined ? undefined : parseMailbox(replyToHeader),
      to: mailbox,
      headers,
      subject: merge(field('subject'), recipientVariable, values),
      text: merge(field('text'), recipientVariable, values),
      html: merge(field('html'), recipientVariable, values),
    };
  });
}

/** SendGrid v3 `mail/send` JSON, as the API documents it. */
interface SendGridWire {
  from: { email: string; name?: string };
  reply_to?: { email: string; name?: string };
  subject: string;
  content: { type: string; value: string }[];
  headers?: Record<string, string>;
  categories?: string[];
  personalizations: {
    to: { email: string; name?: string }[];
    substitutions?: Record<string, string>;
    headers?: Record<string, string>;
  }[];
}

function sendGridMailbox(address: { email: string; name?: string }): Mailbox {
  return { email: address.email, name: address.name };
}

/** SendGrid: each personalization, its substitutions replaced in subject and content. */
function readSendGrid(request: Captured): WireMessage[] {
  const body = jsonBody<SendGridWire>(request);
  const text = body.content.find((part) => part.type === 'text/plain')?.value ?? '';
  const html = body.content.find((part) => part.type === 'text/html')?.value ?? '';
  return body.personalizations.map((personalization): WireMessage => {
    const substitute = (copy: string) =>
      Object.entries(personalization.substitutions ?? {}).reduce(
        (out, [key, value]) => out.replaceAll(key, value),
        copy,
      );
    expect(personalization.to).toHaveLength(1);
    return {
      from: sendGridMailbox(body.from),
      replyTo: body.reply_to && sendGridMailbox(body.reply_to),
      to: sendGridMailbox(personalization.to[0] as { email: string; name?: string }),
      headers: { ...body.headers, ...personalization.headers },
      subject: substitute(body.subject),
      text: substitute(text),
      html: substitute(html),
    };
  });
}

/** SES v2 `SendBulkEmail` JSON, as the API documents it. */
interface SesWire {
  FromEmailAddress: string;
  ReplyToAddresses?: string[];
  DefaultEmailTags?: { Name: string; Value: string }[];
  DefaultContent: {
    Template: {
      TemplateContent?: { Subject: string; Html: string; Text: string };
      TemplateData: string;
      Headers?: { Name: string; Value: string }[];
    };
  };
  BulkEmailEntries: {
    Destination: { ToAddresses: string[] };
    ReplacementEmailContent?: { ReplacementTemplate: { ReplacementTemplateData: string } };
    ReplacementHeaders?: { Name: string; Value: string }[];
  }[];
}

function headerRecord(
  headers: readonly { Name: string; Value: string }[] | undefined,
): Record<string, string> {
  return Object.fromEntries((headers ?? []).map((header) => [header.Name, header.Value]));
}

/** SES: the inline template filled with each entry's data; entry headers over the template's. */
function readSes(request: Captured): WireMessage[] {
  const body = jsonBody<SesWire>(request);
  const template = body.DefaultContent.Template;
  const content = template.TemplateContent ?? { Subject: '', Html: '', Text: '' };
  const variable = /\{\{([A-Za-z0-9_]+)\}\}/g;
  return body.BulkEmailEntries.map((entry): WireMessage => {
    const data = {
      ...(JSON.parse(template.TemplateData) as Record<string, string>),
      ...(JSON.parse(
        entry.ReplacementEmailContent?.ReplacementTemplate.ReplacementTemplateData ?? '{}',
      ) as Record<string, string>),
    };
    expect(entry.Destination.ToAddresses).toHaveLength(1);
    const replyToAddress = body.ReplyToAddresses?.[0];
    return {
      from: parseMailbox(body.FromEmailAddress),
      replyTo: replyToAddress === undefined ? undefined : parseMailbox(replyToAddress),
      to: parseMailbox(entry.Destination.ToAddresses[0] as string),
      headers: { ...headerRecord(template.Headers), ...headerRecord(entry.ReplacementHeaders) },
      subject: merge(content.Subject, variable, data),
      text: merge(content.Text, variable, data),
      html: merge(content.Html, variable, data),
    };
  });
}

/** Postmark `email/batch` JSON, as the API documents it. */
type PostmarkWire = {
  From: string;
  To: string;
  ReplyTo?: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
  Tag?: string;
  Headers?: { Name: string; Value: string }[];
  MessageStream?: string;
}[];

function readPostmark(request: Captured): WireMessage[] {
  return jsonBody<PostmarkWire>(request).map((message) => ({
    from: parseMailbox(message.From),
    replyTo: message.ReplyTo === undefined ? undefined : parseMailbox(message.ReplyTo),
    to: parseMailbox(message.To),
    headers: headerRecord(message.Headers),
    subject: message.Subject,
    text: message.TextBody,
    html: message.HtmlBody,
  }));
}

/** Resend `emails/batch` JSON, as the API documents it (snake_case `reply_to`). */
type ResendWire = {
  from: string;
  to: string[];
  reply_to?: string | string[];
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
}[];

function readResend(request: Captured): WireMessage[] {
  return jsonBody<ResendWire>(request).map((message) => {
    expect(message.to).toHaveLength(1);
    const replyToAddress = Array.isArray(message.reply_to) ? message.reply_to[0] : message.reply_to;
    return {
      from: parseMailbox(message.from),
      replyTo: replyToAddress === undefined ? undefined : parseMailbox(replyToAddress),
      to: parseMailbox(message.to[0] as string),
      headers: { ...message.headers },
      subject: message.subject,
      text: message.text,
      html: message.html,
    };
  });
}

// --- One send, over the wire --------------------------------------------------------------------

interface Wire<B extends EspBatch> {
  batches: B[];
  requests: Captured[];
  /** What each SDK call resolved to. */
  results: unknown[];
  /** Every reader's message, in the order of the calls. */
  messages: WireMessage[];
}

/**
 * Sends every batch of `batches` with the sender `connect` makes for the capture server, one call
 * at a time as a sender would, then reads the captured requests back with `read`.
 */
async function overTheWire<B extends EspBatch>(options: {
  reply: (request: Captured) => Reply;
  connect: (server: CaptureServer) => (batch: B) => Promise<unknown>;
  batches: () => AsyncIterable<B>;
  read: (request: Captured) => WireMessage[] | Promise<WireMessage[]>;
}): Promise<Wire<B>> {
  const server = await captureServer(options.reply);
  const batches: B[] = [];
  const results: unknown[] = [];
  try {
    const send = options.connect(server);
    for await (const batch of options.batches()) {
      batches.push(batch);
      results.push(await send(batch));
    }
  } finally {
    await server.close();
  }
  const messages: WireMessage[] = [];
  for (const request of server.requests) messages.push(...(await options.read(request)));
  return { batches, requests: server.requests, results, messages };
}

/** Where `actual` first differs from `wanted`, with a little context, for a short failure message. */
function differences(label: string, actual: string, wanted: string): string | undefined {
  if (actual === wanted) return undefined;
  let at = 0;
  while (actual[at] === wanted[at]) at += 1;
  return `${label} differs at ${at}: found ${JSON.stringify(actual.slice(Math.max(0, at - 30), at + 50))}, expected ${JSON.stringify(wanted.slice(Math.max(0, at - 30), at + 50))}`;
}

/** The call sizes a list of `total` readers makes at `size` per call. */
function callSizes(total: number, size: number): number[] {
  return Array.from({ length: Math.ceil(total / size) }, (_, i) => Math.min(size, total - i * size));
}

/**
 * What every ESP must put on the wire, whatever its format: registered as `it`s of the calling
 * `describe`, reading the wire through `wire()` once its `beforeAll` has sent.
 */
function readersReceive(wire: () => Wire<EspBatch>): void {
  it('carries every reader exactly once, in input order, with their display name', () => {
    const { messages } = wire();
    expect(messages).toHaveLength(readerCount);
    expect(messages.map((message) => message.to)).toEqual(expected.map((reader) => reader.to));
  });

  it('sends from the sender with the reply-to address given', () => {
    for (const message of wire().messages) {
      expect(message.from).toEqual(from);
      expect(message.replyTo).toEqual(replyTo);
    }
  });

  it('gives each reader their own signed one-click List-Unsubscribe, with List-Unsubscribe-Post', async () => {
    const { messages } = wire();
    expect(messages.map((message) => message.headers['List-Unsubscribe'])).toEqual(
      expected.map((reader) => `<${reader.url}>`),
    );
    for (const message of messages) {
      expect(message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    }
    // The URL as it came off the wire is one the unsubscribe endpoint accepts, for that reader.
    for (const index of [0, 4, readerCount - 1]) {
      const target = /^<(.*)>$/.exec(messages[index]?.headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
      const verdict = await verifyUnsubscribe(
        new Request(target, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        }),
        unsubscribeSecret,
      );
      expect(verdict).toEqual({ ok: true, recipientId: expected[index]?.id });
    }
  });

  it('carries List-Id, List-Archive and Feedback-ID on every message, and no other headers', () => {
    for (const message of wire().messages) {
      expect(Object.keys(message.headers).sort()).toEqual(headerNames);
      expect(message).toMatchObject({ headers: listHeaders });
    }
  });

  it("merges to each reader's own copy: subject, text and html equal to personalize for that reader", () => {
    const { messages } = wire();
    const problems: string[] = [];
    messages.forEach((message, index) => {
      const personal = expected[index]?.personal;
      if (personal === undefined || problems.length >= 5) return;
      for (const part of ['subject', 'text', 'html'] as const) {
        const problem = differences(`reader ${index} ${part}`, message[part], personal[part]);
        if (problem !== undefined) problems.push(problem);
      }
    });
    expect(problems).toEqual([]);
    // The fallbacks and the values reached the readers they belong to.
    expect(messages[0]?.subject).toBe("O'Neil0001: cities race to cool the grid");
    expect(messages[1]?.subject).toBe('Ann0002: cities race to cool the grid');
    expect(messages[6]?.subject).toBe('Your brief: cities race to cool the grid');
    expect(messages[0]?.html).toContain('O&#39;Neil0001');
    expect(messages[0]?.text).toContain('In Tucson:');
    expect(messages[1]?.text).toContain('In your area:');
    expect(messages[1]?.html).toContain(`href="${expected[1]?.url}"`);
  });

  it('leaves no reader token in any request body', () => {
    for (const request of wire().requests) expect(request.text).not.toContain('{{reader.');
  });
}

// --- Mailgun ------------------------------------------------------------------------------------

describe('Mailgun, through mailgun.js messages.create', () => {
  let wire: Wire<Extract<EspBatch, { esp: 'mailgun' }>>;
  const key = 'key-wire-test';

  beforeAll(async () => {
    wire = await overTheWire({
      reply: () => ({
        status: 200,
        json: { id: '<20260314.1@mg.example.com>', message: 'Queued. Thank you.' },
      }),
      connect: (server) => {
        const mg = new Mailgun(FormData).client({ username: 'api', key, url: server.origin });
        return (batch) => mg.messages.create('mg.example.com', batch.body);
      },
      batches: () => espBatches(edition, readers, { esp: 'mailgun', domain: 'mg.example.com', ...shared }),
      read: readMailgun,
    });
  });

  it('makes 3 calls of 1,000, 1,000 and 345 to POST /v3/mg.example.com/messages, with Basic auth', () => {
    expect(wire.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
      Array(3).fill('POST /v3/mg.example.com/messages'),
    );
    expect(wire.batches.map((batch) => batch.recipients)).toEqual(callSizes(readerCount, 1000));
    expect(wire.batches.map((batch) => batch.offset)).toEqual([0, 1000, 2000]);
    for (const request of wire.requests) {
      expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`api:${key}`).toString('base64')}`);
    }
    expect(wire.results).toEqual(
      Array(3).fill({ status: 200, id: '<20260314.1@mg.example.com>', message: 'Queued. Thank you.' }),
    );
  });

  it('names every reader of a call in recipient-variables, with their List-Unsubscribe as a variable', async () => {
    for (const [index, request] of wire.requests.entries()) {
      const form = await new Response(request.body, {
        headers: { 'content-type': String(request.headers['content-type']) },
      }).formData();
      const variables = JSON.parse(String(form.get('recipient-variables'))) as Record<
        string,
        Record<string, string>
      >;
      const readersOfCall = expected.slice(index * 1000, (index + 1) * 1000);
      expect(Object.keys(variables)).toEqual(readersOfCall.map((reader) => reader.to.email));
      const first = readersOfCall[0] as Expected;
      expect(variables[first.to.email]?.['h:List-Unsubscribe']).toBe(`<${first.url}>`);
      // One header for the whole call, filled per reader by Mailgun.
      expect(form.getAll('h:List-Unsubscribe')).toEqual(['%recipient.h:List-Unsubscribe%']);
      expect(form.getAll('h:List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
      expect(form.getAll('h:List-Id')).toEqual([listHeaders['List-Id']]);
      expect(form.getAll('o:tag')).toEqual(['morning-brief']);
      expect(String(form.get('subject'))).toMatch(/^%recipient\.first_name_subject%: cities race/);
    }
  });

  readersReceive(() => wire);
});

// --- SendGrid -----------------------------------------------------------------------------------

describe('SendGrid, through @sendgrid/client request', () => {
  let wire: Wire<Extract<EspBatch, { esp: 'sendgrid' }>>;
  const key = 'SG.wire-test.key';

  beforeAll(async () => {
    wire = await overTheWire({
      // SendGrid accepts a send with 202 and no body.
      reply: () => ({ status: 202 }),
      connect: (server) => {
        const client = new SendGridClient();
        client.setApiKey(key);
        // After setApiKey, which resets the base URL to the API's.
        client.setDefaultRequest('baseUrl', server.origin);
        return async (batch) => {
          const [response] = await client.request({ method: 'POST', url: batch.path, body: batch.body });
          return response.statusCode;
        };
      },
      batches: () => espBatches(edition, readers, { esp: 'sendgrid', ...shared }),
      read: readSendGrid,
    });
  });

  it('makes 3 calls of 1,000, 1,000 and 345 to POST /v3/mail/send, with a Bearer key', () => {
    expect(wire.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
      Array(3).fill('POST /v3/mail/send'),
    );
    expect(wire.batches.map((batch) => batch.recipients)).toEqual(callSizes(readerCount, 1000));
    for (const request of wire.requests) expect(request.headers.authorization).toBe(`Bearer ${key}`);
    expect(wire.results).toEqual([202, 202, 202]);
  });

  it('sends text/plain before text/html, categories, and headers per personalization', () => {
    for (const request of wire.requests) {
      const body = JSON.parse(request.text) as SendGridWire;
      expect(body.content.map((part) => part.type)).toEqual(['text/plain', 'text/html']);
      expect(body.categories).toEqual(['morning-brief']);
      expect(body.headers).toEqual(listHeaders);
      const [first] = body.personalizations;
      expect(Object.keys(first?.headers ?? {}).sort()).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post']);
      // Every substitution key the copy uses is filled in every personalization.
      const keys = new Set(
        `${body.subject}${body.content.map((part) => part.value).join('')}`.match(/\{nb:[A-Za-z0-9_]+\}/g),
      );
      expect(keys.size).toBeGreaterThan(3);
      for (const personalization of body.personalizations) {
        expect(Object.keys(personalization.substitutions ?? {}).sort()).toEqual([...keys].sort());
      }
    }
  });

  readersReceive(() => wire);
});

// --- Amazon SES v2 ------------------------------------------------------------------------------

describe('Amazon SES v2, through @aws-sdk/client-sesv2 SendBulkEmailCommand', () => {
  let wire: Wire<Extract<EspBatch, { esp: 'ses' }>>;
  const accessKeyId = 'AKIDWIRETEST';

  beforeAll(async () => {
    let call = 0;
    wire = await overTheWire({
      reply: (request) => {
        const body = JSON.parse(request.text) as SesWire;
        call += 1;
        return {
          status: 200,
          json: {
            BulkEmailEntryResults: body.BulkEmailEntries.map((_, index) => ({
              Status: 'SUCCESS',
              MessageId: `ses-${call}-${index}`,
            })),
          },
        };
      },
      connect: (server) => {
        const ses = new SESv2Client({
          region: 'us-east-1',
          endpoint: server.origin,
          credentials: { accessKeyId, secretAccessKey: 'wire-test-secret-access-key' },
          maxAttempts: 1,
        });
        return (batch) => ses.send(new SendBulkEmailCommand(batch.body));
      },
      batches: () => espBatches(edition, readers, { esp: 'ses', ...shared }),
      read: readSes,
    });
  });

  it('makes 47 calls of at most 50 to POST /v2/email/outbound-bulk-emails, signed with SigV4', () => {
    expect(wire.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
      Array(47).fill('POST /v2/email/outbound-bulk-emails'),
    );
    expect(wire.batches.map((batch) => batch.recipients)).toEqual(callSizes(readerCount, 50));
    for (const request of wire.requests) {
      expect(request.headers.authorization).toMatch(
        new RegExp(
          `^AWS4-HMAC-SHA256 Credential=${accessKeyId}/\\d{8}/us-east-1/ses/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`,
        ),
      );
      expect(request.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    }
  });

  it("parses SES's answer: one SUCCESS result per entry", () => {
    const results = wire.results as SendBulkEmailCommandOutput[];
    expect(results.map((result) => result.BulkEmailEntryResults?.length)).toEqual(callSizes(readerCount, 50));
    expect(results[46]?.BulkEmailEntryResults?.[44]).toEqual({ Status: 'SUCCESS', MessageId: 'ses-47-44' });
  });

  it('sends the edition once per call as an inline template, headers and addresses in ASCII', () => {
    for (const request of wire.requests) {
      const body = JSON.parse(request.text) as SesWire;
      expect(body.DefaultContent.Template.TemplateContent?.Subject).toMatch(
        /^\{\{first_name_subject\}\}: cities race/,
      );
      expect(body.DefaultContent.Template.Headers).toEqual(
        Object.entries(listHeaders).map(([Name, Value]) => ({ Name, Value })),
      );
      expect(body.DefaultEmailTags).toEqual([{ Name: 'morning-brief', Value: 'true' }]);
      // SES has no SMTPUTF8: a non-ASCII display name travels as an RFC 2047 encoded-word.
      for (const entry of body.BulkEmailEntries) {
        expect(entry.Destination.ToAddresses[0]).toMatch(/^[\x20-\x7e]+$/);
        expect(entry.ReplacementHeaders?.map((header) => header.Name)).toEqual([
          'List-Unsubscribe',
          'List-Unsubscribe-Post',
        ]);
      }
    }
    const first = JSON.parse(wire.requests[0]?.text ?? '{}') as SesWire;
    expect(first.BulkEmailEntries[0]?.Destination.ToAddresses[0]).toBe(
      `=?UTF-8?B?${Buffer.from('Zoë Reader 0001').toString('base64')}?= <reader0001@example.org>`,
    );
  });

  readersReceive(() => wire);
});

// --- Postmark -----------------------------------------------------------------------------------

describe('Postmark, through postmark ServerClient.sendEmailBatch', () => {
  let wire: Wire<Extract<EspBatch, { esp: 'postmark' }>>;
  const token = 'wire-test-server-token';

  beforeAll(async () => {
    let sent = 0;
    wire = await overTheWire({
      reply: (request) => ({
        status: 200,
        json: (JSON.parse(request.text) as PostmarkWire).map((message) => {
          sent += 1;
          return {
            ErrorCode: 0,
            Message: 'OK',
            MessageID: `pm-${sent}`,
            To: message.To,
            SubmittedAt: '2026-03-14T06:00:00.0000000-05:00',
          };
        }),
      }),
      connect: (server) => {
        const client = new ServerClient(token, { requestHost: server.host, useHttps: false });
        return (batch) => client.sendEmailBatch(batch.body);
      },
      batches: () => espBatches(edition, readers, { esp: 'postmark', ...shared }),
      read: readPostmark,
    });
  });

  it('makes 5 calls of at most 500 to POST /email/batch, with the server token', () => {
    expect(wire.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
      Array(5).fill('POST /email/batch'),
    );
    expect(wire.batches.map((batch) => batch.recipients)).toEqual(callSizes(readerCount, 500));
    for (const request of wire.requests) expect(request.headers['x-postmark-server-token']).toBe(token);
    const results = wire.results as { ErrorCode: number; MessageID: string }[][];
    expect(results.map((result) => result.length)).toEqual(callSizes(readerCount, 500));
    expect(results[4]?.[344]).toMatchObject({ ErrorCode: 0, MessageID: `pm-${readerCount}` });
  });

  it('sends every message through the broadcast stream with its tag', () => {
    for (const request of wire.requests) {
      for (const message of JSON.parse(request.text) as PostmarkWire) {
        expect(message).toMatchObject({ MessageStream: 'broadcast', Tag: 'morning-brief' });
      }
    }
  });

  readersReceive(() => wire);
});

// --- Resend -------------------------------------------------------------------------------------

describe('Resend, through resend batch.send', () => {
  let wire: Wire<Extract<EspBatch, { esp: 'resend' }>>;
  const key = 're_wire_test';

  beforeAll(async () => {
    let sent = 0;
    wire = await overTheWire({
      reply: (request) => ({
        status: 200,
        json: {
          data: (JSON.parse(request.text) as ResendWire).map(() => {
            sent += 1;
            return { id: `re-${sent}` };
          }),
        },
      }),
      connect: (server) => {
        const resend = new Resend(key, { baseUrl: server.origin });
        return (batch) => resend.batch.send(batch.body);
      },
      batches: () => espBatches(edition, readers, { esp: 'resend', ...shared }),
      read: readResend,
    });
  });

  it('makes 24 calls of at most 100 to POST /emails/batch, with a Bearer key and strict validation', () => {
    expect(wire.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
      Array(24).fill('POST /emails/batch'),
    );
    expect(wire.batches.map((batch) => batch.recipients)).toEqual(callSizes(readerCount, 100));
    for (const request of wire.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${key}`);
      expect(request.headers['x-batch-validation']).toBe('strict');
    }
    // The SDK reports errors in its result instead of throwing: each call must have none.
    const results = wire.results as { data: { data: { id: string }[] } | null; error: unknown }[];
    expect(results.map((result) => result.error)).toEqual(Array(24).fill(null));
    expect(results.map((result) => result.data?.data.length)).toEqual(callSizes(readerCount, 100));
  });

  it('sends name/value tags', () => {
    for (const request of wire.requests) {
      for (const message of JSON.parse(request.text) as ResendWire) {
        expect(message.tags).toEqual([{ name: 'morning-brief', value: 'true' }]);
      }
    }
  });

  readersReceive(() => wire);
});
