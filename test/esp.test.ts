/**
 * `espBatches`: one rendered edition and a list of readers in, each ESP's batch API calls out.
 * Checked here without a network: chunk sizes and call counts, every reader once and in order, a
 * cursor read one call at a time, each ESP's merge of reader tokens (replayed here the way the
 * ESP does it, then compared with `personalize`), each reader's one-click unsubscribe, the list
 * headers, tags, the errors that name bad input, and every body assigned to the official SDK's
 * input type, so a shape that drifts fails `npm run typecheck`. The wire is test/esp-wire.test.ts.
 */
import type { SendBulkEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { ClientRequest } from '@sendgrid/client/src/request.js';
import type { MailJSON } from '@sendgrid/helpers/classes/mail.js';
import Handlebars from 'handlebars';
import type { MailgunMessageData } from 'mailgun.js/definitions';
import type { Models } from 'postmark';
import type { CreateBatchOptions } from 'resend';
import { describe, expect, it } from 'vitest';
import {
  type Briefing,
  createRenderer,
  type EspBatch,
  type EspBatchFor,
  type EspName,
  type EspOptions,
  type EspRecipient,
  espBatches,
  NewsbriefError,
  personalize,
  type RecipientSource,
  type RenderResult,
  sesTemplate,
  unsubscribeUrl,
  verifyUnsubscribe,
} from '../src/index.js';
import { readerEdition } from './readers-fixture.js';

const renderer = await createRenderer();

/** The morning edition with reader tokens; its footer links to each reader's `{{reader.unsubscribeUrl}}`. */
const edition = renderer.render(readerEdition());

/** The same edition with one unsubscribe page for the whole list, as a newsroom without signed links has. */
const sharedFooterEdition = renderer.render({
  ...readerEdition(),
  footer: { ...readerEdition().footer, unsubscribeUrl: 'https://news.example.com/unsubscribe/all' },
});

/**
 * The edition with an explainer whose copy quotes each ESP's own merge syntax. Rendered with the
 * default (trusted) copy, so the syntax reaches `espBatches` as typed: the builder must make it
 * inert to its ESP, or Mailgun would print each reader's address where the story says
 * `%recipient.email%`.
 */
const syntaxEdition = renderer.render(withExplainer(readerEdition()));

function withExplainer(briefing: Briefing): Briefing {
  return {
    ...briefing,
    stories: [
      ...briefing.stories,
      {
        kicker: 'Inbox',
        headline: 'How a newsletter knows your name',
        lede: 'Mailgun fills %recipient.email% for each reader.',
        whyItMatters: 'Amazon SES fills {{email}} from template data.',
        whatsNext: 'SendGrid swaps {nb:email} before delivery.',
      },
    ],
  };
}

const secret = 'morning-brief-unsubscribe-secret-2026-03'; // 40 bytes
const signed = { base: 'https://news.example.com/unsubscribe', secret };

/** The list headers every message of the morning send carries. */
const sender = {
  from: 'Morning Brief <news@mg.example.com>',
  listId: 'Morning Brief <morning.news.example.com>',
  archiveUrl: 'https://news.example.com/am/2026-03-14/',
  feedbackId: 'am-2026-03-14:morning:newsletter:newsbrief',
} as const;

const readers: EspRecipient[] = [
  {
    email: 'ann.lee@example.org',
    name: 'Ann Lee',
    id: 'sub_8842',
    // Spaces around a value and a reader token inside one: every ESP fills what personalize does.
    data: { first_name: 'Ann', city: ' Tucson {{reader.email}} ', email: 'ann.lee@example.org' },
  },
  // No city: each city token falls back to its own text (`your city`, `your area`, `Local`).
  {
    email: 'bo@example.net',
    id: 'sub_8843',
    data: { first_name: '<b>Bo</b> & Co', email: 'bo@example.net' },
  },
  // A comma in the name is quoted in `To`; a line break in a value must not start a header. No id:
  // the address is signed into the unsubscribe URL.
  {
    email: 'cy.doe@example.com',
    name: 'Doe, Cy',
    data: { first_name: 'Cy\r\nBcc: victim@example.org', city: 'Reno', email: 'cy.doe@example.com' },
  },
  // No data at all: every token takes its fallback, or nothing.
  { email: 'dee@example.org', id: 'sub_8845' },
];

const esps: readonly EspName[] = ['mailgun', 'sendgrid', 'ses', 'postmark', 'resend'];

async function send<O extends EspOptions>(
  options: O,
  recipients: RecipientSource = readers,
  result: RenderResult = edition,
): Promise<EspBatchFor<O['esp']>[]> {
  const batches: EspBatchFor<O['esp']>[] = [];
  for await (const batch of espBatches(result, recipients, options)) batches.push(batch);
  return batches;
}

/** The single call of a send small enough for one. */
async function oneCall<O extends EspOptions>(
  options: O,
  recipients: RecipientSource = readers,
  result: RenderResult = edition,
): Promise<EspBatchFor<O['esp']>> {
  const batches = await send(options, recipients, result);
  expect(batches).toHaveLength(1);
  return batches[0] as EspBatchFor<O['esp']>;
}

/** The bare address of `Name <addr>` or `addr`. */
function addressOf(mailbox: string): string {
  return /<([^<>]+)>$/.exec(mailbox)?.[1] ?? mailbox;
}

/** The addresses a call goes to, in the order the ESP gets them. */
function addressesOf(batch: EspBatch): string[] {
  switch (batch.esp) {
    case 'mailgun':
      return batch.body.to.map(addressOf);
    case 'sendgrid':
      return batch.body.personalizations.flatMap((p) => p.to.map((to) => to.email));
    case 'ses':
      return batch.body.BulkEmailEntries.flatMap((entry) => entry.Destination.ToAddresses.map(addressOf));
    case 'postmark':
      return batch.body.map((message) => addressOf(message.To));
    case 'resend':
      return batch.body.flatMap((message) => message.to.map(addressOf));
  }
}

/** One reader's message as the ESP delivers it. */
interface Delivered {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** `[{ Name, Value }]` as a map; the same header twice would reach the reader twice, so it fails here. */
function headerMap(list: readonly { Name: string; Value: string }[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { Name, Value } of list) {
    if (Object.hasOwn(map, Name)) throw new Error(`header ${Name} given twice`);
    map[Name] = Value;
  }
  return map;
}

/**
 * Each reader's message of a call, with the ESP's merge replayed the way the ESP does it: Mailgun
 * replaces `%recipient.NAME%` from `recipient-variables` (in the parts and in `h:` headers),
 * SendGrid replaces each substitution key, SES renders the template with Handlebars and does not
 * escape values (the values come escaped for their part). A variable without a value throws: the
 * ESP would send it as written.
 */
function delivered(batch: EspBatch): Delivered[] {
  switch (batch.esp) {
    case 'mailgun': {
      const { body } = batch;
      const variables = JSON.parse(body['recipient-variables']) as Record<string, Record<string, string>>;
      return body.to.map((mailbox) => {
        const to = addressOf(mailbox);
        const values = variables[to];
        if (values === undefined) throw new Error(`no recipient-variables for ${to}`);
        const merge = (part: string) =>
          part.replace(/%recipient\.([^%\s]+)%/g, (_, name: string) => {
            const value = values[name];
            if (value === undefined) throw new Error(`%recipient.${name}% has no value for ${to}`);
            return value;
          });
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(body)) {
          if (key.startsWith('h:') && typeof value === 'string') headers[key.slice(2)] = merge(value);
        }
        return { to, subject: merge(body.subject), html: merge(body.html), text: merge(body.text), headers };
      });
    }
    case 'sendgrid': {
      const { subject, content, headers = {}, personalizations } = batch.body;
      expect(content.map((part) => part.type)).toEqual(['text/plain', 'text/html']);
      const [text, html] = content.map((part) => part.value) as [string, string];
      return personalizations.map((personalization) => {
        const substitutions = Object.entries(personalization.substitutions ?? {});
        const merge = (part: string) =>
          substitutions.reduce((out, [key, value]) => out.replaceAll(key, value), part);
        return {
          to: (personalization.to[0] as { email: string }).email,
          subject: merge(subject),
          html: merge(html),
          text: merge(text),
          headers: { ...headers, ...personalization.headers },
        };
      });
    }
    case 'ses': {
      const { Template } = batch.body.DefaultContent;
      const content = Template.TemplateContent;
      if (content === undefined) throw new Error('replay needs the template inline');
      const handlebars = Handlebars.create();
      const compile = (source: string) => handlebars.compile(source, { noEscape: true, strict: true });
      const subject = compile(content.Subject);
      const html = compile(content.Html);
      const text = compile(content.Text);
      return batch.body.BulkEmailEntries.map((entry) => {
        const data = JSON.parse(
          entry.ReplacementEmailContent?.ReplacementTemplate.ReplacementTemplateData ?? '{}',
        ) as Record<string, string>;
        return {
          to: addressOf(entry.Destination.ToAddresses[0] as string),
          subject: subject(data),
          html: html(data),
          text: text(data),
          // An entry's header replaces the template's header of the same name.
          headers: { ...headerMap(Template.Headers ?? []), ...headerMap(entry.ReplacementHeaders ?? []) },
        };
      });
    }
    case 'postmark':
      return batch.body.map((message) => ({
        to: addressOf(message.To),
        subject: message.Subject,
        html: message.HtmlBody,
        text: message.TextBody,
        headers: headerMap(message.Headers),
      }));
    case 'resend':
      return batch.body.map((message) => ({
        to: addressOf(message.to[0] as string),
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
      }));
  }
}

/** The reader's signed one-click URL, as their endpoint will verify it. */
function signedUrl(reader: EspRecipient): Promise<string> {
  return unsubscribeUrl(signed.base, reader.id ?? reader.email, secret);
}

/** What Gmail and Yahoo send to the List-Unsubscribe URL: a form-encoded POST. */
function oneClick(url: string): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
}

/** The `NewsbriefError` a call throws at once, without iterating what it returns. */
function thrownBy(action: () => unknown): NewsbriefError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(NewsbriefError);
    return error as NewsbriefError;
  }
  throw new Error('expected a NewsbriefError, found none');
}

/** The `NewsbriefError` an async action rejects with. */
async function rejectionOf(action: () => Promise<unknown>): Promise<NewsbriefError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(NewsbriefError);
    return error as NewsbriefError;
  }
  throw new Error('expected a NewsbriefError, found none');
}

const withoutJoiners = (value: string) => value.replaceAll('\u2060', '');

describe('espBatches: chunking', () => {
  const list = Array.from({ length: 2345 }, (_, i) => ({
    email: `reader${i}@example.org`,
    data: { first_name: `Reader ${i}`, city: 'Tucson', email: `reader${i}@example.org` },
  }));

  it('splits 2,345 readers into 3 Mailgun, 3 SendGrid, 47 SES, 5 Postmark and 24 Resend calls, each reader once and in order', async () => {
    const expected: Record<EspName, { size: number; calls: number; path: string }> = {
      mailgun: { size: 1000, calls: 3, path: '/v3/mg.example.com/messages' },
      sendgrid: { size: 1000, calls: 3, path: '/v3/mail/send' },
      ses: { size: 50, calls: 47, path: '/v2/email/outbound-bulk-emails' },
      postmark: { size: 500, calls: 5, path: '/email/batch' },
      resend: { size: 100, calls: 24, path: '/emails/batch' },
    };
    for (const esp of esps) {
      const { size, calls, path } = expected[esp];
      const batches = await send({ esp, ...sender }, list, sharedFooterEdition);
      expect(batches, esp).toHaveLength(calls);
      const sizes = Array.from({ length: calls }, (_, i) => Math.min(size, list.length - i * size));
      expect(batches.map((batch) => batch.recipients)).toEqual(sizes);
      expect(batches.map((batch) => batch.index)).toEqual(sizes.map((_, i) => i));
      expect(batches.map((batch) => batch.offset)).toEqual(sizes.map((_, i) => i * size));
      for (const batch of batches) {
        expect([batch.esp, batch.method, batch.path]).toEqual([esp, 'POST', path]);
        expect(addressesOf(batch)).toEqual(
          list.slice(batch.offset, batch.offset + batch.recipients).map((reader) => reader.email),
        );
      }
      expect(batches.flatMap(addressesOf)).toEqual(list.map((reader) => reader.email));
    }
  });

  it('reads a 10,000-reader cursor one call at a time, never a reader ahead', async () => {
    let pulled = 0;
    let closed = false;
    async function* cursor(): AsyncGenerator<EspRecipient> {
      try {
        for (let i = 0; i < 10_000; i += 1) {
          pulled += 1;
          yield { email: `r${i}@example.org`, data: { first_name: `R${i}` } };
        }
      } finally {
        closed = true;
      }
    }
    const leads: number[] = [];
    let calls = 0;
    let next = 0;
    for await (const batch of espBatches(sharedFooterEdition, cursor(), { esp: 'ses', ...sender })) {
      // How far the cursor has been read past the readers this call holds.
      leads.push(pulled - (batch.offset + batch.recipients));
      expect(batch.offset).toBe(next);
      expect(batch.body.BulkEmailEntries).toHaveLength(50);
      next += batch.recipients;
      calls += 1;
    }
    expect(calls).toBe(200);
    expect(next).toBe(10_000);
    // A full call goes before the next reader is read: a bad reader never holds back the call before it.
    expect(leads.flatMap((lead, i) => (lead === 0 ? [] : [i]))).toEqual([]);
    expect(closed).toBe(true);
  });

  it('closes the cursor when the sender stops after a call', async () => {
    let pulled = 0;
    let closed = false;
    async function* cursor(): AsyncGenerator<EspRecipient> {
      try {
        for (let i = 0; i < 10_000; i += 1) {
          pulled += 1;
          yield { email: `r${i}@example.org` };
        }
      } finally {
        closed = true;
      }
    }
    for await (const batch of espBatches(sharedFooterEdition, cursor(), { esp: 'mailgun', ...sender })) {
      expect(batch.recipients).toBe(1000);
      break;
    }
    expect(pulled).toBeLessThanOrEqual(1001);
    expect(closed).toBe(true);
  });

  it('takes any iterable, such as a generator, not only arrays', async () => {
    function* fromCsv(): Generator<EspRecipient> {
      for (const line of ['ann.lee@example.org,Ann', 'bo@example.net,Bo', 'dee@example.org,Dee']) {
        const [email = '', first_name] = line.split(',');
        yield { email, data: { first_name } };
      }
    }
    const batch = await oneCall({ esp: 'postmark', ...sender }, fromCsv(), sharedFooterEdition);
    expect(batch.body.map((message) => message.Subject)).toEqual([
      'Ann: cities race to cool the grid',
      'Bo: cities race to cool the grid',
      'Dee: cities race to cool the grid',
    ]);
  });

  it('sends a repeated address in the next call, never twice in one (Mailgun keys values by address)', async () => {
    // The source does not refuse a repeated reader: it keeps each input entry exactly once and
    // starts a new call, because Mailgun keys recipient-variables by address and SendGrid refuses
    // one address twice in a request. Compared without case.
    const list: EspRecipient[] = [
      { email: 'ann.lee@example.org', data: { first_name: 'Ann' } },
      { email: 'bo@example.net', data: { first_name: 'Bo' } },
      { email: 'Ann.Lee@Example.org', data: { first_name: 'Annie' } },
      { email: 'dee@example.org', data: { first_name: 'Dee' } },
    ];
    const mailgun = await send({ esp: 'mailgun', ...sender }, list, sharedFooterEdition);
    expect(mailgun.map((batch) => [batch.index, batch.offset, batch.recipients])).toEqual([
      [0, 0, 2],
      [1, 2, 2],
    ]);
    expect(mailgun.map((batch) => batch.body.to)).toEqual([
      ['ann.lee@example.org', 'bo@example.net'],
      ['Ann.Lee@Example.org', 'dee@example.org'],
    ]);
    expect(mailgun.map((batch) => Object.keys(JSON.parse(batch.body['recipient-variables'])))).toEqual([
      ['ann.lee@example.org', 'bo@example.net'],
      ['Ann.Lee@Example.org', 'dee@example.org'],
    ]);
    expect(mailgun.flatMap(delivered).map((message) => message.subject)).toEqual([
      'Ann: cities race to cool the grid',
      'Bo: cities race to cool the grid',
      'Annie: cities race to cool the grid',
      'Dee: cities race to cool the grid',
    ]);
    const sendgrid = await send({ esp: 'sendgrid', ...sender }, list, sharedFooterEdition);
    expect(sendgrid.map(addressesOf)).toEqual([
      ['ann.lee@example.org', 'bo@example.net'],
      ['Ann.Lee@Example.org', 'dee@example.org'],
    ]);
  });
});

describe('espBatches: reader tokens', () => {
  it("fills each reader's copy exactly as personalize does, in every ESP", async () => {
    for (const esp of esps) {
      const batch = await oneCall({ esp, ...sender, unsubscribe: signed });
      expect(JSON.stringify(batch.body), esp).not.toContain('{{reader.');
      const messages = delivered(batch);
      expect(messages.map((message) => message.to)).toEqual(readers.map((reader) => reader.email));
      for (const [i, reader] of readers.entries()) {
        const message = messages[i] as Delivered;
        const expected = personalize(edition, {
          email: reader.email,
          ...reader.data,
          unsubscribeUrl: await signedUrl(reader),
        });
        expect(message.subject, `${esp} ${reader.email}`).toBe(expected.subject);
        expect(message.text, `${esp} ${reader.email}`).toBe(expected.text);
        expect(message.html, `${esp} ${reader.email}`).toBe(expected.html);
      }
      expect(messages.map((message) => message.subject)).toEqual([
        'Ann: cities race to cool the grid',
        '<b>Bo</b> & Co: cities race to cool the grid',
        // The CR LF became one space: no `Bcc:` header of its own.
        'Cy Bcc: victim@example.org: cities race to cool the grid',
        'Your brief: cities race to cool the grid',
      ]);
      const [, bo, , dee] = messages as [Delivered, Delivered, Delivered, Delivered];
      expect(bo.html).toContain('&lt;b&gt;Bo&lt;/b&gt; &amp; Co, this one is for you.');
      expect(bo.html).not.toContain('<b>Bo</b>');
      expect(bo.text).toContain('Good Saturday morning, <b>Bo</b> & Co.');
      expect(bo.text).toContain('In your area:');
      expect(dee.text).toContain('Good Saturday morning, reader.');
      expect(dee.text).toContain('Sent to dee@example.org because you signed up');
    }
  });

  it("writes tokens in each merging ESP's syntax, one variable per token and part, fallbacks in the values", async () => {
    const mailgun = await oneCall({ esp: 'mailgun', ...sender, unsubscribe: signed });
    const sendgrid = await oneCall({ esp: 'sendgrid', ...sender, unsubscribe: signed });
    const ses = await oneCall({ esp: 'ses', ...sender, unsubscribe: signed });
    const template = ses.body.DefaultContent.Template.TemplateContent;

    expect(mailgun.body.subject).toBe('%recipient.first_name_subject%: cities race to cool the grid');
    expect(sendgrid.body.subject).toBe('{nb:first_name_subject}: cities race to cool the grid');
    expect(template?.Subject).toBe('{{first_name_subject}}: cities race to cool the grid');
    expect(mailgun.body.text).toContain('Good Saturday morning, %recipient.first_name%.');
    expect(template?.Text).toContain('Good Saturday morning, {{first_name}}.');
    expect(template?.Html).toContain('<title>{{first_name_html}}: cities race to cool the grid</title>');

    // Each reader brings the same variables to all three ESPs, escaped for the part they land in.
    const mailgunValues = JSON.parse(mailgun.body['recipient-variables']) as Record<
      string,
      Record<string, string>
    >;
    for (const [i, reader] of readers.entries()) {
      const { 'h:List-Unsubscribe': header, ...values } = mailgunValues[reader.email] ?? {};
      expect(header).toBe(`<${await signedUrl(reader)}>`);
      const sesValues = JSON.parse(
        ses.body.BulkEmailEntries[i]?.ReplacementEmailContent?.ReplacementTemplate.ReplacementTemplateData ??
          '',
      );
      expect(sesValues).toEqual(values);
      const substitutions = sendgrid.body.personalizations[i]?.substitutions ?? {};
      expect(
        Object.fromEntries(Object.entries(values).map(([name, value]) => [`{nb:${name}}`, value])),
      ).toEqual(substitutions);
    }
    expect(mailgunValues['bo@example.net']).toMatchObject({
      first_name_subject: '<b>Bo</b> & Co',
      first_name: '<b>Bo</b> & Co',
      first_name_html: '&lt;b&gt;Bo&lt;/b&gt; &amp; Co',
      city: 'your city',
      city_2: 'your area',
      city_3: 'Local',
    });
    expect(mailgunValues['dee@example.org']).toMatchObject({
      first_name_subject: 'Your brief',
      first_name: 'reader',
      first_name_2: 'Reader',
      first_name_3: 'our readers',
      // No data: {{reader.email}} is the address the message goes to.
      email: 'dee@example.org',
      email_html: 'dee@example.org',
      unsubscribeUrl: await unsubscribeUrl(signed.base, 'sub_8845', secret),
    });
  });

  it("keeps copy that quotes an ESP's own syntax inert: printed as written, never merged", async () => {
    const ann = readers[0] as EspRecipient;
    const mailgun = await oneCall({ esp: 'mailgun', ...sender, unsubscribe: signed }, [ann], syntaxEdition);
    expect(mailgun.body.html).toContain('Mailgun fills &#37;recipient.email% for each reader.');
    expect(mailgun.body.text).toContain('Mailgun fills %\u2060recipient.email% for each reader.');

    const ses = await oneCall({ esp: 'ses', ...sender, unsubscribe: signed }, [ann], syntaxEdition);
    const template = ses.body.DefaultContent.Template.TemplateContent;
    expect(template?.Html).toContain('Amazon SES fills &#123;{email}} from template data.');
    expect(template?.Text).toContain('Amazon SES fills {\u2060{email}} from template data.');

    // `{nb:` is in the copy, so SendGrid's keys take another prefix: no story text is a key.
    const sendgrid = await oneCall({ esp: 'sendgrid', ...sender, unsubscribe: signed }, [ann], syntaxEdition);
    expect(sendgrid.body.subject).toBe('{nb1:first_name_subject}: cities race to cool the grid');
    const keys = Object.keys(sendgrid.body.personalizations[0]?.substitutions ?? {});
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !key.startsWith('{nb1:'))).toEqual([]);

    // Ann's data has `email`: a live `%recipient.email%` or `{{email}}` would print her address.
    for (const batch of [mailgun, ses, sendgrid]) {
      const [message] = delivered(batch);
      const text = withoutJoiners(message?.text ?? '');
      expect(text, batch.esp).toContain('Mailgun fills %recipient.email% for each reader.');
      expect(text, batch.esp).toContain('Amazon SES fills {{email}} from template data.');
      expect(text, batch.esp).toContain('SendGrid swaps {nb:email} before delivery.');
      expect(text, batch.esp).toContain('Good Saturday morning, Ann.');
      expect(text.match(/ann\.lee@example\.org/g), batch.esp).toHaveLength(1); // the footer's "Sent to"
    }
  });

  it("keeps ESP syntax in a reader's value inert, in every ESP", async () => {
    const mallory: EspRecipient = {
      email: 'mallory@example.org',
      data: { first_name: '%recipient.email% {{email}}', email: 'mallory@example.org' },
    };
    for (const esp of esps) {
      const [message] = delivered(await oneCall({ esp, ...sender, unsubscribe: signed }, [mallory]));
      const text = message?.text ?? '';
      expect(text, esp).not.toContain('%recipient.email%');
      expect(text, esp).not.toContain('{{email}}');
      expect(withoutJoiners(text), esp).toContain('Good Saturday morning, %recipient.email% {{email}}.');
      expect(withoutJoiners(message?.subject ?? ''), esp).toBe(
        '%recipient.email% {{email}}: cities race to cool the grid',
      );
    }
  });

  it('personalizes each Postmark and Resend message itself: html escaped, subject on one line', async () => {
    const postmark = await oneCall({ esp: 'postmark', ...sender, unsubscribe: signed });
    const resend = await oneCall({ esp: 'resend', ...sender, unsubscribe: signed });
    const cy = postmark.body[2];
    expect(cy?.Subject).toBe('Cy Bcc: victim@example.org: cities race to cool the grid');
    expect(resend.body[2]?.subject).toBe(cy?.Subject);
    expect(postmark.body[1]?.HtmlBody).toContain('<title>&lt;b&gt;Bo&lt;/b&gt; &amp; Co: cities race');
    expect(resend.body[1]?.html).toBe(postmark.body[1]?.HtmlBody);
    for (const message of postmark.body) expect(message.Subject).not.toMatch(/[\r\n]/);
  });
});

describe('espBatches: headers', () => {
  it('gives each reader their own signed one-click List-Unsubscribe, which verifyUnsubscribe accepts', async () => {
    for (const esp of esps) {
      const messages = delivered(await oneCall({ esp, ...sender, unsubscribe: signed }));
      for (const [i, reader] of readers.entries()) {
        const url = await signedUrl(reader);
        expect(messages[i]?.headers, `${esp} ${reader.email}`).toEqual({
          'List-Id': 'Morning Brief <morning.news.example.com>',
          'List-Archive': '<https://news.example.com/am/2026-03-14/>',
          'Feedback-ID': 'am-2026-03-14:morning:newsletter:newsbrief',
          'List-Unsubscribe': `<${url}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        });
        // The footer's unsubscribe link is the same URL.
        expect(messages[i]?.html).toContain(`href="${url}"`);
      }
    }
    const mailgun = await oneCall({ esp: 'mailgun', ...sender, unsubscribe: signed });
    expect(mailgun.body['h:List-Unsubscribe']).toBe('%recipient.h:List-Unsubscribe%');

    const [ann, , cy] = delivered(await oneCall({ esp: 'postmark', ...sender, unsubscribe: signed }));
    const urlOf = (header = '') => header.slice(1, -1);
    expect(await verifyUnsubscribe(oneClick(urlOf(ann?.headers['List-Unsubscribe'])), secret)).toEqual({
      ok: true,
      recipientId: 'sub_8842',
    });
    expect(await verifyUnsubscribe(oneClick(urlOf(cy?.headers['List-Unsubscribe'])), secret)).toEqual({
      ok: true,
      recipientId: 'cy.doe@example.com',
    });
    const forged = await verifyUnsubscribe(
      oneClick(urlOf(ann?.headers['List-Unsubscribe'])),
      'another-newsletter-secret-of-40-bytes-xx',
    );
    expect(forged).toMatchObject({ ok: false, reason: 'token' });
  });

  it('takes a custom, async unsubscribe URL per reader, with a mailto target too', async () => {
    const asked: [number, string][] = [];
    const unsubscribe = {
      url: async (reader: { id: string; position: number }) => {
        asked.push([reader.position, reader.id]);
        return `https://news.example.com/leave/${encodeURIComponent(reader.id)}`;
      },
      mailto: 'unsubscribe@news.example.com',
    };
    for (const esp of esps) {
      asked.length = 0;
      const messages = delivered(await oneCall({ esp, ...sender, unsubscribe }));
      expect(asked).toEqual([
        [0, 'sub_8842'],
        [1, 'sub_8843'],
        [2, 'cy.doe@example.com'],
        [3, 'sub_8845'],
      ]);
      expect(messages.map((message) => message.headers['List-Unsubscribe'])).toEqual([
        '<https://news.example.com/leave/sub_8842>, <mailto:unsubscribe@news.example.com>',
        '<https://news.example.com/leave/sub_8843>, <mailto:unsubscribe@news.example.com>',
        '<https://news.example.com/leave/cy.doe%40example.com>, <mailto:unsubscribe@news.example.com>',
        '<https://news.example.com/leave/sub_8845>, <mailto:unsubscribe@news.example.com>',
      ]);
      expect(messages.map((message) => message.headers['List-Unsubscribe-Post'])).toEqual(
        readers.map(() => 'List-Unsubscribe=One-Click'),
      );
      expect(messages[0]?.text).toContain('https://news.example.com/leave/sub_8842');
    }
  });

  it("uses the edition footer's one URL for every reader when no unsubscribe is given, sent once per call", async () => {
    const header = '<https://news.example.com/unsubscribe/all>';
    for (const esp of esps) {
      const batch = await oneCall({ esp, ...sender }, readers, sharedFooterEdition);
      for (const message of delivered(batch)) {
        expect(message.headers['List-Unsubscribe'], esp).toBe(header);
        expect(message.headers['List-Unsubscribe-Post'], esp).toBe('List-Unsubscribe=One-Click');
      }
    }
    const mailgun = await oneCall({ esp: 'mailgun', ...sender }, readers, sharedFooterEdition);
    expect(mailgun.body['h:List-Unsubscribe']).toBe(header);
    expect(mailgun.body['recipient-variables']).not.toContain('List-Unsubscribe');
    const sendgrid = await oneCall({ esp: 'sendgrid', ...sender }, readers, sharedFooterEdition);
    expect(sendgrid.body.headers?.['List-Unsubscribe']).toBe(header);
    expect(sendgrid.body.personalizations.map((p) => p.headers)).toEqual(readers.map(() => undefined));
    const ses = await oneCall({ esp: 'ses', ...sender }, readers, sharedFooterEdition);
    expect(ses.body.DefaultContent.Template.Headers).toContainEqual({
      Name: 'List-Unsubscribe',
      Value: header,
    });
    expect(ses.body.BulkEmailEntries.map((entry) => entry.ReplacementHeaders)).toEqual(
      readers.map(() => undefined),
    );
  });

  it("uses each reader's data.unsubscribeUrl for List-Unsubscribe when the footer links to it and no unsubscribe is given", async () => {
    const list: EspRecipient[] = [
      { email: 'ann.lee@example.org', data: { unsubscribeUrl: 'https://news.example.com/u?token=ann' } },
    ];
    for (const esp of esps) {
      const [message] = delivered(await oneCall({ esp, ...sender }, list));
      expect(message?.html, esp).toContain('href="https://news.example.com/u?token=ann"');
      expect(message?.headers['List-Unsubscribe'], esp).toBe('<https://news.example.com/u?token=ann>');
    }
  });

  it('writes List-Id (RFC 2919), List-Archive and Feedback-ID as one safe line each', async () => {
    const headersFor = async (options: { listId?: string; archiveUrl?: string; feedbackId?: string }) => {
      const batch = await oneCall(
        { esp: 'resend', from: sender.from, ...options },
        [readers[0] as EspRecipient],
        sharedFooterEdition,
      );
      return batch.body[0]?.headers;
    };
    // A non-ASCII list name is an RFC 2047 encoded-word: some ESP APIs take header values as ASCII.
    expect((await headersFor({ listId: 'Morgenbrief Zürich <morgen.news.example.ch>' }))?.['List-Id']).toBe(
      '=?UTF-8?B?TW9yZ2VuYnJpZWYgWsO8cmljaA==?= <morgen.news.example.ch>',
    );
    expect(
      (await headersFor({ listId: 'Morning Brief: Tucson <tucson.news.example.com>' }))?.['List-Id'],
    ).toBe('"Morning Brief: Tucson" <tucson.news.example.com>');
    expect((await headersFor({ listId: 'morning.news.example.com' }))?.['List-Id']).toBe(
      '<morning.news.example.com>',
    );
    // Percent-encoded, so no ESP reads the braces in a header as merge syntax.
    expect(
      (await headersFor({ archiveUrl: 'https://news.example.com/am/{{issue}}/' }))?.['List-Archive'],
    ).toBe('<https://news.example.com/am/%7B%7Bissue%7D%7D/>');
    // One field is a Feedback-ID too (Gmail reads the last as the sender id).
    expect((await headersFor({ feedbackId: 'newsbrief' }))?.['Feedback-ID']).toBe('newsbrief');
    const plain = await headersFor({});
    expect(Object.keys(plain ?? {})).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post']);
  });

  it('sends tags the way each ESP takes them', async () => {
    const tags = ['morning', 'metro-desk', 'week_11'];
    const mailgun = await oneCall({ esp: 'mailgun', ...sender, tags }, readers, sharedFooterEdition);
    expect(mailgun.body['o:tag']).toEqual(tags);
    const sendgrid = await oneCall({ esp: 'sendgrid', ...sender, tags }, readers, sharedFooterEdition);
    expect(sendgrid.body.categories).toEqual(tags);
    const ses = await oneCall({ esp: 'ses', ...sender, tags }, readers, sharedFooterEdition);
    expect(ses.body.DefaultEmailTags).toEqual([
      { Name: 'morning', Value: 'true' },
      { Name: 'metro-desk', Value: 'true' },
      { Name: 'week_11', Value: 'true' },
    ]);
    const resend = await oneCall({ esp: 'resend', ...sender, tags }, readers, sharedFooterEdition);
    expect(resend.body.map((message) => message.tags)).toEqual(
      readers.map(() => [
        { name: 'morning', value: 'true' },
        { name: 'metro-desk', value: 'true' },
        { name: 'week_11', value: 'true' },
      ]),
    );
    const postmark = await oneCall(
      { esp: 'postmark', ...sender, tags: ['morning'] },
      readers,
      sharedFooterEdition,
    );
    expect(postmark.body.map((message) => message.Tag)).toEqual(readers.map(() => 'morning'));
    // Without tags, no tag field at all.
    const untagged = await oneCall({ esp: 'mailgun', ...sender }, readers, sharedFooterEdition);
    expect('o:tag' in untagged.body).toBe(false);
  });

  it("addresses each reader as one mailbox, quoting a name with a comma, and sets each ESP's own options", async () => {
    const replyTo = 'Metro Desk <desk@news.example.com>';
    const mailboxes = [
      'Ann Lee <ann.lee@example.org>',
      'bo@example.net',
      '"Doe, Cy" <cy.doe@example.com>',
      'dee@example.org',
    ];
    const ses = await oneCall(
      {
        esp: 'ses',
        ...sender,
        replyTo,
        templateName: 'morning-brief-2026-03-14',
        configurationSetName: 'newsletters',
        unsubscribe: signed,
      },
      readers,
    );
    expect(ses.body.FromEmailAddress).toBe('Morning Brief <news@mg.example.com>');
    expect(ses.body.ReplyToAddresses).toEqual([replyTo]);
    expect(ses.body.ConfigurationSetName).toBe('newsletters');
    expect(ses.body.BulkEmailEntries.map((entry) => entry.Destination.ToAddresses)).toEqual(
      mailboxes.map((mailbox) => [mailbox]),
    );
    // A stored template goes by name; the entries' data fills the same variables.
    expect(ses.body.DefaultContent.Template.TemplateName).toBe('morning-brief-2026-03-14');
    expect(ses.body.DefaultContent.Template.TemplateContent).toBeUndefined();
    const stored = sesTemplate(edition, 'morning-brief-2026-03-14');
    expect(stored.TemplateContent.Subject).toBe('{{first_name_subject}}: cities race to cool the grid');
    const inline = await oneCall({ esp: 'ses', ...sender, unsubscribe: signed }, readers);
    expect(inline.body.DefaultContent.Template.TemplateContent).toEqual(stored.TemplateContent);
    expect(ses.body.BulkEmailEntries).toEqual(inline.body.BulkEmailEntries);

    const sendgrid = await oneCall({ esp: 'sendgrid', ...sender, replyTo, unsubscribe: signed });
    expect(sendgrid.body.from).toEqual({ email: 'news@mg.example.com', name: 'Morning Brief' });
    expect(sendgrid.body.reply_to).toEqual({ email: 'desk@news.example.com', name: 'Metro Desk' });
    expect(sendgrid.body.personalizations.map((p) => p.to)).toEqual([
      [{ email: 'ann.lee@example.org', name: 'Ann Lee' }],
      [{ email: 'bo@example.net' }],
      [{ email: 'cy.doe@example.com', name: 'Doe, Cy' }],
      [{ email: 'dee@example.org' }],
    ]);

    const postmark = await oneCall({ esp: 'postmark', ...sender, replyTo, unsubscribe: signed });
    expect(postmark.body.map((message) => [message.To, message.ReplyTo, message.MessageStream])).toEqual(
      mailboxes.map((mailbox) => [mailbox, replyTo, 'broadcast']),
    );
    const stream = await oneCall({
      esp: 'postmark',
      ...sender,
      messageStream: 'morning-brief',
      unsubscribe: signed,
    });
    expect(stream.body.map((message) => message.MessageStream)).toEqual(readers.map(() => 'morning-brief'));

    const resend = await oneCall({ esp: 'resend', ...sender, replyTo, unsubscribe: signed });
    expect(resend.body.map((message) => [message.from, message.to, message.replyTo])).toEqual(
      mailboxes.map((mailbox) => [sender.from, [mailbox], replyTo]),
    );

    const mailgun = await oneCall({ esp: 'mailgun', ...sender, unsubscribe: signed });
    expect(mailgun.path).toBe('/v3/mg.example.com/messages');
    expect(mailgun.body.to).toEqual(mailboxes);
    const domain = await oneCall({
      esp: 'mailgun',
      ...sender,
      domain: 'mg2.example.com',
      unsubscribe: signed,
    });
    expect(domain.path).toBe('/v3/mg2.example.com/messages');
  });

  it('sets Reply-To for Mailgun too, as an h:Reply-To header', async () => {
    const replyTo = 'Metro Desk <desk@news.example.com>';
    const mailgun = await oneCall({ esp: 'mailgun', ...sender, replyTo, unsubscribe: signed });
    expect(mailgun.body['h:Reply-To']).toBe(replyTo);
  });
});

describe('espBatches: bad input', () => {
  it('refuses bad options when called, before any reader is read, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { esp: 'mailchimp' },
        'options.esp: expected one of "mailgun", "sendgrid", "ses", "postmark", "resend", found "mailchimp".',
      ],
      [
        { esp: 'mailgun', from: 'victim@x.org, Jane <jane@example.com>' },
        'options.from: expected one address, found 2 in "victim@x.org, Jane <jane@example.com>"; a message has one sender.',
      ],
      [
        { esp: 'sendgrid', from: 'news@example.com\r\nBcc: victim@x.org' },
        'options.from: expected one line, found a line break in "news@example.com\\r\\nBcc: victim@x.org".',
      ],
      [
        { esp: 'ses', replyTo: 'desk@example.com, victim@x.org' },
        'options.replyTo: expected one address, found 2 in "desk@example.com, victim@x.org"; a message has one sender.',
      ],
      [
        { esp: 'ses', listId: 'Morning Brief <morning.news.example.com>\r\nBcc: victim@x.org' },
        'options.listId: expected a list id like "Morning Brief <morning.news.example.com>" on one line, found U+000D in "Morning Brief <morning.news.example.com>\\r\\nBcc: victim@x.org".',
      ],
      [
        { esp: 'postmark', listId: 'morning' },
        'options.listId: expected a list id like "Morning Brief <morning.news.example.com>" (RFC 2919: dotted letters, digits and - under your domain, at most 255 characters), found "morning".',
      ],
      [
        { esp: 'resend', feedbackId: 'am:morning\nX-Injected: 1' },
        'options.feedbackId: expected a Feedback-ID like "edition:newsroom:newsletter:esp" on one line, found U+000A in "am:morning\\nX-Injected: 1".',
      ],
      [
        { esp: 'resend', archiveUrl: 'javascript:alert(1)' },
        'options.archiveUrl: expected an https or http URL without spaces (a merge tag cannot go in a header), found "javascript:alert(1)".',
      ],
      [
        { esp: 'mailgun', tags: ['morning', 'metro', 'sports', 'weather'] },
        'options.tags: expected at most 3 for mailgun, found 4.',
      ],
      [
        { esp: 'sendgrid', tags: Array.from({ length: 11 }, (_, i) => `desk${i}`) },
        'options.tags: expected at most 10 for sendgrid, found 11.',
      ],
      [
        { esp: 'postmark', tags: ['morning', 'metro'] },
        'options.tags: expected at most 1 for postmark, found 2.',
      ],
      [
        { esp: 'ses', tags: ['morning brief'] },
        'options.tags[0]: expected letters, digits, _ and - (at most 128), found "morning brief".',
      ],
      [
        { esp: 'mailgun', domain: 'mg.example.com/../evil' },
        'options.domain: expected a domain like "mg.example.com", found "mg.example.com/../evil".',
      ],
      [
        { esp: 'postmark', messageStream: 'broadcast stream' },
        'options.messageStream: expected a message stream id, found "broadcast stream".',
      ],
      [
        { esp: 'ses', templateName: 'morning brief' },
        'options.templateName: expected a template name, found "morning brief".',
      ],
      [
        { esp: 'ses', unsubscribe: { url: 'https://news.example.com/leave' } },
        'options.unsubscribe.url: expected a function (recipient) => https URL.',
      ],
      [
        { esp: 'ses', unsubscribe: { ...signed, mailto: 'not an address' } },
        'options.unsubscribe.mailto: expected a URL without spaces (write %20), found whitespace in "not an address".',
      ],
    ];
    for (const [options, message] of cases) {
      let read = false;
      const untouched = {
        [Symbol.iterator]() {
          read = true;
          return [][Symbol.iterator]();
        },
      };
      // Called, not iterated: the error comes from the call itself.
      const error = thrownBy(() =>
        espBatches(edition, untouched, { from: sender.from, ...options } as unknown as EspOptions),
      );
      expect(error.message).toBe(message);
      expect(read).toBe(false);
    }
    const notRendered = thrownBy(() =>
      espBatches({ subject: 'Morning Brief' } as unknown as RenderResult, readers, { esp: 'ses', ...sender }),
    );
    expect(notRendered.message).toBe(
      'espBatches: expected a RenderResult (renderBriefing or renderer.render) as the first argument.',
    );
  });

  it('refuses a bad reader as it is read, naming recipients[N]: the calls before it are already out', async () => {
    const list: EspRecipient[] = Array.from({ length: 2345 }, (_, i) => ({
      email: `reader${i}@example.org`,
    }));
    list[1500] = { email: 'ann@example.org, eve@x.org' };
    const sent: number[] = [];
    const error = await rejectionOf(async () => {
      for await (const batch of espBatches(sharedFooterEdition, list, { esp: 'mailgun', ...sender })) {
        sent.push(batch.offset);
      }
    });
    expect(error.message).toBe(
      'recipients[1500].email: expected a bare address like "reader@example.org", found "ann@example.org, eve@x.org".',
    );
    expect(sent).toEqual([0]);
  });

  it('names recipients[N] for each kind of bad reader', async () => {
    const cases: [EspName, unknown, string][] = [
      ['sendgrid', 42, 'recipients: expected an array, iterable or async iterable of recipients, found 42.'],
      [
        'mailgun',
        [{ email: 'ann@example.org' }, { email: 'bo@example.net', name: 'Bo\r\nBcc: victim@x.org' }],
        'recipients[1].name: expected one line, found a line break in "Bo\\r\\nBcc: victim@x.org <bo@example.net>".',
      ],
      [
        'resend',
        [{ email: 'ann@example.org', id: 'sub_1\nX-Injected: 1' }],
        'recipients[0].id: expected a non-empty id on one line, found "sub_1\\nX-Injected: 1".',
      ],
      [
        'ses',
        [{ email: 'zoë@example.org' }],
        'recipients[0].email: expected an address with an ASCII local part (Amazon SES does not support SMTPUTF8), found "zoë@example.org".',
      ],
      ...(['mailgun', 'sendgrid', 'ses'] as const).map((esp): [EspName, unknown, string] => [
        esp,
        [{ email: 'ann@example.org' }, { email: 'bo@example.net', data: { first_name: { given: 'Bo' } } }],
        'recipients[1].data.first_name: expected a string or a finite number, found object.',
      ]),
    ];
    for (const [esp, recipients, message] of cases) {
      const error = await rejectionOf(() =>
        send({ esp, ...sender } as EspOptions, recipients as RecipientSource, sharedFooterEdition),
      );
      expect(error.message, esp).toBe(message);
    }
    // The footer links to {{reader.unsubscribeUrl}}: without `unsubscribe`, each reader must bring one.
    const missing = await rejectionOf(() => send({ esp: 'ses', ...sender }, [{ email: 'ann@example.org' }]));
    expect(missing.message).toBe(
      'recipients[0].data.unsubscribeUrl: expected an https URL (the edition links to {{reader.unsubscribeUrl}}), found nothing.',
    );
    const custom = await rejectionOf(() =>
      send(
        {
          esp: 'postmark',
          ...sender,
          unsubscribe: { url: (reader) => `http://news.example.com/leave/${reader.id}` },
        },
        [{ email: 'ann@example.org', id: 'sub_1' }],
      ),
    );
    expect(custom.message).toBe(
      'options.unsubscribe (recipients[0]).url: expected an https URL (RFC 8058 one-click unsubscribe; a merge tag cannot go in a header), found "http://news.example.com/leave/sub_1".',
    );
  });

  it('names recipients[N].data for a bad value in Postmark and Resend too', async () => {
    for (const esp of ['postmark', 'resend'] as const) {
      const error = await rejectionOf(() =>
        send({ esp, ...sender }, [
          {
            email: 'bo@example.net',
            data: { first_name: { given: 'Bo' }, unsubscribeUrl: 'https://news.example.com/u?token=bo' },
          },
        ] as never),
      );
      expect(error.message, esp).toBe(
        'recipients[0].data.first_name: expected a string or a finite number, found object.',
      );
    }
  });

  it('refuses a signed unsubscribe with a short secret or an http base before the first call', async () => {
    const batches: unknown[] = [];
    const short = await rejectionOf(async () => {
      for await (const batch of espBatches(edition, readers, {
        esp: 'resend',
        ...sender,
        unsubscribe: { base: signed.base, secret: 'too-short' },
      }))
        batches.push(batch);
    });
    expect(short.message).toBe(
      'options.unsubscribe.secret: expected a secret of at least 32 bytes (a string or Uint8Array), found 9 bytes.',
    );
    const http = await rejectionOf(() =>
      send({
        esp: 'sendgrid',
        ...sender,
        unsubscribe: { base: 'http://news.example.com/unsubscribe', secret },
      }),
    );
    expect(http.message).toBe(
      'options.unsubscribe.base: expected an https URL (RFC 8058 one-click needs https), found "http://news.example.com/unsubscribe".',
    );
    expect(batches).toEqual([]);
  });

  it('refuses a bad signed unsubscribe when called, naming options.unsubscribe', () => {
    expect(() =>
      espBatches(edition, [], {
        esp: 'ses',
        ...sender,
        unsubscribe: { base: signed.base, secret: 'too-short' },
      }),
    ).toThrow(/^options\.unsubscribe\.secret: /);
    expect(() =>
      espBatches(edition, [], {
        esp: 'ses',
        ...sender,
        unsubscribe: { base: 'http://news.example.com/unsubscribe', secret },
      }),
    ).toThrow(/^options\.unsubscribe\.base: /);
  });
});

describe('espBatches: bodies fit the official SDKs', () => {
  it('types each body as the SDK call takes it: mailgun.js, @sendgrid/client, @aws-sdk/client-sesv2, postmark, resend', async () => {
    const mailgun = await oneCall({ esp: 'mailgun', ...sender, unsubscribe: signed });
    // mg.messages.create(domain, data)
    const form: MailgunMessageData = mailgun.body;
    expect(form.to).toHaveLength(4);

    const sendgrid = await oneCall({ esp: 'sendgrid', ...sender, unsubscribe: signed });
    // client.request({ method, url, body }): the body is typed `any` there, so the JSON form
    // (@sendgrid/helpers MailJSON, what `Mail.toJSON()` gives) is the type that can drift.
    const mail: MailJSON = sendgrid.body;
    const request: ClientRequest = { method: 'POST', url: sendgrid.path, body: mail };
    expect(request.url).toBe('/v3/mail/send');
    expect(mail.personalizations).toHaveLength(4);

    const ses = await oneCall({ esp: 'ses', ...sender, unsubscribe: signed });
    // new SendBulkEmailCommand(input)
    const input: SendBulkEmailCommandInput = ses.body;
    expect(input.BulkEmailEntries).toHaveLength(4);
    expect(input.BulkEmailEntries?.[0]?.ReplacementHeaders?.[0]?.Name).toBe('List-Unsubscribe');
    // @ts-expect-error: a Mailgun form is no SES input, so the SDK types are real, not `any`.
    const notSes: SendBulkEmailCommandInput = mailgun.body;
    expect(notSes).toBe(mailgun.body);

    const postmark = await oneCall({ esp: 'postmark', ...sender, unsubscribe: signed });
    // client.sendEmailBatch(messages)
    const messages: Models.Message[] = postmark.body;
    expect(messages.map((message) => message.MessageStream)).toEqual(readers.map(() => 'broadcast'));

    const resend = await oneCall({ esp: 'resend', ...sender, unsubscribe: signed });
    // resend.batch.send(payload)
    const payload: CreateBatchOptions = resend.body;
    expect(payload).toHaveLength(4);
    // @ts-expect-error: Postmark's PascalCase messages are no Resend batch.
    const notResend: CreateBatchOptions = postmark.body;
    expect(notResend).toBe(postmark.body);
  });
});
