/**
 * toMailMessage over real SMTP: a loopback smtp-server receives what nodemailer sends, mailparser
 * reads it back, and every part must equal the render result.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Briefing,
  createRenderer,
  type MailMessage,
  NewsbriefError,
  type RenderResult,
  toMailMessage,
} from '../src/index.js';
import { footerListUnsubscribe } from '../src/mail.js';
import { loadExample } from './support/fidelity.js';

interface Received {
  raw: string;
  parsed: ParsedMail;
  envelope: { from: string; to: string[] };
}

let server: SMTPServer;
let port: number;
const inbox: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        inbox.push({
          raw,
          parsed: await simpleParser(raw),
          envelope: {
            from: mailFrom ? mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          },
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function send(message: ReturnType<typeof toMailMessage>): Promise<Received> {
  const transporter = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  const before = inbox.length;
  await transporter.sendMail(message);
  transporter.close();
  expect(inbox.length).toBe(before + 1);
  return inbox[before] as Received;
}

const lf = (value: string) => value.replace(/\r\n/g, '\n');

/** The top-level headers of the raw message, unfolded, by lower-case name. */
function rawHeaders(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function expectSameParts(received: Received, result: RenderResult) {
  expect(received.parsed.subject).toBe(result.subject);
  expect(lf(received.parsed.text ?? '')).toBe(lf(result.text));
  expect(lf(received.parsed.html || '')).toBe(lf(result.html));
  // multipart/alternative with the text part first: clients show the last part they can display.
  expect(rawHeaders(received.raw).get('content-type')).toMatch(/^multipart\/alternative;/);
  const textAt = received.raw.search(/Content-Type: text\/plain/i);
  const htmlAt = received.raw.search(/Content-Type: text\/html/i);
  expect(textAt).toBeGreaterThan(0);
  expect(htmlAt).toBeGreaterThan(textAt);
}

describe('toMailMessage over SMTP', () => {
  const from = 'Morning Brief <news@example.com>';

  it('delivers the morning edition: subject, text and html parts equal the render result', async () => {
    const renderer = await createRenderer();
    const result = renderer.render(loadExample('morning-edition'));
    const received = await send(toMailMessage(result, { from, to: 'reader@example.org' }));

    expectSameParts(received, result);
    expect(received.envelope).toEqual({ from: 'news@example.com', to: ['reader@example.org'] });
    expect(received.parsed.from?.value).toEqual([{ name: 'Morning Brief', address: 'news@example.com' }]);
    // No listUnsubscribe in the envelope: the footer's https unsubscribe URL is used.
    const headers = rawHeaders(received.raw);
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headers.get('list-unsubscribe')).toBe('<https://example.com/unsubscribe?list=am&u=8f3a>');
    if (process.env.NEWSBRIEF_PRINT_HEADERS)
      console.log(received.raw.slice(0, received.raw.indexOf('\r\n\r\n')));
  });

  it('writes List-Id, List-Archive and Feedback-ID from the envelope, as espBatches does', async () => {
    const result = (await createRenderer()).render(loadExample('morning-edition'));
    const received = await send(
      toMailMessage(result, {
        from,
        to: 'reader@example.org',
        listId: 'Morning Brief – Édition <morning.news.example.com>',
        archiveUrl: 'https://news.example.com/am/2026-03-14/',
        feedbackId: 'am-2026-03-14:morning:newsletter:newsbrief',
      }),
    );
    const headers = rawHeaders(received.raw);
    // A non-ASCII list name arrives as an RFC 2047 encoded-word; mailparser reads the list id.
    const encoded = /^=\?UTF-8\?B\?(.+)\?= <morning\.news\.example\.com>$/.exec(headers.get('list-id') ?? '');
    expect(Buffer.from(encoded?.[1] ?? '', 'base64').toString('utf8')).toBe('Morning Brief – Édition');
    expect(received.parsed.headers.get('list')).toMatchObject({
      id: { id: 'morning.news.example.com' },
      archive: { url: 'https://news.example.com/am/2026-03-14/' },
    });
    expect(headers.get('list-archive')).toBe('<https://news.example.com/am/2026-03-14/>');
    expect(headers.get('feedback-id')).toBe('am-2026-03-14:morning:newsletter:newsbrief');
    expect(headers.get('list-unsubscribe')).toBe('<https://example.com/unsubscribe?list=am&u=8f3a>');
    expect(() => toMailMessage(result, { from, to: 'reader@example.org', listId: 'morning' })).toThrow(
      /^envelope\.listId: /,
    );
  });

  it('sends an https and a mailto target, one-click header included', async () => {
    const result = (await createRenderer()).render(loadExample('seed-iran-working-group'));
    const received = await send(
      toMailMessage(result, {
        from,
        to: ['reader@example.org', '"Doe, Jane" <jane@example.net>'],
        listUnsubscribe: {
          url: 'https://example.com/u/one-click?token=a1b2c3',
          mailto: 'mailto:unsubscribe@example.com?subject=unsubscribe',
        },
      }),
    );
    const headers = rawHeaders(received.raw);
    expect(headers.get('list-unsubscribe')).toBe(
      '<https://example.com/u/one-click?token=a1b2c3>, <mailto:unsubscribe@example.com?subject=unsubscribe>',
    );
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(received.envelope.to).toEqual(['reader@example.org', 'jane@example.net']);
    expectSameParts(received, result);
  });

  it('omits List-Unsubscribe-Post with only a mailto target', async () => {
    const result = (await createRenderer()).render(loadExample('morning-edition'));
    const received = await send(
      toMailMessage(result, {
        from,
        to: 'reader@example.org',
        listUnsubscribe: { mailto: 'leave@example.com' },
      }),
    );
    const headers = rawHeaders(received.raw);
    expect(headers.get('list-unsubscribe')).toBe('<mailto:leave@example.com>');
    expect(headers.has('list-unsubscribe-post')).toBe(false);
  });

  const hebrew: Briefing = {
    title: 'תדריך הבוקר',
    date: '2026-03-14',
    locale: 'he-IL',
    subject: 'הכנסת מאשרת את התקציב 🗳️',
    stories: [
      {
        kicker: 'הדבר הגדול',
        headline: 'הכנסת מאשרת את התקציב',
        lede: 'הכנסת אישרה הלילה את תקציב המדינה בקריאה שלישית, ברוב של 61 חברי כנסת.',
        whyItMatters: 'בלי תקציב מאושר עד סוף מרץ הייתה הממשלה מתפזרת והמדינה הולכת לבחירות.',
        source: { label: 'לכתבה המלאה', url: 'https://news.example.co.il/budget' },
      },
    ],
    footer: {
      address: 'רחוב הרצל 1, תל אביב',
      unsubscribeUrl: 'https://news.example.co.il/unsubscribe?u=42',
    },
  };

  const subjects: [string, Briefing][] = [
    ['Hebrew with an emoji', hebrew],
    [
      'emoji only beyond ASCII',
      {
        title: 'Morning Brief',
        subject: '☕️ 1 big thing: cities race to cool the grid 🔥⚡',
        stories: [{ headline: 'Cities race to cool the grid', lede: 'Record heat, record battery orders.' }],
      },
    ],
    [
      'a long subject that must be folded',
      {
        title: 'Morning Brief',
        subject: `Wochenüberblick: ${'Straßenbahn, Bürgermeister und Öffentlicher Nahverkehr — '.repeat(3)}Ende`,
        stories: [{ headline: 'Straßenbahn kommt', lede: 'Die Stadt baut die Linie 4 bis 2029.' }],
      },
    ],
  ];

  it.each(subjects)('round-trips a non-ASCII subject: %s', async (_name, briefing) => {
    const result = (await createRenderer()).render(briefing);
    const received = await send(
      toMailMessage(result, { from: 'תדריך <brief@example.co.il>', to: 'reader@example.org' }),
    );
    expect(result.subject).toBe(briefing.subject);
    expectSameParts(received, result);
    expect(received.parsed.from?.value[0]?.name).toBe('תדריך');
    // Encoded words keep the raw header ASCII.
    expect(rawHeaders(received.raw).get('subject')).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('toMailMessage', () => {
  const render = async (briefing: Briefing) => (await createRenderer()).render(briefing);
  const story = {
    headline: 'Fed holds rates steady',
    lede: 'The Fed left rates unchanged for a fifth meeting.',
  };

  it('returns the nodemailer fields and headers', async () => {
    const result = await render({
      title: 'Markets',
      stories: [story],
      footer: { unsubscribeUrl: 'https://example.com/unsubscribe?u=1' },
    });
    expect(result.listUnsubscribe).toEqual({ url: 'https://example.com/unsubscribe?u=1' });
    expect(toMailMessage(result, { from: 'news@example.com', to: 'a@example.org' })).toEqual({
      from: 'news@example.com',
      to: 'a@example.org',
      subject: 'Fed holds rates steady',
      text: result.text,
      html: result.html,
      headers: {
        'List-Unsubscribe': '<https://example.com/unsubscribe?u=1>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  });

  it.each([
    ['Mailchimp', '*|UNSUB|*'],
    ['Postmark', '{{{pm:unsubscribe}}}'],
    ['Mailgun', '%unsubscribe_url%'],
    ['SendGrid', '<%asm_group_unsubscribe_raw_url%>'],
    ['plain http', 'http://example.com/unsubscribe'],
  ])('has no fallback for a %s footer link (%s)', async (_esp, unsubscribeUrl) => {
    const result = await render({ title: 'Markets', stories: [story], footer: { unsubscribeUrl } });
    expect(result.listUnsubscribe).toBeUndefined();
    expect(toMailMessage(result, { from: 'news@example.com', to: 'a@example.org' }).headers).toEqual({});
  });

  it('uses a mailto footer link as the mailto target', async () => {
    const result = await render({
      title: 'Markets',
      stories: [story],
      footer: { unsubscribeUrl: 'mailto:leave@example.com' },
    });
    expect(toMailMessage(result, { from: 'news@example.com', to: 'a@example.org' }).headers).toEqual({
      'List-Unsubscribe': '<mailto:leave@example.com>',
    });
  });

  it('prefers the envelope over the footer', async () => {
    const result = await render({
      title: 'Markets',
      stories: [story],
      footer: { unsubscribeUrl: 'https://example.com/footer' },
    });
    const message = toMailMessage(result, {
      from: 'news@example.com',
      to: 'a@example.org',
      listUnsubscribe: { mailto: 'leave@example.com' },
    });
    expect(message.headers).toEqual({ 'List-Unsubscribe': '<mailto:leave@example.com>' });
  });

  it.each([
    ['Jane Doe <jane@example.com>'],
    ['"Doe, Jane" <jane@example.com>'],
    ['jane.doe+news@example.co.uk'],
    ['"jane doe"@example.com'],
    ['ישראל <israel@דוגמה.ישראל>'],
    ['postmaster@[192.0.2.1]'],
  ])('accepts the address %s', async (to) => {
    const result = await render({ title: 'Markets', stories: [story] });
    expect(toMailMessage(result, { from: 'news@example.com', to }).to).toBe(to);
  });

  it.each([
    [{ from: 'news', to: 'a@example.org' }, /^envelope\.from: expected an email address .* found "news"/],
    [{ from: 'news@example.com', to: 'a@@example.org' }, /^envelope\.to: .* found "a@@example\.org"/],
    [{ from: 'news@example.com', to: 'a@example' }, /^envelope\.to: .*found "a@example"/],
    [
      { from: 'news@example.com', to: ['a@example.org', 'b example.org'] },
      /^envelope\.to\[1\]: .*found "b example\.org"/,
    ],
    [
      { from: 'news@example.com', to: 'a@example.org, nope' },
      /^envelope\.to: .*found "a@example\.org, nope"/,
    ],
    [{ from: 'news@example.com', to: [] }, /^envelope\.to: expected at least one address/],
    [{ from: 'Jane <jane@example.com', to: 'a@example.org' }, /^envelope\.from: /],
    [
      { from: 'news@example.com\r\nBcc: all@example.com', to: 'a@example.org' },
      /^envelope\.from: expected one line/,
    ],
    [
      { from: 'news@example.com', to: 'a@example.org', listUnsubscribe: { url: 'http://example.com/u' } },
      /^envelope\.listUnsubscribe\.url: expected an https URL .* found "http:\/\/example\.com\/u"/,
    ],
    [
      { from: 'news@example.com', to: 'a@example.org', listUnsubscribe: { url: '*|UNSUB|*' } },
      /^envelope\.listUnsubscribe\.url: expected an https URL .*merge tag cannot go in a header/,
    ],
    [
      { from: 'news@example.com', to: 'a@example.org', listUnsubscribe: { mailto: 'https://example.com/u' } },
      /^envelope\.listUnsubscribe\.mailto: expected a mailto: URL or an address/,
    ],
  ])('rejects a bad envelope %#', async (envelope, message) => {
    const result = await render({ title: 'Markets', stories: [story] });
    const call = () => toMailMessage(result, envelope as never);
    expect(call).toThrow(NewsbriefError);
    expect(call).toThrow(message);
  });
});

/** True when a header-bound value holds a control character, a line separator or a lone surrogate. */
const unsafe = (value: string) => /[\p{Cc}\p{Cs}\u2028\u2029]/u.test(value);

/** Every header-bound value of a message: from, each recipient, the subject, each header. */
function headerValues(message: MailMessage): string[] {
  return [message.from, ...[message.to].flat(), message.subject, ...Object.values(message.headers)];
}

describe('toMailMessage: one mailbox per address field, over SMTP', () => {
  const from = 'Morning Brief <news@example.com>';
  let result: RenderResult;
  beforeAll(async () => {
    result = (await createRenderer()).render(loadExample('morning-edition'));
  });

  it('shows the hazard: handed to nodemailer unchecked, a display name adds a recipient', async () => {
    const received = await send({
      ...toMailMessage(result, { from, to: 'a@example.org' }),
      to: 'victim@x.org, Jane <jane@example.com>',
    });
    expect(received.envelope.to).toEqual(['victim@x.org', 'jane@example.com']);
  });

  it.each([
    // [to as given, the one RCPT TO, the display name a client shows, to as returned]
    ['Doe, Jane <j@x.org>', 'j@x.org', 'Doe, Jane', '"Doe, Jane" <j@x.org>'],
    ['"Doe, Jane" <j@x.org>', 'j@x.org', 'Doe, Jane', '"Doe, Jane" <j@x.org>'],
    ['Jane: <j@x.org>', 'j@x.org', 'Jane:', '"Jane:" <j@x.org>'],
    [
      'victim@x.org <jane@example.com>',
      'jane@example.com',
      'victim@x.org',
      '"victim@x.org" <jane@example.com>',
    ],
    ['Jane <evil@x.org> <real@y.org>', 'real@y.org', 'Jane <evil@x.org>', '"Jane <evil@x.org>" <real@y.org>'],
    ['Team; Bcc <j@x.org>', 'j@x.org', 'Team; Bcc', '"Team; Bcc" <j@x.org>'],
    ['Jane "JJ" Doe \\ <j@x.org>', 'j@x.org', 'Jane "JJ" Doe \\', '"Jane \\"JJ\\" Doe \\\\" <j@x.org>'],
    ['(Jane) Doe <j@x.org>', 'j@x.org', '(Jane) Doe', '"(Jane) Doe" <j@x.org>'],
  ])('to %j reaches exactly one recipient', async (to, rcpt, name, written) => {
    const message = toMailMessage(result, { from, to });
    expect(message.to).toBe(written);
    const received = await send(message);
    expect(received.envelope.to).toEqual([rcpt]);
    expect(received.parsed.to).toMatchObject({ value: [{ address: rcpt, name }] });
  });

  it('a list goes as an array, each item one mailbox', async () => {
    const message = toMailMessage(result, {
      from,
      to: ['Doe, Jane <j@x.org>', 'b@y.org', 'Jane: <c@z.org>'],
    });
    expect(message.to).toEqual(['"Doe, Jane" <j@x.org>', 'b@y.org', '"Jane:" <c@z.org>']);
    expect((await send(message)).envelope.to).toEqual(['j@x.org', 'b@y.org', 'c@z.org']);
  });

  it('a display name in from with specials stays one sender', async () => {
    const message = toMailMessage(result, {
      from: 'Acme: News, Daily <news@example.com>',
      to: 'r@example.org',
    });
    expect(message.from).toBe('"Acme: News, Daily" <news@example.com>');
    const received = await send(message);
    expect(received.envelope.from).toBe('news@example.com');
    expect(received.parsed.from?.value).toEqual([{ address: 'news@example.com', name: 'Acme: News, Daily' }]);
  });

  it.each([
    [
      { to: 'victim@x.org, Jane <jane@example.com>' },
      /^envelope\.to: expected one address, found 2 .*as an array/,
    ],
    [{ to: 'a@x.org, b@y.org' }, /^envelope\.to: expected one address, found 2 in "a@x\.org, b@y\.org"/],
    [{ to: ['ok@x.org', 'a@x.org, "B" <b@y.org>'] }, /^envelope\.to\[1\]: expected one address, found 2/],
    [{ from: 'a@x.org, b@y.org' }, /^envelope\.from: expected one address, found 2 .*one sender/],
    [{ from: 'a@x.org, Jane <j@x.org>' }, /^envelope\.from: expected one address, found 2/],
    [
      { to: 'Jane: <j@x.org>;' },
      /^envelope\.to: expected an email address .*found a group .*"Jane: <j@x\.org>;"/,
    ],
    [{ to: 'Friends: a@x.org, b@y.org;' }, /^envelope\.to: .*found a group/],
    [{ to: 'Friends:;' }, /^envelope\.to: .*found a group/],
    [
      { from: 'news@example.com\u0000' },
      /^envelope\.from: expected an address without control characters, found U\+0000/,
    ],
    [{ to: 'Jane\t<j@x.org>' }, /^envelope\.to: .*found U\+0009/],
    [{ to: 'Jane\u2028Bcc: <j@x.org>' }, /^envelope\.to: expected one line/],
    [{ to: 'Jane \uD800 <j@x.org>' }, /^envelope\.to: .*found U\+D800/],
    [{ to: 'j@[1.2.3.4>]' }, /^envelope\.to: expected an email address/],
  ])('refuses %j', async (fields, message) => {
    const call = () => toMailMessage(result, { from, to: 'r@example.org', ...fields });
    expect(call).toThrow(NewsbriefError);
    expect(call).toThrow(message);
  });
});

describe('toMailMessage: header values on one line, URLs normalized', () => {
  const envelope = { from: 'news@example.com', to: 'r@example.org' };
  let result: RenderResult;
  beforeAll(async () => {
    result = (await createRenderer()).render(loadExample('morning-edition'));
  });

  it('cleans the subject in the message itself: line breaks become spaces, controls go', async () => {
    const subject = 'Fed holds\r\nBcc: all@example.com\u0000 rates\u0007 steady\t\u2028today \uDC00\u009b';
    const message = toMailMessage({ ...result, subject }, envelope);
    expect(message.subject).toBe('Fed holds Bcc: all@example.com rates steady today');
    expect(headerValues(message).filter(unsafe)).toEqual([]);
    const received = await send(message);
    expect(received.parsed.subject).toBe(message.subject);
    expect(received.parsed.headers.has('bcc')).toBe(false);
    expect(received.envelope.to).toEqual(['r@example.org']);
  });

  it('cleans and checks long values in linear time', () => {
    const spaces = ' '.repeat(100_000);
    const started = performance.now();
    const message = toMailMessage(
      { ...result, subject: `Fed${spaces}holds${spaces}\n${spaces}rates${spaces}` },
      envelope,
    );
    expect(message.subject).toBe(`Fed${spaces}holds rates`);
    for (const to of [
      `${':'.repeat(100_000)}x`,
      `${'<a'.repeat(50_000)}`,
      `${', a@x.org'.repeat(10_000)}x`,
    ]) {
      expect(() => toMailMessage(result, { ...envelope, to })).toThrow(/^envelope\.to: /);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stores unsubscribe URLs in their normalized form, in the header as sent', async () => {
    const message = toMailMessage(result, {
      ...envelope,
      listUnsubscribe: {
        url: '  HTTPS://News.Example.COM:443/u/../unsubscribe?list=am&who=<me>  ',
        mailto: 'Leave@Example.com',
      },
    });
    expect(message.headers['List-Unsubscribe']).toBe(
      '<https://news.example.com/unsubscribe?list=am&who=%3Cme%3E>, <mailto:Leave@Example.com>',
    );
    const received = await send(message);
    expect(rawHeaders(received.raw).get('list-unsubscribe')).toBe(message.headers['List-Unsubscribe']);
  });

  it.each([
    [{ url: 'https://example.com/u?a b' }, /^envelope\.listUnsubscribe\.url: expected a URL without spaces/],
    [
      { url: 'https://example.com/u\u00a0x' },
      /^envelope\.listUnsubscribe\.url: expected a URL without spaces/,
    ],
    [
      { url: 'https://example.com/u\r\nBcc: all@example.com' },
      /^envelope\.listUnsubscribe\.url: expected a URL on one line, found U\+000D/,
    ],
    [
      { url: 'https://example.com/u\tx' },
      /^envelope\.listUnsubscribe\.url: expected a URL on one line, found U\+0009/,
    ],
    [
      { mailto: 'mailto:leave@example.com?subject=un subscribe' },
      /^envelope\.listUnsubscribe\.mailto: expected a URL without spaces/,
    ],
    [
      { mailto: 'mailto:a@x.org>,<https://evil.example>' },
      /^envelope\.listUnsubscribe\.mailto: expected a mailto: URL/,
    ],
    [{ mailto: 'leave@example.com\n' }, /^envelope\.listUnsubscribe\.mailto: expected a URL on one line/],
  ])('refuses the unsubscribe target %j', (listUnsubscribe, message) => {
    expect(() => toMailMessage(result, { ...envelope, listUnsubscribe })).toThrow(message);
  });

  it('checks result.listUnsubscribe too, whoever built the result', () => {
    const forged = { ...result, listUnsubscribe: { url: 'https://example.com/u\r\nBcc: all@example.com' } };
    expect(() => toMailMessage(forged, envelope)).toThrow(
      /^result\.listUnsubscribe\.url: expected a URL on one line/,
    );
  });

  it('the footer fallback is normalized, and offered only when it fits in a header', async () => {
    const render = async (unsubscribeUrl: string) =>
      (await createRenderer()).render({
        title: 'Markets',
        stories: [{ headline: 'Fed holds rates', lede: 'Unchanged.' }],
        footer: { unsubscribeUrl },
      });
    expect((await render('HTTPS://Example.COM/u/./unsubscribe?u=1')).listUnsubscribe).toEqual({
      url: 'https://example.com/u/unsubscribe?u=1',
    });
    expect((await render('mailto:Leave@Example.com?subject=stop')).listUnsubscribe).toEqual({
      mailto: 'mailto:Leave@Example.com?subject=stop',
    });
    expect(footerListUnsubscribe('https://example.com/unsubscribe?u=a b')).toBeUndefined();
    expect(footerListUnsubscribe('mailto:?subject=stop')).toBeUndefined();
    expect(footerListUnsubscribe('https://example.com/u\nBcc: x@example.com')).toBeUndefined();
  });
});
