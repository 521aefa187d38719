/**
 * Template overrides: partials by name or from a folder, compiled once per renderer in its own
 * Handlebars environment; a broken override fails createRenderer naming the partial and line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Briefing, createRenderer, NewsbriefError, renderBriefing } from '../src/node/index.js';
import { loadExample, parseDocument } from './support/fidelity.js';

const briefing = (): Briefing => ({
  ...loadExample('morning-edition'),
  sponsor: {
    label: 'A message from Acme Solar',
    headline: 'Power through the peak',
    text: 'Home batteries that pay for themselves.',
    url: 'https://acme-solar.example.com/plans',
    after: 2,
  },
});

/** A footer row with a signature line: reads `footer` and `@root` fields of the view. */
const footer = `<mj-text css-class="nb-t" padding="8px 24px 32px">
  <p class="nb-signoff">Thanks for reading {{@root.title}}. See you {{#if @root.dateLabel}}after {{@root.dateLabel}}{{else}}soon{{/if}}.</p>
  {{#with footer}}
  {{#if addressHtml}}<p class="nb-muted nb-address">{{{addressHtml}}}</p>{{/if}}
  <p class="nb-links">{{#each links}}<a class="nb-link" href="{{{href}}}">{{text}}</a>{{#unless @last}} | {{/unless}}{{/each}}</p>
  {{/with}}
</mj-text>`;

/** A story row that places the sponsor inside the story it follows, through a custom partial. */
const story = `<mj-text css-class="nb-t" padding="8px 24px 0">
  {{#if kickerHtml}}<p class="nb-kicker">{{{kickerHtml}}}</p>{{/if}}
  <h2 id="{{anchor}}">{{{headlineHtml}}}</h2>
  {{#if ledeHtml}}<p>{{{ledeHtml}}}</p>{{/if}}
  {{#if source.href}}<p class="nb-go"><a href="{{{source.href}}}">{{source.text}}</a></p>{{/if}}
  {{#if sponsorAfter}}{{#with @root.sponsor}}{{> partner}}{{/with}}{{/if}}
</mj-text>`;

const partner = `<div class="nb-partner" style="border-left:4px solid {{@root.theme.brandColor}};padding-left:12px;">
  <p class="nb-kicker">{{{labelHtml}}}</p>
  <p><strong>{{{headlineHtml}}}</strong> {{{textHtml}}}</p>
  {{#if href}}<p><a href="{{{href}}}">{{linkText}}</a></p>{{/if}}
</div>`;

describe.each([true, false])('template overrides (minify: %s)', (minify) => {
  it('replaces the footer from a record of partials', async () => {
    const renderer = await createRenderer({ minify, templates: { footer } });
    const { html, text } = renderer.render(briefing());
    const document = parseDocument(html);
    expect(document.querySelector('.nb-signoff')?.textContent).toBe(
      'Thanks for reading Morning Brief. See you after Saturday, March 14, 2026.',
    );
    expect(
      [...document.querySelectorAll('a.nb-link')].map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Unsubscribe', 'https://example.com/unsubscribe?list=am&u=8f3a'],
      ['Manage preferences', 'https://example.com/preferences?u=8f3a'],
    ]);
    // Everything else still comes from the defaults: masthead, stories, sponsor.
    expect(document.querySelector('h1')?.textContent).toBe('Morning Brief');
    expect(document.querySelectorAll('h2[id^="story-"]')).toHaveLength(5);
    expect(html).toContain('Power through the peak');
    // The text part does not depend on templates.
    expect(text).toBe((await renderBriefing(briefing())).text);
  });

  it('adds a custom partial included from an overridden story', async () => {
    const renderer = await createRenderer({
      minify,
      theme: { brandColor: '#c8102e' },
      templates: { story, partner, sponsor: '' },
    });
    const document = parseDocument(renderer.render(briefing()).html);
    const partners = [...document.querySelectorAll('.nb-partner')];
    expect(partners).toHaveLength(1);
    expect(partners[0]?.getAttribute('style')).toContain('border-left:4px solid #c8102e');
    expect([...(partners[0]?.querySelectorAll('p') ?? [])].map((p) => p.textContent)).toEqual([
      'A message from Acme Solar',
      'Power through the peak Home batteries that pay for themselves.',
      'Learn more: acme-solar.example.com',
    ]);
    // Placed inside the second story's row, right after its source link.
    const row = partners[0]?.parentElement;
    expect(row?.querySelector('h2')?.id).toBe('story-2');
    expect(document.querySelectorAll('.nb-num')).toHaveLength(0);
  });
});

describe('a folder of overrides', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsbrief-templates-'));
    await writeFile(join(dir, 'footer.mjml'), footer);
    await writeFile(join(dir, 'partner.html'), partner);
    await writeFile(join(dir, 'story.mjml'), story);
    await writeFile(join(dir, 'sponsor.mjml'), '');
    await writeFile(join(dir, 'notes.txt'), 'not a partial: ignored');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every .mjml / .html / .css file as the partial of that name', async () => {
    const renderer = await createRenderer({ templates: dir });
    const document = parseDocument(renderer.render(briefing()).html);
    expect(document.querySelector('.nb-signoff')).not.toBeNull();
    expect(document.querySelectorAll('.nb-partner')).toHaveLength(1);
  });

  it('names a missing folder', async () => {
    await expect(createRenderer({ templates: join(dir, 'nope') })).rejects.toThrow(
      /Option templates: expected a folder of partials, found no folder at .*nope/,
    );
  });
});

describe('broken overrides fail createRenderer', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    [
      'an unknown MJML element',
      { footer: '<mj-text css-class="nb-t">\n  <p>Bye</p>\n</mj-text>\n<mj-textt>oops</mj-textt>' },
      /MJML rejected the templates:\n {2}- partial "footer" line 4 \(<mj-textt>\): Element mj-textt doesn't exist/,
    ],
    [
      'an invalid MJML attribute',
      { footer: '<mj-text\n  css-class="nb-t"\n  padding="wide">Bye</mj-text>' },
      /partial "footer" line 1 \(<mj-text>\): Attribute padding has invalid value: wide/,
    ],
    [
      'an MJML error in a custom partial',
      {
        story: '<mj-text>{{{headlineHtml}}}</mj-text>\n{{> promo}}',
        promo: '\n\n<mj-button href="x" padding="big">Go</mj-button>',
      },
      /partial "promo" line 3 \(<mj-button>\): Attribute padding has invalid value: big/,
    ],
    [
      'an unknown partial',
      { story: '<mj-text css-class="nb-t">\n  <h2>{{{headlineHtml}}}</h2>\n  {{> sponsor-box}}\n</mj-text>' },
      /^Template partial "story" line 3 includes \{\{> sponsor-box\}\}, but no partial "sponsor-box" exists\.$/,
    ],
    [
      'an unclosed block',
      { footer: '<mj-text>\n  {{#if footer.textHtml}}\n  <p>{{{footer.textHtml}}}</p>\n</mj-text>' },
      /^Template partial "footer" has a Handlebars syntax error: Parse error on line 4:/,
    ],
    [
      'a broken expression',
      { masthead: '<mj-text>\n  <h1>{{title</h1>\n</mj-text>' },
      /^Template partial "masthead" has a Handlebars syntax error: Parse error on line 2:/,
    ],
    [
      'a partial that includes itself',
      { footer: '<mj-text>Bye</mj-text>\n{{> footer}}' },
      /Template partial "footer" includes itself: layout → footer → footer/,
    ],
    [
      'a non-string source',
      { footer: 42 as unknown as string },
      /Option templates\.footer: expected the partial's source as a string, found number/,
    ],
  ])('%s', async (_case, templates, message) => {
    const error = await createRenderer({ templates }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NewsbriefError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('isolation', () => {
  it('keeps two renderers with different overrides apart, in any order', async () => {
    const brief = briefing();
    const plain = await renderBriefing(brief);
    const [a, b] = await Promise.all([
      createRenderer({ templates: { footer } }),
      createRenderer({ templates: { story, partner, sponsor: '' } }),
    ]);
    const first = { a: a.render(brief).html, b: b.render(brief).html };
    const c = await createRenderer({
      templates: { footer: footer.replace('Thanks for reading', 'Cheers from') },
    });
    const htmlC = c.render(brief).html;

    expect(first.a).toContain('Thanks for reading');
    expect(first.a).not.toContain('nb-partner');
    expect(first.b).toContain('nb-partner');
    expect(first.b).not.toContain('Thanks for reading');
    expect(htmlC).toContain('Cheers from');
    expect(htmlC).not.toContain('Thanks for reading');
    // Creating c changed neither a nor b, nor the default renderer.
    expect(a.render(brief).html).toBe(first.a);
    expect(b.render(brief).html).toBe(first.b);
    expect((await renderBriefing(brief)).html).toBe(plain.html);
    expect(plain.html).not.toContain('nb-signoff');
  });
});
