/**
 * One-click unsubscribe (RFC 8058) without a database lookup: each recipient's `List-Unsubscribe`
 * URL carries their id and an HMAC-SHA-256 signature of it, so the endpoint knows who asked and
 * that the link was ours. Web Crypto only (`globalThis.crypto.subtle`): the same code runs in
 * Node 20, edge workers, Deno, Bun and browsers.
 */
import { NewsbriefError } from '../errors.js';

/** The query parameter that carries the signed token. */
export const unsubscribeTokenParam = 'token';

/** What `verifyUnsubscribe` found: the recipient to unsubscribe, or why the request is refused. */
export type UnsubscribeVerdict =
  | { ok: true; recipientId: string }
  | {
      ok: false;
      /**
       * `method`: not a `POST`; `body`: the body is not `List-Unsubscribe=One-Click`; `token`: the
       * URL has no token, or one that is malformed or not signed with this secret.
       */
      reason: 'method' | 'body' | 'token';
      /** A sentence for logs, saying what was expected and what was found. */
      message: string;
    };

/** Longest recipient id, in UTF-16 units: ids are database keys or addresses, not documents. */
const maxRecipientIdLength = 256;
/** Shortest secret in bytes: HMAC-SHA-256 keys shorter than the hash weaken it (RFC 2104). */
const minSecretBytes = 32;
/** Largest request body read: the one-click body is 26 bytes; a form with padding fits easily. */
const maxBodyBytes = 4096;
/** Domain separation: a signature made here is never valid for another use of the same secret. */
const purpose = 'newsbrief:list-unsubscribe:v1:';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto;
  if (crypto?.subtle === undefined) {
    throw new NewsbriefError(
      'unsubscribe: Web Crypto (globalThis.crypto.subtle) is not available; it needs Node 20+, a worker runtime or a secure browser context.',
    );
  }
  return crypto.subtle;
}

/** Imported keys by secret: importing costs more than signing, and a sender uses one secret. */
const keys = new Map<string, Promise<CryptoKey>>();

/** The secret's bytes, or a `NewsbriefError` naming `field` when it is too short or not a secret. */
export function checkSecret(secret: unknown, field: string): Uint8Array {
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.length < minSecretBytes) {
    const found = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof secret;
    throw new NewsbriefError(
      `${field}: expected a secret of at least ${minSecretBytes} bytes (a string or Uint8Array), found ${found}.`,
    );
  }
  return bytes;
}

/** The unsubscribe endpoint as a URL, or a `NewsbriefError` naming `field` when it is not https. */
export function checkUnsubscribeBase(base: unknown, field: string): URL {
  const url = typeof base === 'string' && URL.canParse(base) ? new URL(base) : undefined;
  if (url?.protocol !== 'https:' || /[\s\p{Cc}]/u.test(base as string)) {
    const found = typeof base === 'string' ? JSON.stringify(base.slice(0, 80)) : typeof base;
    throw new NewsbriefError(
      `${field}: expected an https URL (RFC 8058 one-click needs https), found ${found}.`,
    );
  }
  return url;
}

function hmacKey(secret: string | Uint8Array, field: string): Promise<CryptoKey> {
  const bytes = checkSecret(secret, field);
  const id = typeof secret === 'string' ? secret : undefined;
  const cached = id === undefined ? undefined : keys.get(id);
  if (cached) return cached;
  const key = subtle().importKey('raw', new Uint8Array(bytes), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  if (id !== undefined) {
    if (keys.size >= 16) keys.clear();
    keys.set(id, key);
  }
  return key;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(value: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return undefined;
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Why a recipient id cannot be signed, or `undefined`. */
function recipientIdProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected a string, found ${value === null ? 'null' : typeof value}`;
  if (value.length === 0) return 'expected a non-empty string, found ""';
  if (value.length > maxRecipientIdLength)
    return `expected at most ${maxRecipientIdLength} characters, found ${value.length}`;
  if (/\p{Cc}/u.test(value)) return 'expected no control characters, found one';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value))
    return 'expected well-formed text, found a lone surrogate';
  return undefined;
}

/**
 * The one-click unsubscribe URL of one recipient: `base` with a `token` query parameter holding
 * the recipient id and its HMAC-SHA-256 signature (base64url, `id.signature`). Put it in the
 * `List-Unsubscribe` header (`toMailMessage`'s `listUnsubscribe.url`, or a reader's
 * `unsubscribeUrl` field for `personalize`); `verifyUnsubscribe` checks it.
 *
 * `base` must be an https URL (its own query parameters are kept); `recipientId` a non-empty
 * string of at most 256 characters without control characters (a subscriber id rather than an
 * address keeps addresses out of URLs and logs); `secret` at least 32 bytes, kept server-side.
 * Bad input rejects with a `NewsbriefError` naming the argument.
 *
 * @example
 * const url = await unsubscribeUrl('https://news.example.com/unsubscribe', 'sub_8842', unsubscribeSecret);
 * // https://news.example.com/unsubscribe?token=c3ViXzg4NDI.N2Vm…
 */
export async function unsubscribeUrl(
  base: string,
  recipientId: string,
  secret: string | Uint8Array,
): Promise<string> {
  const url = checkUnsubscribeBase(base, 'unsubscribeUrl base');
  const problem = recipientIdProblem(recipientId);
  if (problem) throw new NewsbriefError(`unsubscribeUrl recipientId: ${problem}.`);
  const key = await hmacKey(secret, 'unsubscribeUrl secret');
  const signature = await subtle().sign('HMAC', key, encoder.encode(purpose + recipientId));
  url.searchParams.set(
    unsubscribeTokenParam,
    `${base64url(encoder.encode(recipientId))}.${base64url(new Uint8Array(signature))}`,
  );
  return url.href;
}

/** The request body, or `undefined` when it is larger than `maxBodyBytes`. */
async function readBody(request: Request): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBodyBytes || request.body === null)
    return declared > maxBodyBytes ? undefined : new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBodyBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
}

/**
 * The `List-Unsubscribe` field of a form body: `application/x-www-form-urlencoded` (what Gmail
 * and Yahoo send) or `multipart/form-data` (which RFC 8058 also allows).
 */
async function oneClickField(request: Request): Promise<string | undefined> {
  const body = await readBody(request);
  if (body === undefined) return undefined;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(body as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': type },
      }).formData();
      const value = form.get('List-Unsubscribe');
      return typeof value === 'string' ? value : undefined;
    }
    return new URLSearchParams(decoder.decode(body)).get('List-Unsubscribe') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a one-click unsubscribe request (RFC 8058) against `secret`: method `POST`, a form body
 * `List-Unsubscribe=One-Click`, and a `token` in the URL signed by `unsubscribeUrl` with the same
 * secret. The signature check is Web Crypto's `verify`, which compares in constant time. Never
 * throws for a bad request (only for a bad secret): answer `ok: false` with 400 and log `message`.
 *
 * Mail providers POST from their servers without cookies: do not require a session or a CSRF
 * token on this endpoint, and unsubscribe on the POST alone (a GET to the same URL may show a
 * confirmation page, but link scanners fetch every URL in a message).
 *
 * @example
 * // A worker (Cloudflare, Deno, Bun) or Node's fetch-style server:
 * export default {
 *   async fetch(request: Request, env: { UNSUB_SECRET: string }) {
 *     const verdict = await verifyUnsubscribe(request, env.UNSUB_SECRET);
 *     if (!verdict.ok) return new Response(verdict.message, { status: 400 });
 *     await unsubscribe(verdict.recipientId);
 *     return new Response('Unsubscribed', { status: 200 });
 *   },
 * };
 */
export async function verifyUnsubscribe(
  request: Request,
  secret: string | Uint8Array,
): Promise<UnsubscribeVerdict> {
  const key = await hmacKey(secret, 'verifyUnsubscribe secret');
  if (request.method !== 'POST') {
    return {
      ok: false,
      reason: 'method',
      message: `expected a POST (RFC 8058 one-click), found ${request.method}`,
    };
  }
  const field = await oneClickField(request);
  if (field !== 'One-Click') {
    return {
      ok: false,
      reason: 'body',
      message: `expected the form body List-Unsubscribe=One-Click, found ${field === undefined ? 'no List-Unsubscribe field' : `List-Unsubscribe=${JSON.stringify(field.slice(0, 40))}`}`,
    };
  }
  const token = URL.canParse(request.url)
    ? new URL(request.url).searchParams.get(unsubscribeTokenParam)
    : null;
  const refused = (message: string): UnsubscribeVerdict => ({ ok: false, reason: 'token', message });
  if (token === null) return refused(`expected a ${unsubscribeTokenParam} query parameter, found none`);
  const dot = token.indexOf('.');
  const id = dot > 0 ? fromBase64url(token.slice(0, dot)) : undefined;
  const signature = dot > 0 ? fromBase64url(token.slice(dot + 1)) : undefined;
  if (id === undefined || signature === undefined || signature.length !== 32) {
    return refused('expected a token "id.signature" in base64url, found a malformed one');
  }
  let recipientId: string;
  try {
    recipientId = decoder.decode(id);
  } catch {
    return refused('expected a token whose id is UTF-8 text, found other bytes');
  }
  if (recipientIdProblem(recipientId) !== undefined)
    return refused('expected a token with a valid recipient id');
  const valid = await subtle().verify(
    'HMAC',
    key,
    new Uint8Array(signature),
    encoder.encode(purpose + recipientId),
  );
  return valid
    ? { ok: true, recipientId }
    : refused('expected a token signed with this secret, found a signature that does not match');
}
