/**
 * One-click unsubscribe (RFC 8058): signed URLs, and the checks an endpoint makes, with real
 * `Request` objects and a real POST to a node:http server on 127.0.0.1.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { NewsbriefError, unsubscribeUrl, verifyUnsubscribe } from '../src/index.js';

const secret = 'k7Qx2m9VfL4pR8sT1wY6zB3nH5jD0cGe'; // 32 bytes
const base = 'https://news.example.com/unsubscribe?list=morning';

/** What Gmail and Yahoo send: a form-encoded POST to the URL of the List-Unsubscribe header. */
function oneClick(url: string, init: RequestInit = {}): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    ...init,
  });
}

describe('unsubscribeUrl', () => {
  it('signs the recipient into the base URL, keeping its parameters', async () => {
    const url = new URL(await unsubscribeUrl(base, 'sub_8842', secret));
    expect(url.origin + url.pathname).toBe('https://news.example.com/unsubscribe');
    expect(url.searchParams.get('list')).toBe('morning');
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    // Deterministic: the same recipient gets the same URL in every edition.
    expect(await unsubscribeUrl(base, 'sub_8842', secret)).toBe(url.href);
    expect(await unsubscribeUrl(base, 'sub_8843', secret)).not.toBe(url.href);
  });

  it.each([
    ['http://news.example.com/u', 'sub_1', secret, /^unsubscribeUrl base: expected an https URL/],
    ['/unsubscribe', 'sub_1', secret, /^unsubscribeUrl base: expected an https URL/],
    ['https://news.example.com/u\n', 'sub_1', secret, /^unsubscribeUrl base/],
    [base, '', secret, /^unsubscribeUrl recipientId: expected a non-empty string/],
    [base, 'a\r\nb', secret, /^unsubscribeUrl recipientId: expected no control characters/],
    [
      base,
      'x'.repeat(257),
      secret,
      /^unsubscribeUrl recipientId: expected at most 256 characters, found 257/,
    ],
    [base, 42, secret, /^unsubscribeUrl recipientId: expected a string, found number/],
    [base, 'sub_1', 'short', /^unsubscribeUrl secret: expected a secret of at least 32 bytes.*found 5 bytes/],
  ])('refuses %j / %j', async (url, id, key, message) => {
    const attempt = unsubscribeUrl(url, id as string, key);
    await expect(attempt).rejects.toThrow(NewsbriefError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe('verifyUnsubscribe', () => {
  it('accepts a one-click POST to a signed URL, form-encoded or multipart', async () => {
    const url = await unsubscribeUrl(base, 'reader@example.org', secret);
    expect(await verifyUnsubscribe(oneClick(url), secret)).toEqual({
      ok: true,
      recipientId: 'reader@example.org',
    });
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const multipart = new Request(url, { method: 'POST', body: form });
    expect(await verifyUnsubscribe(multipart, secret)).toEqual({
      ok: true,
      recipientId: 'reader@example.org',
    });
  });

  it('accepts ids in any script and a Uint8Array secret', async () => {
    const key = new TextEncoder().encode(secret);
    const url = await unsubscribeUrl(base, 'lectrice-Zoë-🌵', key);
    expect(await verifyUnsubscribe(oneClick(url), key)).toEqual({ ok: true, recipientId: 'lectrice-Zoë-🌵' });
  });

  it('refuses a GET and other methods', async () => {
    const url = await unsubscribeUrl(base, 'sub_1', secret);
    const verdict = await verifyUnsubscribe(new Request(url), secret);
    expect(verdict).toEqual({
      ok: false,
      reason: 'method',
      message: 'expected a POST (RFC 8058 one-click), found GET',
    });
    expect(await verifyUnsubscribe(oneClick(url, { method: 'PUT' }), secret)).toMatchObject({
      reason: 'method',
    });
  });

  it.each([
    ['', 'no List-Unsubscribe field'],
    ['List-Unsubscribe=one-click', 'List-Unsubscribe="one-click"'],
    ['List-Unsubscribe=Yes', 'List-Unsubscribe="Yes"'],
    [`List-Unsubscribe=One-Click&pad=${'x'.repeat(5000)}`, 'no List-Unsubscribe field'],
  ])('refuses the body %j', async (body, found) => {
    const url = await unsubscribeUrl(base, 'sub_1', secret);
    const verdict = await verifyUnsubscribe(oneClick(url, { body }), secret);
    expect(verdict).toEqual({
      ok: false,
      reason: 'body',
      message: `expected the form body List-Unsubscribe=One-Click, found ${found}`,
    });
  });

  it('refuses tampered, foreign, missing and malformed tokens', async () => {
    const url = new URL(await unsubscribeUrl(base, 'sub_1', secret));
    const token = url.searchParams.get('token') as string;
    const [id, signature] = token.split('.') as [string, string];
    const withToken = (value: string | undefined) => {
      const changed = new URL(url);
      if (value === undefined) changed.searchParams.delete('token');
      else changed.searchParams.set('token', value);
      return changed.href;
    };
    const otherId = Buffer.from('sub_2').toString('base64url');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const cases: [string | undefined, RegExp][] = [
      [`${otherId}.${signature}`, /does not match/],
      [`${id}.${flipped}`, /does not match/],
      [`${id}.${signature.slice(0, -2)}`, /malformed/],
      [`${id}${signature}`, /malformed/],
      [`${id}.${signature}=`, /malformed/],
      ['', /malformed/],
      [undefined, /found none/],
    ];
    for (const [value, message] of cases) {
      const verdict = await verifyUnsubscribe(oneClick(withToken(value)), secret);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(verdict.reason).toBe('token');
        expect(verdict.message).toMatch(message);
      }
    }
    const foreign = await unsubscribeUrl(base, 'sub_1', `${secret}-other`);
    expect(await verifyUnsubscribe(oneClick(foreign), secret)).toMatchObject({ ok: false, reason: 'token' });
  });

  it('refuses a bad secret with an error, not a verdict', async () => {
    await expect(verifyUnsubscribe(oneClick(base), 'short')).rejects.toThrow(
      /^verifyUnsubscribe secret: expected a secret of at least 32 bytes/,
    );
  });
});

describe('an RFC 8058 endpoint on node:http', () => {
  const unsubscribed: string[] = [];
  /** The endpoint a newsroom writes: Node request → web Request → verifyUnsubscribe. */
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(new URL(incoming.url ?? '/', 'https://news.example.com'), {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: incoming.method === 'GET' || incoming.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    const verdict = await verifyUnsubscribe(request, secret);
    if (verdict.ok) unsubscribed.push(verdict.recipientId);
    outgoing.writeHead(verdict.ok ? 200 : 400, { 'content-type': 'text/plain' });
    outgoing.end(verdict.ok ? 'Unsubscribed' : verdict.message);
  });
  const listening = once(server.listen(0, '127.0.0.1'), 'listening');
  afterAll(() => new Promise((done) => server.close(done)));

  it('unsubscribes on the POST a mailbox provider sends, and only then', async () => {
    await listening;
    const { port } = server.address() as AddressInfo;
    const signed = new URL(await unsubscribeUrl(base, 'sub_8842', secret));
    const local = `http://127.0.0.1:${port}${signed.pathname}${signed.search}`;

    const scanner = await fetch(local);
    expect(scanner.status).toBe(400);
    expect(unsubscribed).toEqual([]);

    const click = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect(await click.text()).toBe('Unsubscribed');
    expect(unsubscribed).toEqual(['sub_8842']);

    const forged = await fetch(
      local.replace(/token=[^.]+/, `token=${Buffer.from('sub_1').toString('base64url')}`),
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      },
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toMatch(/does not match/);
    expect(unsubscribed).toEqual(['sub_8842']);
  });
});
