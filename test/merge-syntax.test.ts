/**
 * ESP template syntax in copy: live by default (the ESP merges it), inert with
 * `neutralizeMergeSyntax`, where readers still see the same characters and footer merge tags
 * still work.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Briefing, createRenderer, NewsbriefError } from '../src/index.js';
import { parseDocument } from './support/fidelity.js';

const plain = await createRenderer();
const guarded = await createRenderer({ neutralizeMergeSyntax: true });

/** Syntax each ESP merges, as a less-trusted contributor might paste it. */
const syntax = [
  'Dear {{ subscriber.email }}',
  '{{{pm:unsubscribe}}}',
  '{% if vip %}gold{% endif %}',
  '{# note #}',
  '*|FNAME|*',
  '%%FirstName%%',
  '%%[ SET @x = 1 ]%%',
  '%recipient.email%',
  '<%body%>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: FreeMarker-style syntax, as typed
  '${user.name}',
  // Split by emphasis: the text part writes the two braces side by side.
  '**{**{split}}',
  '[{](https://example.com/a){x}}',
];

/** Delimiters an ESP parses. In the html, `<%` is written `&lt;%`, which some ESPs decode first. */
const parseable = /\{\{|\}\}|\{%|%\}|\{#|\*\||\|\*|%%|<%|&lt;%|%>|%&gt;|\$\{|%[A-Za-z_][\w.:-]*%/;

const footer = {
  text: 'Sent to *|EMAIL|*.',
  address: '*|LIST:ADDRESSLINE|*',
  unsubscribeUrl: '*|UNSUB|*',
  preferencesUrl: '{{{pm:preferences}}}',
};

/** A briefing with ESP syntax in every kind of field but URLs. */
const copy = (): Briefing => ({
  title: 'Morning {{brand}}',
  greeting: syntax.join(' · '),
  stories: [
    {
      kicker: '*|KICKER|*',
      headline: 'Hello {{ first_name }}',
      byline: 'By %recipient.name%',
      lede: syntax.slice(0, 6).join(', '),
      whyItMatters: syntax.slice(6).join(' '),
      sections: [
        {
          label: 'Zoom {{in}}',
          body: [{ paragraph: '<% x %>' }, { bullets: syntax }, { numbered: ['%%a%%'] }],
        },
      ],
      image: {
        src: 'https://images.example.com/a.png',
        alt: 'A {{alt}}',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: FreeMarker-style syntax, as typed
        credit: '${credit}',
      },
      source: { label: 'Read {{more}}', url: 'https://example.com/source' },
    },
  ],
  sponsor: { headline: '{{sponsor}}', text: '*|ADVERT|*', url: 'https://sponsor.example.com' },
  footer,
});

const joiner = /\u2060/g;

/** Text the reader sees in the html: the body's text and the image alt texts. */
function readable(html: string): { text: string; alts: string[] } {
  const document = parseDocument(html);
  const alts = [...document.querySelectorAll('img')].map((img) => img.getAttribute('alt') ?? '');
  return { text: document.body.textContent ?? '', alts };
}

/** The html without its footer, whose merge tags are the sender's and stay live. */
function storyHtml(html: string): string {
  const document = parseDocument(html);
  for (const link of document.querySelectorAll('a[href="*|UNSUB|*"], a[href="{{{pm:preferences}}}"]'))
    link.remove();
  const text = document.body.innerHTML;
  return text.replace('Sent to *|EMAIL|*.', '').replace('*|LIST:ADDRESSLINE|*', '');
}

describe('ESP syntax without the option: written as typed, so the ESP merges it', () => {
  it('reaches the html and the text part verbatim, and false changes nothing', async () => {
    const result = plain.render(copy());
    for (const piece of ['{{ subscriber.email }}', '*|FNAME|*', '{% if vip %}', '%recipient.email%']) {
      expect(result.text).toContain(piece);
      expect(readable(result.html).text).toContain(piece);
    }
    const off = (await createRenderer({ neutralizeMergeSyntax: false })).render(copy());
    expect(off.html).toBe(result.html);
    expect(off.text).toBe(result.text);
  });
});

describe('neutralizeMergeSyntax: true', () => {
  const before = plain.render(copy());
  const after = guarded.render(copy());

  it('leaves no ESP delimiter in parseable form in the story html, text part, subject or preheader', () => {
    const html = storyHtml(after.html);
    // CSS in the head holds `}}` and `%}`-free rules: check the body, attributes included.
    expect(html.match(parseable)).toBeNull();
    const text = after.text
      .replace('Sent to *|EMAIL|*.', '')
      .replace(/^.*\*\|(LIST:ADDRESSLINE|UNSUB)\|\*$/gm, '');
    expect(text.replace(/^.*pm:preferences.*$/m, '').match(parseable)).toBeNull();
    expect(after.subject.match(parseable)).toBeNull();
    expect(after.preheader.match(parseable)).toBeNull();
    expect(readable(after.html).alts.join(' ').match(parseable)).toBeNull();
    // The check can fail: without the option the same html is full of them.
    expect(storyHtml(before.html).match(parseable)).not.toBeNull();
  });

  it('reads the same to a person: only invisible word joiners differ', () => {
    const shown = readable(after.html);
    const original = readable(before.html);
    expect(shown.text.replace(joiner, '')).toBe(original.text);
    expect(shown.alts.map((alt) => alt.replace(joiner, ''))).toEqual(original.alts);
    expect(after.text.replace(joiner, '')).toBe(before.text);
    expect(after.subject.replace(joiner, '')).toBe(before.subject);
    // Each joiner is 3 bytes of UTF-8; the words are the same words.
    expect({ ...after.stats, htmlBytes: 0 }).toEqual({ ...before.stats, htmlBytes: 0 });
  });

  it('keeps footer merge tags working', () => {
    const document = parseDocument(after.html);
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('*|UNSUB|*');
    expect(hrefs).toContain('{{{pm:preferences}}}');
    expect(after.html).toContain('*|LIST:ADDRESSLINE|*');
    expect(after.text).toContain('Unsubscribe: *|UNSUB|*');
    expect(after.text).toContain('Sent to *|EMAIL|*.');
  });

  it('percent-encodes delimiters in story URLs: the same URL to a server, nothing to merge', () => {
    const leak = 'https://collect.example.com/p?e={{email}}&m=%recipient.email%&n=*|EMAIL|*';
    const input: Briefing = {
      title: 'Brief',
      stories: [
        {
          headline: 'Story',
          lede: `A [link](${leak}).`,
          image: { src: 'https://images.example.com/{{email}}.png', alt: 'A', href: leak },
          source: { url: leak },
        },
      ],
      sponsor: { headline: 'S', url: leak },
    };
    const { html, text } = guarded.render(input);
    const document = parseDocument(html);
    const urls = [
      ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
      ...[...document.querySelectorAll('img[src]')].map((img) => img.getAttribute('src') ?? ''),
    ];
    // The lede's link, the image's link and src, the source and the sponsor.
    expect(urls).toHaveLength(5);
    for (const url of urls) {
      expect(url.match(parseable)).toBeNull();
      expect(url).not.toContain('|');
    }
    expect(text.match(parseable)).toBeNull();
    const link = urls.find((url) => url.startsWith('https://collect.example.com/'));
    expect(link).toBe(
      'https://collect.example.com/p?e=%7B%7Bemail%7D%7D&m=%25recipient.email%25&n=*%7CEMAIL%7C*',
    );
    const params = new URL(link as string).searchParams;
    expect([params.get('e'), params.get('m'), params.get('n')]).toEqual([
      '{{email}}',
      '%recipient.email%',
      '*|EMAIL|*',
    ]);
    expect(urls).toContain('https://images.example.com/%7B%7Bemail%7D%7D.png');
  });

  it('adds tracking params after neutralizing: the renderer’s own params are not touched', async () => {
    const tracked = await createRenderer({
      neutralizeMergeSyntax: true,
      linkParams: { utm_source: 'brief' },
    });
    const { html } = tracked.render({
      title: 'B',
      stories: [{ headline: 'S', source: { url: 'https://x.example/{{a}}' } }],
    });
    expect(html).toContain('href="https://x.example/%7B%7Ba%7D%7D?utm_source=brief"');
  });

  it('any mix of delimiters and text comes out inert and reads the same (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('{', '}', '%', '*', '|', '<', '>', '$', '#', '**', '_', ' ', 'a', 'name', '.', '\n'),
      fc.constantFrom(...syntax),
    );
    const field = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => `x${parts.join('')}`);
    fc.assert(
      fc.property(field, field, (lede, bullet) => {
        const input: Briefing = {
          title: 'Brief',
          stories: [{ headline: 'Story', lede, whatsNext: [bullet] }],
        };
        const guardedResult = guarded.render(input);
        const plainResult = plain.render(input);
        expect(guardedResult.text.replace(joiner, '')).toBe(plainResult.text);
        expect(readable(guardedResult.html).text.replace(joiner, '')).toBe(readable(plainResult.html).text);
        expect(guardedResult.text.match(parseable)).toBeNull();
        expect(storyHtml(guardedResult.html).match(parseable)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('is checked when the renderer is created', async () => {
    const error = await createRenderer({ neutralizeMergeSyntax: 'yes' as unknown as boolean }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(NewsbriefError);
    expect((error as Error).message).toBe(
      'Option neutralizeMergeSyntax: expected true or false, found string "yes".',
    );
  });
});
