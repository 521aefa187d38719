/**
 * DKIM through nodemailer's `dkim` option: a personalized edition, built by `toMailMessage` with
 * its one-click List-Unsubscribe headers, signed with a fresh RSA key and verified by mailauth
 * against that key's public half (served by mailauth's `resolver` option, no DNS). Gmail and
 * Yahoo expect the two unsubscribe headers to be covered by the signature (`h=`).
 */
import { generateKeyPairSync } from 'node:crypto';
import { authenticate } from 'mailauth';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createRenderer, personalize, toMailMessage, unsubscribeUrl } from '../src/index.js';
import { readerEdition } from './readers-fixture.js';

const domainName = 'news.example.com';
const keySelector = 'brief2026';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

/** DNS as mailauth asks it: the selector's TXT record, and nothing else. */
async function resolver(name: string, type: string): Promise<string[][]> {
  if (type === 'TXT' && name === `${keySelector}._domainkey.${domainName}`) return [[record]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
}

/** The raw message nodemailer would send, signed. */
async function signedMessage(dkim: Record<string, unknown>): Promise<string> {
  const renderer = await createRenderer();
  const secret = 'k7Qx2m9VfL4pR8sT1wY6zB3nH5jD0cGe';
  const message = personalize(renderer.render(readerEdition()), {
    first_name: 'Ann',
    city: 'Tucson',
    email: 'ann@example.org',
    unsubscribeUrl: await unsubscribeUrl(`https://${domainName}/unsubscribe`, 'sub_8842', secret),
  });
  const mail = toMailMessage(message, { from: `Morning Brief <brief@${domainName}>`, to: 'ann@example.org' });
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    dkim: {
      domainName,
      keySelector,
      privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }),
      ...dkim,
    },
  });
  const sent = await transport.sendMail(mail);
  return (sent.message as Buffer).toString('utf8');
}

async function verify(raw: string) {
  const { dkim } = await authenticate(raw, {
    resolver,
    ip: '127.0.0.1',
    helo: 'localhost',
    sender: `brief@${domainName}`,
    disableArc: true,
    disableDmarc: true,
    disableBimi: true,
  });
  return dkim.results;
}

/** The header block, each field on one line (nodemailer folds long ones). */
function unfolded(raw: string): string {
  return `\r\n${raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ')}\r\n`;
}

/** The `h=` tag of the DKIM-Signature header, lower-cased field names. */
function signedFields(raw: string): string[] {
  const signature =
    unfolded(raw)
      .split('\r\n')
      .find((line) => /^dkim-signature:/i.test(line)) ?? '';
  const h = /\bh=([^;]+)/.exec(signature)?.[1] ?? '';
  return h.replace(/\s+/g, '').toLowerCase().split(':');
}

describe('DKIM signing through nodemailer', () => {
  it('signs the one-click unsubscribe headers by default, and mailauth verifies the signature', async () => {
    const raw = await signedMessage({});
    const head = unfolded(raw);
    expect(head).toMatch(/\r\nList-Unsubscribe: <https:\/\/news\.example\.com\/unsubscribe\?token=/);
    expect(head).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    const fields = signedFields(raw);
    expect(fields).toEqual(
      expect.arrayContaining(['from', 'to', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']),
    );
    const [result] = await verify(raw);
    expect(result?.status.result).toBe('pass');
    expect(result?.signingDomain).toBe(domainName);
  });

  it('signs them with an explicit headerFieldNames list too', async () => {
    const raw = await signedMessage({
      headerFieldNames:
        'From:To:Subject:Date:Message-ID:MIME-Version:Content-Type:List-Unsubscribe:List-Unsubscribe-Post',
    });
    expect(signedFields(raw)).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));
    expect((await verify(raw))[0]?.status.result).toBe('pass');
  });

  it('fails verification when a signed unsubscribe header is changed in transit', async () => {
    const raw = await signedMessage({});
    const tampered = raw.replace(
      /(List-Unsubscribe:\s+<https:\/\/news\.example\.com\/unsubscribe\?token=)/,
      '$1x',
    );
    expect(tampered).not.toBe(raw);
    expect((await verify(tampered))[0]?.status.result).toBe('fail');
  });
});
