/**
 * A stand-in ESP on 127.0.0.1 for the queue recipe and its test: it accepts batch requests the
 * way the real batch endpoints do, dedupes on the `Idempotency-Key` header (as Resend's batch API
 * does), and records every recipient it accepted, so a run can prove each reader got exactly one
 * message. Nothing is sent anywhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EspName } from './settings.js';

/** One accepted batch request. */
export interface CapturedBatch {
  idempotencyKey: string;
  /** Who sent it: the worker's `User-Agent`, which names its process id. */
  userAgent: string;
  recipients: string[];
}

/** What the server saw; read it after a run. */
export interface CaptureLog {
  /** Every accepted batch, in arrival order. */
  batches: CapturedBatch[];
  /** Recipient address → how many accepted batches delivered to it (1 when all is well). */
  deliveries: Map<string, number>;
  /** Requests repeating an idempotency key already accepted: answered as before, not delivered again. */
  duplicatesIgnored: number;
  /** Requests refused with 429 by `throttleEvery`, which the worker must retry. */
  throttled: number;
  /** Requests refused as malformed (400): a bug in the sender, none expected. */
  rejected: string[];
  /** The first accepted body, parsed (JSON ESPs), to check what a reader would get. */
  sample?: unknown;
}

/** Options of {@link startCaptureServer}. */
export interface CaptureOptions {
  /** Which ESP's batch body to read. */
  esp: EspName;
  /**
   * Refuse the first attempt of every Nth new idempotency key with `429 Too Many Requests` and
   * `Retry-After: 1`, like an ESP over its rate; 0 never does.
   * @default 0
   */
  throttleEvery?: number;
  /**
   * Called after a batch is accepted and before the answer goes out: the test kills a worker here,
   * so the ESP has the batch but the worker never learns it did.
   */
  onAccepted?: (batch: CapturedBatch) => void | Promise<void>;
}

/** A running capture server. */
export interface CaptureServer {
  /** Base URL, `http://127.0.0.1:<port>`; batch requests go to any path under it. */
  url: string;
  log: CaptureLog;
  close(): Promise<void>;
}

/** Starts the capture server on a free loopback port. */
export async function startCaptureServer(options: CaptureOptions): Promise<CaptureServer> {
  const log: CaptureLog = {
    batches: [],
    deliveries: new Map(),
    duplicatesIgnored: 0,
    throttled: 0,
    rejected: [],
  };
  const accepted = new Map<string, string>();
  const seenKeys = new Set<string>();
  const throttleEvery = options.throttleEvery ?? 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const key = request.headers['idempotency-key'];
    const body = await readBody(request);
    if (request.method !== 'POST' || typeof key !== 'string' || key === '') {
      return refuse(response, log, 400, `POST with an Idempotency-Key expected, got ${request.method}`);
    }
    const earlier = accepted.get(key);
    if (earlier !== undefined) {
      log.duplicatesIgnored++;
      return answer(response, 200, earlier);
    }
    if (throttleEvery > 0 && !seenKeys.has(key)) {
      seenKeys.add(key);
      if (seenKeys.size % throttleEvery === 0) {
        log.throttled++;
        response.setHeader('Retry-After', '1');
        return answer(response, 429, JSON.stringify({ message: 'Too many requests' }));
      }
    }
    let recipients: string[];
    try {
      recipients = recipientsOf(options.esp, body, String(request.headers['content-type'] ?? ''));
    } catch (error) {
      return refuse(response, log, 400, `${key}: ${(error as Error).message}`);
    }
    const batch: CapturedBatch = {
      idempotencyKey: key,
      userAgent: String(request.headers['user-agent']),
      recipients,
    };
    const reply = JSON.stringify({ data: recipients.map((_, index) => ({ id: `${key}:${index}` })) });
    accepted.set(key, reply);
    if (log.sample === undefined && options.esp !== 'mailgun') log.sample = JSON.parse(body.toString());
    log.batches.push(batch);
    for (const address of recipients) log.deliveries.set(address, (log.deliveries.get(address) ?? 0) + 1);
    await options.onAccepted?.(batch);
    answer(response, 200, reply);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => refuse(response, log, 500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The recipients of one batch body, read the way each ESP's batch API defines it. */
export function recipientsOf(esp: EspName, body: Buffer, contentType: string): string[] {
  if (esp === 'mailgun') {
    const form = new URLSearchParams(contentType.includes('urlencoded') ? body.toString() : '');
    if (!contentType.includes('urlencoded')) throw new Error(`form body expected, got ${contentType}`);
    return addresses(form.getAll('to'));
  }
  const data: unknown = JSON.parse(body.toString());
  switch (esp) {
    case 'resend':
      return list(data, 'a JSON array of emails').flatMap((email) => addresses(field(email, 'to')));
    case 'postmark':
      return list(data, 'a JSON array of messages').flatMap((message) =>
        addresses(String(field(message, 'To')).split(',')),
      );
    case 'sendgrid':
      return list(field(data, 'personalizations'), 'personalizations').flatMap((entry) =>
        list(field(entry, 'to'), 'to').map((to) => String(field(to, 'email'))),
      );
    case 'ses':
      return list(field(data, 'BulkEmailEntries'), 'BulkEmailEntries').flatMap((entry) =>
        addresses(field(field(entry, 'Destination'), 'ToAddresses')),
      );
  }
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} expected, got ${typeof value}`);
  return value;
}

function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || !(name in value)) throw new Error(`no ${name}`);
  return (value as Record<string, unknown>)[name];
}

/** Bare addresses from `to` fields, which may be `Name <address>` mailboxes. */
function addresses(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map((item) => {
    const text = String(item);
    return /<([^<>]+)>\s*$/.exec(text)?.[1] ?? text.trim();
  });
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, body: string): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body);
}

function refuse(response: ServerResponse, log: CaptureLog, status: number, message: string): void {
  log.rejected.push(message);
  answer(response, status, JSON.stringify({ message }));
}
