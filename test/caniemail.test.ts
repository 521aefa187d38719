/**
 * Client support, judged by caniemail.com's data (npm `caniemail`) on the rendered examples. Every
 * error caniemail reports must be either on the explicit list below, with the reason it is harmless,
 * or, for Outlook on Windows, something MJML's own skeleton already emits.
 */
import { type CanIEmailResult, caniemail } from 'caniemail';
import mjml2html from 'mjml';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleNames, renderExample } from './support/fidelity.js';

interface Finding {
  client: string;
  title: string;
  /** The source text caniemail points at (a declaration, a style attribute or a rule). */
  source: string;
}

/**
 * Dark-mode features that clients without dark-mode support skip: they then show the light design,
 * which is what the colours are chosen for. Gmail additionally strips `prefers-color-scheme` queries.
 */
const darkModeExceptions: Record<string, string> = {
  'color-scheme meta tag': 'asks clients for a dark rendering; ignored where unsupported',
  'color-scheme CSS property':
    'the same request in CSS (`:root { color-scheme }`); ignored where unsupported',
  '@media (prefers-color-scheme)': 'the dark palette; clients without it show the light design',
  'Attribute selector':
    "Outlook.com's [data-ogsc]/[data-ogsb] dark-mode overrides; only Outlook.com adds those attributes",
};

/**
 * caniemail matches CSS property names by substring, so `text-transform` (supported by every
 * client checked here) is reported as `transform`. Accepted only when the source really is
 * `text-transform` and holds no `transform` property of its own.
 */
function isTextTransformFalsePositive(finding: Finding): boolean {
  return (
    finding.title === 'transform' &&
    /text-transform\s*:/.test(finding.source) &&
    !/(^|[^-\w])transform\s*:/.test(finding.source)
  );
}

function findings(result: CanIEmailResult, html: string): Finding[] {
  const lines = html.split('\n');
  const out: Finding[] = [];
  for (const [client, issues] of result.issues.errors) {
    for (const issue of issues ?? []) {
      const { start, end } = issue.position ?? { start: undefined, end: undefined };
      let source = '';
      if (start && end && start.line === end.line)
        source = lines[start.line - 1]?.slice(start.column - 1, end.column) ?? '';
      else if (start && end) source = lines.slice(start.line - 1, end.line).join('\n');
      out.push({ client, title: issue.title, source });
    }
  }
  return out;
}

function unexpected(list: Finding[], allowed: ReadonlySet<string> = new Set()): string[] {
  const left = list.filter(
    (f) => !(f.title in darkModeExceptions) && !isTextTransformFalsePositive(f) && !allowed.has(f.title),
  );
  return [...new Set(left.map((f) => `${f.client}: ${f.title} (${f.source.slice(0, 120)})`))];
}

/** Without <style>, as Gmail's mobile web client shows it. */
function withoutStyleBlocks(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
}

/**
 * What MJML's own skeleton costs in Outlook for Windows, recorded by running caniemail on a minimal
 * document compiled with the installed mjml: `outline` (its img reset), `@media` and the
 * `.moz-text-html .mj-column-per-100` chaining (responsive columns Outlook ignores), `word-spacing`
 * on <body>, `border-spacing`, and `opacity`/`overflow` from `<mj-preview>` (the hidden preheader;
 * Outlook hides it with `mso-hide:all`). Recomputed on every run so an mjml upgrade updates it.
 */
const mjmlBaselineSource = `<mjml><mj-head><mj-title>t</mj-title><mj-preview>p</mj-preview></mj-head><mj-body>
<mj-section><mj-column><mj-text>x</mj-text><mj-image src="https://example.com/a.png" alt="a" /></mj-column></mj-section>
</mj-body></mjml>`;
const recordedMjmlBaseline = [
  '@media',
  'Chaining selectors',
  'border-spacing',
  'opacity',
  'outline',
  'overflow',
  'word-spacing',
];

describe('caniemail: client support of the rendered examples', () => {
  let mjmlBaseline: Set<string>;

  beforeAll(async () => {
    const { html } = await mjml2html(mjmlBaselineSource, { validationLevel: 'strict' });
    const result = caniemail({ clients: ['outlook.windows'], html });
    mjmlBaseline = new Set(findings(result, html).map((f) => f.title));
  });

  it('MJML skeleton baseline for Outlook on Windows matches the recorded set', () => {
    expect([...mjmlBaseline].sort()).toEqual(recordedMjmlBaseline);
  });

  describe.each(exampleNames)('%s', (name) => {
    let html: string;
    beforeAll(async () => {
      ({ html } = await renderExample(name));
    });

    it('Gmail (web, iOS, Android): no errors beyond the dark-mode exceptions', () => {
      const clients = ['gmail.desktop-webmail', 'gmail.ios', 'gmail.android'] as const;
      expect(unexpected(findings(caniemail({ clients: [...clients], html }), html))).toEqual([]);
    });

    it('Gmail mobile web: with <style> removed, only the preheader fallbacks remain', () => {
      const bare = withoutStyleBlocks(html);
      // display:none and opacity:0 on the preheader: unsupported there, but its max-height:0,
      // max-width:0 and overflow:hidden (all supported) still hide it (checked in browser.test.ts).
      const list = findings(caniemail({ clients: ['gmail.mobile-webmail'], html: bare }), bare);
      const preheaderOnly = list.filter((f) => ['display:none', 'opacity'].includes(f.title));
      for (const f of preheaderOnly) expect(f.source).toContain('max-height:0');
      expect(unexpected(list, new Set(['display:none', 'opacity']))).toEqual([]);
    });

    it('Apple Mail (macOS, iOS): no errors beyond the dark-mode exceptions', () => {
      expect(unexpected(findings(caniemail({ clients: ['apple-mail.*'], html }), html))).toEqual([]);
    });

    it("Outlook on Windows: nothing beyond MJML's skeleton and the dark-mode exceptions", () => {
      expect(
        unexpected(findings(caniemail({ clients: ['outlook.windows'], html }), html), mjmlBaseline),
      ).toEqual([]);
    });
  });
});
