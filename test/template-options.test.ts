/**
 * The compile options of src/node/template-options.ts, as template authors meet them: a call to
 * a helper that does not exist fails when the renderer is created, naming the helper; a path
 * through a missing object still renders nothing in an override.
 */
import { describe, expect, it } from 'vitest';
import { createRenderer, NewsbriefError } from '../src/node/index.js';

const briefing = {
  title: 'Morning Brief',
  stories: [{ headline: 'Fed holds rates', lede: 'The Fed held.' }],
};

describe('template compile options', () => {
  it('rejects an override that calls an unknown helper when the renderer is created', async () => {
    const created = createRenderer({ templates: { footer: '<mj-text>{{shout footer.textHtml}}</mj-text>' } });
    await expect(created).rejects.toThrow(NewsbriefError);
    await expect(created).rejects.toThrow(/unknown helper shout/);
    // Named by its partial and its own line, not a line of the compiled email.
    await expect(created).rejects.toThrow(/^Template partial "footer" failed to compile: .*shout - 1:9$/);
  });

  it('renders nothing for a path through a missing object in an override', async () => {
    const renderer = await createRenderer({
      templates: { footer: '<mj-text><p class="probe">[{{sponsor.headlineHtml}}]</p></mj-text>' },
    });
    expect(renderer.render(briefing).html).toMatch(/<p class="probe"[^>]*>\[\]<\/p>/);
  });

  it('keeps built-in helpers and @data in overrides', async () => {
    const renderer = await createRenderer({
      templates: {
        footer:
          '<mj-text><p class="probe">{{#each stories}}{{#unless @first}}, {{/unless}}{{@index}}:{{{headlineHtml}}}{{/each}} {{lookup theme "brandColor"}}</p></mj-text>',
      },
    });
    const html = renderer.render({
      ...briefing,
      stories: [...briefing.stories, { headline: 'Second' }],
    }).html;
    expect(html).toMatch(/<p class="probe"[^>]*>0:Fed holds rates, 1:Second #0b5cab<\/p>/);
  });
});
