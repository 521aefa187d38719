/**
 * Renders examples/morning-edition.json and sends it with nodemailer.
 *
 *   npx tsx examples/send-edition.ts                       # to a throwaway SMTP server on 127.0.0.1
 *   SMTP_URL=smtp://user:pass@smtp.example.com:587 TO=you@example.com npx tsx examples/send-edition.ts
 *
 * Without SMTP_URL it starts `smtp-server` on a free loopback port and prints what arrived.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { type Briefing, createRenderer, toMailMessage } from '../src/index.js';

const briefing = JSON.parse(
  await readFile(new URL('./morning-edition.json', import.meta.url), 'utf8'),
) as Briefing;

// Compile once, render per edition; with an ESP, render once per edition and let it personalize.
const renderer = await createRenderer({
  linkParams: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'am-2026-03-14' },
});
const result = renderer.render(briefing);

const message = toMailMessage(result, {
  from: 'Morning Brief <news@example.com>',
  to: process.env.TO ?? 'reader@example.org',
  // One-click unsubscribe endpoint (RFC 8058) plus a mailbox; without this, the footer's
  // https unsubscribeUrl is used.
  listUnsubscribe: {
    url: 'https://example.com/unsubscribe/one-click?list=am&u=8f3a',
    mailto: 'mailto:unsubscribe@example.com?subject=unsubscribe',
  },
});

let server: SMTPServer | undefined;
let smtpUrl = process.env.SMTP_URL;
if (!smtpUrl) {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        console.log(`--- received ${raw.length} bytes; headers:\n${raw.slice(0, raw.indexOf('\r\n\r\n'))}`);
        done();
      });
    },
  });
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(listening.server.address() as AddressInfo).port}`;
}

// The throwaway loopback server speaks plain SMTP; `ignoreTLS` stops nodemailer asking for STARTTLS.
const transporter = nodemailer.createTransport(
  server ? { host: '127.0.0.1', port: Number(new URL(smtpUrl).port), ignoreTLS: true } : smtpUrl,
);
const info = await transporter.sendMail(message);
console.log(`sent ${info.messageId}: "${message.subject}" to ${info.accepted.join(', ')}`);
transporter.close();
server?.close();
