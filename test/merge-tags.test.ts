/**
 * ESP merge tags in footer URLs reach the html and text parts byte for byte: not escaped, not
 * evaluated by Handlebars, not url-encoded by juice or the minifier. One render then serves every
 * recipient; the ESP personalizes after.
 */
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer } from '../src/node/index.js';
import { parseDocument } from './support/fidelity.js';

interface Esp {
  esp: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  /** A personalization tag an editor types into story text. */
  nameTag: string;
}

const esps: Esp[] = [
  {
    esp: 'Mailchimp',
    unsubscribeUrl: '*|UNSUB|*',
    preferencesUrl: '*|UPDATE_PROFILE|*',
    nameTag: '*|FNAME|*',
  },
  {
    esp: 'Postmark',
    unsubscribeUrl: '{{{pm:unsubscribe}}}',
    preferencesUrl: '{{preferences_url}}',
    nameTag: '{{first_name}}',
  },
  {
    esp: 'Mailgun',
    unsubscribeUrl: '%unsubscribe_url%',
    preferencesUrl: '%tag_unsubscribe_url%',
    nameTag: '%recipient.name%',
  },
  {
    esp: 'SendGrid',
    unsubscribeUrl: '<%asm_group_unsubscribe_raw_url%>',
    preferencesUrl: '<%asm_preferences_raw_url%>',
    nameTag: '{{first_name}}',
  },
  {
    esp: 'Handlebars-style (Customer.io, Braze)',
    unsubscribeUrl: '{{unsubscribe}}',
    preferencesUrl: '{{manage}}',
    nameTag: '{{name}}',
  },
];

function briefingFor({ unsubscribeUrl, preferencesUrl, nameTag }: Esp): Briefing {
  return {
    title: 'Morning Brief',
    date: '2026-03-14',
    greeting: `Good morning, ${nameTag}. Here is what matters today.`,
    stories: [
      {
        kicker: '1 big thing',
        headline: 'Cities race to cool the grid',
        lede: 'Phoenix, Houston and Las Vegas ordered **4.2 gigawatts** of batteries on Friday.',
        whyItMatters: 'Heat is the deadliest weather hazard in the U.S.',
        source: { label: 'Go deeper', url: 'https://www.example.com/grid?id=7' },
      },
    ],
    footer: {
      text: 'You signed up at example.com.',
      address: 'Example News, 1200 Main Street, Springfield, IL 62701',
      unsubscribeUrl,
      preferencesUrl,
    },
  };
}

describe.each([true, false])('ESP merge tags (minify: %s)', (minify) => {
  const renderer = createRenderer({ minify, linkParams: { utm_source: 'newsletter', utm_medium: 'email' } });

  it.each(esps)('$esp footer links pass verbatim into html and text', async (esp) => {
    const { html, text } = (await renderer).render(briefingFor(esp));

    expect(html).toContain(`href="${esp.unsubscribeUrl}"`);
    expect(html).toContain(`href="${esp.preferencesUrl}"`);
    const links = [...parseDocument(html).querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toContainEqual(['Unsubscribe', esp.unsubscribeUrl]);
    expect(links).toContainEqual(['Manage preferences', esp.preferencesUrl]);

    expect(text).toContain(`Unsubscribe: ${esp.unsubscribeUrl}\n`);
    expect(text).toContain(`Manage preferences: ${esp.preferencesUrl}\n`);

    // Neither url-encoded nor entity-encoded anywhere.
    for (const encoded of ['%7C', '%7B', '%7D', '%25', '&lt;%', '%&gt;', '&#x7C;', '&#124;']) {
      expect(html).not.toContain(encoded);
    }
  });

  it.each(esps)('$esp personalization in story text is shown as typed', async (esp) => {
    const { html, text } = (await renderer).render(briefingFor(esp));
    const greeting = `Good morning, ${esp.nameTag}. Here is what matters today.`;
    expect(text).toContain(greeting);
    const paragraphs = [...parseDocument(html).querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toContain(greeting);
    // The tag has no HTML-special characters, so it is also byte-identical in the source.
    expect(html).toContain(greeting);
  });
});

it('a SendGrid tag typed in story text is text, escaped like any "<"', async () => {
  const renderer = await createRenderer();
  const { html, text } = renderer.render({
    title: 'Morning Brief',
    stories: [{ headline: 'Hello', lede: 'Hi <%first_name%>, welcome.' }],
  });
  expect(text).toContain('Hi <%first_name%>, welcome.');
  expect(html).toContain('Hi &lt;%first_name%&gt;, welcome.');
  expect([...parseDocument(html).querySelectorAll('p')].map((p) => p.textContent)).toContain(
    'Hi <%first_name%>, welcome.',
  );
});

it('a Mailchimp tag is not read as *italic*, but real emphasis around it still is', async () => {
  const renderer = await createRenderer();
  const { html } = renderer.render({
    title: 'Morning Brief',
    stories: [{ headline: 'Hello', lede: 'Hi *|FNAME|*, this is *big* news for *|CITY|* readers.' }],
  });
  expect(html).toContain('Hi *|FNAME|*, this is <em>big</em> news for *|CITY|* readers.');
});

it("a lone * earlier in the text does not pair with a merge tag's closing *", async () => {
  const renderer = await createRenderer();
  const { html, text } = renderer.render({
    title: 'Morning Brief',
    stories: [{ headline: 'Hello', lede: 'Rated 4*5 by readers, *|FNAME|*. See _a *|MC_X|* here.' }],
  });
  expect(html).toContain('Rated 4*5 by readers, *|FNAME|*. See _a *|MC_X|* here.');
  expect(text).toContain('Rated 4*5 by readers, *|FNAME|*.');
  expect(html).not.toContain('<em>');
});

it('rejects a URL that only looks like a merge tag', async () => {
  const renderer = await createRenderer();
  const footer = { unsubscribeUrl: '*|UNSUB|* " onclick="x' };
  expect(() => renderer.render({ title: 'T', stories: [{ headline: 'H' }], footer })).toThrow(
    /footer\.unsubscribeUrl: expected an absolute https:, http: or mailto: URL or an ESP merge tag/,
  );
});
