/**
 * Reader tokens through the whole pipeline: every text field keeps them whole (inline Markdown,
 * `neutralizeMergeSyntax`, text wrapping, the derived preheader), `readerTokenKeys` and
 * `mapReaderTokens` find every one of them, and malformed tokens are validation errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Briefing,
  createRenderer,
  mapReaderTokens,
  type ReaderToken,
  readerTokenKeys,
  validateBriefing,
} from '../src/index.js';
import { readerEdition } from './readers-fixture.js';
import { parseDocument } from './support/fidelity.js';

const renderer = await createRenderer();
const guarded = await createRenderer({ neutralizeMergeSyntax: true });

/** What starts a token, and a whole token: every start must begin a whole one. */
const tokenStart = /\{\{reader\./g;
const wholeToken = /\{\{reader\.[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*(?:\|[^{}\r\n]*)?\}\}/g;

function expectWhole(value: string): void {
  expect(value.match(wholeToken)?.length ?? 0).toBe(value.match(tokenStart)?.length ?? 0);
}

const parts = ['html', 'text', 'subject', 'preheader'] as const;

describe('reader tokens in a rendered edition', () => {
  const result = renderer.render(readerEdition());

  it('lists the keys in order of first appearance', () => {
    expect(readerTokenKeys(result)).toEqual(['first_name', 'city', 'email', 'unsubscribeUrl']);
  });

  it('keeps every token whole in every part', () => {
    for (const part of parts) expectWhole(result[part]);
    expect(result.subject).toBe('{{reader.first_name|Your brief}}: cities race to cool the grid');
  });

  it('replaces every token in every part, and tells the part and the fallback', () => {
    const seen: [string, ReaderToken][] = [];
    const mapped = mapReaderTokens(result, (token, part) => {
      seen.push([part, token]);
      return `%recipient.${token.key}%`;
    });
    for (const part of parts) expect(mapped[part]).not.toContain('{{reader.');
    expect(mapped.subject).toBe('%recipient.first_name%: cities race to cool the grid');
    expect(mapped.text).toContain('In %recipient.city%:');
    expect(mapped.text).toContain('Unsubscribe: %recipient.unsubscribeUrl%');
    const inHtml = seen.filter(([part]) => part === 'html').map(([, token]) => token);
    expect(inHtml).toContainEqual({ key: 'unsubscribeUrl', fallback: undefined, url: true });
    expect(inHtml).toContainEqual({ key: 'city', fallback: 'your city', url: false });
    // The link label's token: inside the link, not in its URL.
    const document = parseDocument(mapped.html);
    const fuel = [...document.querySelectorAll('a')].find((a) => a.getAttribute('href')?.includes('/fuel'));
    expect(fuel?.textContent).toBe('%recipient.city% fuel prices');
    const unsubscribe = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Unsubscribe');
    expect(unsubscribe?.getAttribute('href')).toBe('%recipient.unsubscribeUrl%');
  });

  it('counts each token in html as often as the copy holds it', () => {
    const counts = new Map<string, number>();
    mapReaderTokens(result, ({ key }, part) => {
      if (part === 'text') counts.set(key, (counts.get(key) ?? 0) + 1);
      return '';
    });
    // greeting, lede, byline (first_name); what's next, label, text, bullet (city); footer (email, unsubscribe).
    expect(Object.fromEntries(counts)).toEqual({ first_name: 3, city: 4, email: 1, unsubscribeUrl: 1 });
  });

  it('gives the fallback unescaped in every part, though the html holds it escaped', () => {
    const briefing: Briefing = {
      title: 'Brief',
      greeting: `Hello {{reader.name|friend & "neighbour" <you> = it's}}!`,
      stories: [{ headline: 'A story' }],
    };
    const rendered = renderer.render(briefing);
    expect(rendered.html).toContain('{{reader.name|friend &amp; &quot;neighbour&quot; &lt;you&gt;');
    const fallbacks = new Set<string | undefined>();
    mapReaderTokens(rendered, ({ fallback }) => {
      fallbacks.add(fallback);
      return '';
    });
    expect([...fallbacks]).toEqual([`friend & "neighbour" <you> = it's`]);
  });

  it('maps a result without tokens to the same text', () => {
    const plain = renderer.render({ title: 'Brief', stories: [{ headline: 'No tokens {{here}}' }] });
    expect(readerTokenKeys(plain)).toEqual([]);
    const mapped = mapReaderTokens(plain, () => 'never');
    for (const part of parts) expect(mapped[part]).toBe(plain[part]);
  });
});

describe('inline Markdown around and inside tokens', () => {
  const html = (text: string) => {
    const result = renderer.render({ title: 'T', stories: [{ headline: 'H', lede: text }] });
    const paragraphs = [...parseDocument(result.html).querySelectorAll('p')].map((p) => p.innerHTML);
    return paragraphs.find((p) => p.includes('reader')) ?? '';
  };

  it.each([
    [
      'Hi {{reader.first_name}} and {{reader.last_name}}',
      'Hi {{reader.first_name}} and {{reader.last_name}}',
    ],
    ['Hi {{reader._first_}} _x_', 'Hi {{reader._first_}} <em>x</em>'],
    ['Hi {{reader.a|_you_}}, *this* matters', 'Hi {{reader.a|_you_}}, <em>this</em> matters'],
    ['Hi *{{reader.a|**x*}}*', 'Hi <em>{{reader.a|**x*}}</em>'],
    ['**{{reader.first_name}}**, look', '<strong>{{reader.first_name}}</strong>, look'],
    ['[{{reader.a|see [this]}}](https://example.com/x)', '<a href="https://example.com/x"'],
    ['_a {{reader.b|c_}} d_', '<em>a {{reader.b|c_}} d</em>'],
  ])('%s', (text, expected) => {
    expect(html(text)).toContain(expected);
  });
});

describe('neutralizeMergeSyntax', () => {
  it('leaves reader tokens live and neutralizes ESP syntax around them and in fallbacks', () => {
    const result = guarded.render({
      title: 'T',
      subject: '{{reader.first_name|Hi}} {{ subscriber.email }}',
      stories: [{ headline: 'H', lede: 'For {{reader.name|*|FNAME|*}} {{email}} {{{reader.x}}}' }],
    });
    expect(readerTokenKeys(result)).toEqual(['first_name', 'name', 'x']);
    // A run's last `}` gets a joiner too (the next run could start with its partner).
    expect(result.subject).toBe('{{reader.first_name|Hi}} {\u2060{ subscriber.email }\u2060}\u2060');
    const fallbacks: (string | undefined)[] = [];
    mapReaderTokens(result, ({ fallback }, part) => {
      if (part === 'text') fallbacks.push(fallback);
      return '';
    });
    expect(fallbacks).toContain('*\u2060|FNAME|\u2060*\u2060');
    expect(result.text).toContain('{\u2060{email}\u2060}');
  });
});

describe('text wrapping and the derived preheader', () => {
  it('never splits a token whose fallback has spaces across lines', () => {
    const fallback = 'a reader of this newsletter who has not told us their name yet';
    const result = renderer.render({
      title: 'T',
      stories: [
        {
          headline: 'H',
          lede: `${'Word '.repeat(12)}{{reader.first_name|${fallback}}} ${'word '.repeat(20)}`,
          sections: [{ label: 'Bullets', bullets: [`${'x '.repeat(30)}{{reader.city|${fallback}}}`] }],
        },
      ],
    });
    expect(result.text).toContain(`{{reader.first_name|${fallback}}}`);
    expect(result.text).toContain(`{{reader.city|${fallback}}}`);
  });

  it('cuts the preheader before a token, never inside one', () => {
    const lede = `${'Word '.repeat(17)}{{reader.first_name|dear reader of the brief}} and the rest of the lede.`;
    const result = renderer.render({ title: 'T', stories: [{ headline: 'H', lede }] });
    expect(result.preheader.endsWith('…')).toBe(true);
    expectWhole(result.preheader);
    expect(result.preheader).not.toContain('{{reader');
  });

  it('keeps tokens whole at any position and width (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('word', 'a', 'longerword', '{{reader.n|x y z}}', '{{reader.k}}', '**b**'), {
          minLength: 1,
          maxLength: 60,
        }),
        (words) => {
          const lede = words.join(' ');
          const result = renderer.render({
            title: 'T',
            stories: [{ headline: 'H', lede, sections: [{ label: 'L', bullets: [lede] }] }],
          });
          for (const part of parts) expectWhole(result[part]);
          expect(result.text.match(wholeToken)?.length ?? 0).toBe(2 * (lede.match(wholeToken)?.length ?? 0));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('validation', () => {
  const issues = (briefing: unknown) => {
    const checked = validateBriefing(briefing);
    return checked.success ? [] : checked.error.issues;
  };

  it.each([
    ['{{reader.}}', 'stories[0].lede'],
    ['Hi {{reader.a|', 'stories[0].lede'],
    ['Hi {{ reader.a }}', 'stories[0].lede'],
    ['Hi {{Reader.a}}', 'stories[0].lede'],
    ['Hi {{reader.a..b}}', 'stories[0].lede'],
    ['Hi {{reader.a|x{y}}', 'stories[0].lede'],
  ])('refuses %j, naming the field', (lede, path) => {
    const found = issues({ title: 'T', stories: [{ headline: 'H', lede }] });
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe(path);
    expect(found[0]?.message).toMatch(/^expected a reader token \{\{reader\.KEY\}\}.*found "/);
  });

  it('refuses tokens in link URLs, image sources and partial footer URLs', () => {
    const found = issues({
      title: 'T',
      stories: [
        {
          headline: 'H',
          lede: '[x](https://example.com/?u={{reader.id}})',
          image: { src: 'https://img.example.com/{{reader.id}}.png', alt: 'a' },
        },
      ],
      footer: {
        unsubscribeUrl: 'https://example.com/u?id={{reader.id}}',
        preferencesUrl: '{{reader.prefs}}',
      },
    });
    expect(found.map((issue) => issue.path)).toEqual([
      'stories[0].lede',
      'stories[0].image.src',
      'footer.unsubscribeUrl',
    ]);
    for (const issue of found) expect(issue.message).toContain('without reader tokens');
  });

  it('accepts tokens in every text field', () => {
    expect(issues(readerEdition())).toEqual([]);
  });
});
