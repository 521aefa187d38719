/**
 * createRenderer / renderBriefing: validate → edition → template view → html, plus text, stats
 * and warnings. All template work (MJML, juice, Handlebars compile) happens in createRenderer;
 * `render` only walks data, so one renderer serves any number of editions.
 */
import { type EditionPress, mergeEditionOptions, renderEditionSet } from '../editions/render.js';
import type { EditionResult, EditionSet } from '../editions/set.js';
import { StoryShare } from '../editions/share.js';
import { NewsbriefError } from '../errors.js';
import { isStandaloneStory, lintRules, lintValidated } from '../lint/index.js';
import { resolveRules } from '../lint/rules.js';
import type { LintOptions, LintWarning } from '../lint/types.js';
import { footerListUnsubscribe, type ListUnsubscribe } from '../mail.js';
import type { Briefing, Story } from '../model.js';
import { linkTracker, toEdition } from '../normalize/edition.js';
import { memoizeString } from '../normalize/memo.js';
import { copyGuard } from '../normalize/merge-syntax.js';
import { assertBriefing, type BriefingLimits, describe } from '../schema.js';
import type { WebPageOptions } from '../web/options.js';
import { type WebPage, type WebRenderSettings, webPageRenderer } from '../web/page.js';
import { utf8Length } from './bytes.js';
import { type Labels, resolveLabels } from './labels.js';
import { countLine, type EditionStats, editionStats } from './stats.js';
import { writtenBytes } from './template-runtime.js';
import { loadTemplate, type TemplateCompiler, type TemplateFn, type TemplatesOption } from './templates.js';
import { renderText } from './text.js';
import { type ResolvedTheme, resolveTheme, type Theme } from './theme.js';
import { checkToc } from './toc.js';
import { inlineHtmlFor, templateView } from './view.js';
import { styleWarnings } from './warnings.js';

/** Options shared by `createRenderer` and `renderBriefing`. */
export interface RenderOptions {
  /** Brand tokens; colours are hex, `width` 480–800 px. */
  theme?: Theme;
  /**
   * Template overrides: a folder of `*.mjml` / `*.html` / `*.css` partials, or partial sources by
   * name (`{ footer: '<mj-text>…</mj-text>' }`). Missing partials fall back to the defaults.
   * `layout` holds the one `mj-section`; masthead, story, sponsor and footer are `mj-text` rows in it.
   * Compiled once, when the renderer is created, with MJML and juice: on Node only, with the
   * optional peers installed (`npm install mjml juice html-minifier-terser handlebars`).
   *
   * Or a module compiled ahead of time by `newsbrief build-templates <folder> -o brand.js`: pass
   * its default export. That needs no MJML at run time, so it works in browsers and edge workers.
   */
  templates?: TemplatesOption;
  /**
   * Query parameters added to every http(s) link in stories, sources, images and the sponsor
   * (not to mailto:, merge tags, unsubscribe or preferences links). Existing parameters win.
   * @example { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'am-2026-03-14' }
   */
  linkParams?: Record<string, string>;
  /**
   * Minify the HTML (html-minifier-terser at template-compile time; MSO conditional comments kept).
   * `false` gives readable HTML for debugging; it compiles the templates with MJML when the
   * renderer is created, as overrides and non-default widths do (Node, with the optional peers).
   * Ignored for compiled template modules, which were minified (or not) when built.
   * @default true
   */
  minify?: boolean;
  /**
   * Built-in text (count line, "Go deeper", "Unsubscribe", table-of-contents heading…), English
   * by default: translate it for editions in other languages.
   */
  labels?: Labels;
  /** Input size limits (stories, sections, bullets, characters per field). */
  limits?: BriefingLimits;
  /**
   * Brevity lint settings for `RenderResult.warnings` (see `lintBriefing`), or `false` to report
   * only size warnings.
   * @default {} (every rule at its default threshold)
   */
  lint?: LintOptions | false;
  /**
   * A table of contents under the masthead: the story headlines, each linking to its story
   * (`#story-1`, …), in html and text. `true` shows it in editions of `minStories` (4) or more
   * stories; `{ minStories: n }` sets that threshold. Anchor links work in Apple Mail, iOS Mail and
   * Gmail on the web; other clients show the list without jumping.
   * @default false
   * @example { toc: { minStories: 5 } }
   */
  toc?: boolean | { minStories?: number };
  /**
   * For copy from less-trusted contributors: ESP template syntax in the briefing (`{{ }}`,
   * `{% %}`, `*| |*`, `%% %%`, `%name%`, `<% %>`, `${ }`) is made inert. In text an invisible word
   * joiner (U+2060) goes inside each delimiter, so readers see the same characters and no ESP
   * parses them; in story URLs the delimiter characters are percent-encoded. The footer is left as
   * written: its merge tags (unsubscribe URLs, `*|LIST:ADDRESSLINE|*`) are the sender's own. Without
   * this option the ESP merges whatever syntax the copy holds (see docs/security.md).
   * @default false
   * @example await createRenderer({ neutralizeMergeSyntax: true })
   */
  neutralizeMergeSyntax?: boolean;
}

/** Everything needed to send one edition. */
export interface RenderResult {
  /** Complete HTML document, CSS inlined, ready to send. */
  html: string;
  /** Plain-text alternative of the same content. */
  text: string;
  subject: string;
  preheader: string;
  stats: EditionStats & { htmlBytes: number };
  /** Brevity and size warnings; never fatal. Computed when first read, then kept. */
  warnings: LintWarning[];
  /**
   * Extension of the contract: the footer's `unsubscribeUrl` when it is a real https (`url`) or
   * mailto: (`mailto`) URL, absent for merge tags. `toMailMessage` uses it for the
   * `List-Unsubscribe` header when its envelope names no `listUnsubscribe`.
   */
  listUnsubscribe?: ListUnsubscribe;
}

/** A compiled template set; `render` is synchronous and safe to call many times. */
export interface Renderer {
  render(input: Briefing | Story): RenderResult;
  /**
   * The edition's web page, with this renderer's theme, labels, linkParams, limits and
   * neutralizeMergeSyntax (see `renderWebPage`).
   * @example const page = renderer.renderWebPage(briefing, { url: 'https://news.example.com/am/2026-03-14/' });
   */
  renderWebPage(input: Briefing | Story, options: WebPageOptions): WebPage;
  /**
   * Renders every edition of an edition set, in the set's order, each byte-identical to `render`
   * of its flattened briefing (see `flattenEdition`) by a renderer with its options. Shared stories
   * are rendered once per distinct edition options. An edition's `options` may not change
   * `theme.width` (the template's layout): render such editions with a renderer of that width.
   * Throws `BriefingValidationError` naming paths such as `editions[3].stories[1]`.
   *
   * @example
   * for (const { id, result } of renderer.renderEditions(set)) await send(id, result);
   */
  renderEditions(set: EditionSet): EditionResult[];
}

/**
 * Compiles the templates once and returns a reusable renderer. With the default templates and
 * width this loads a template precompiled at build time: no MJML, no juice, no compiler.
 *
 * @example
 * const renderer = await createRenderer({ theme: { brandColor: '#c8102e' } });
 * const { html, text, subject } = renderer.render(briefing);
 */
export function createRenderer(options: RenderOptions = {}): Promise<Renderer> {
  return createRendererWith(options, undefined);
}

/**
 * `createRenderer` with a template compiler: the Node build passes one (MJML + juice), the
 * portable build none, so there overrides must come compiled ahead of time.
 */
export async function createRendererWith(
  options: RenderOptions,
  compiler: TemplateCompiler | undefined,
): Promise<Renderer> {
  const { template, theme } = await loadFor(options, compiler);
  return rendererFor(options, template, theme);
}

/** The template for `options` and the theme it is laid out for. */
async function loadFor(
  options: RenderOptions,
  compiler: TemplateCompiler | undefined,
): Promise<{ template: TemplateFn; theme: ResolvedTheme }> {
  const requested = resolveTheme(options.theme);
  // A compiled module fixes the width it was laid out for; the theme takes it unless it names one.
  const { template, width } = await loadTemplate(
    options.templates,
    { width: options.theme?.width, minify: options.minify ?? true },
    compiler,
  );
  return { template, theme: width === requested.width ? requested : { ...requested, width } };
}

/**
 * The email half of a renderer. It holds no web page or edition set code, so a bundle that
 * imports `renderBriefing` alone (a browser's editor, say) leaves those out.
 */
interface EmailRenderer {
  render(input: Briefing | Story): RenderResult;
  /**
   * Renders a briefing already validated; with `share`, the parts of its shared stories come from
   * (or go to) that edition set's store.
   */
  renderValid(briefing: Briefing, standalone: boolean, share?: StoryShare): RenderResult;
  /** The settled options a web page renders with. */
  settings: Pick<WebRenderSettings, 'theme' | 'labels' | 'tracker' | 'copy'>;
}

/**
 * An email renderer for `options` on a loaded template; synchronous, so an edition set's
 * renderer can make one per distinct edition options (same template) while it renders.
 */
function emailRendererFor(options: RenderOptions, template: TemplateFn, theme: ResolvedTheme): EmailRenderer {
  const linkParams = checkLinkParams(options.linkParams);
  const tocMinStories = checkToc(options.toc);
  const labels = resolveLabels(options.labels);
  // Lint runs lazily, when warnings are read: settle and check its settings now (where the caller
  // expects errors) rather than on every read.
  const lint = lintSettings(options.lint);
  resolveRules(lint);
  // Caches that live as long as the renderer: tracked links and inline html per parsed text.
  const tracker = linkTracker(linkParams);
  const copy = copyGuard(checkBoolean('neutralizeMergeSyntax', options.neutralizeMergeSyntax));
  const inlineHtml = inlineHtmlFor(theme);
  const contentWidth = theme.width - 48;

  const renderValid = (briefing: Briefing, standalone: boolean, share?: StoryShare): RenderResult => {
    const edition = toEdition(briefing, { contentWidth, labels, tracker, copy, shared: share });
    const stats = editionStats(edition, share?.wordCount);
    const toc = tocMinStories !== undefined && edition.stories.length >= tocMinStories;
    const view = templateView(edition, {
      theme,
      countLine: countLine(stats, edition.locale, labels.countLine),
      inlineHtml,
      toc,
      sharedView: share?.view,
    });
    const html = template(view);
    // The default template counts as it writes; an override is measured whole.
    const htmlBytes = writtenBytes(html) ?? utf8Length(html);
    const listUnsubscribe = unsubscribeOf(briefing.footer?.unsubscribeUrl);
    let warnings: LintWarning[] | undefined;
    return {
      html,
      text: renderText(edition, stats, { toc, sharedText: share?.text }),
      subject: edition.subject,
      preheader: edition.preheader,
      stats: { ...stats, htmlBytes },
      ...(listUnsubscribe ? { listUnsubscribe } : {}),
      // Computed on first read, then kept: lint is a third of a render, and a service rendering
      // an edition per segment rarely reads it. A getter in the literal is an own, enumerable
      // property (spreading, JSON.stringify and structuredClone read it) and keeps the object's
      // shape fixed, as defining it afterwards would not.
      get warnings() {
        warnings ??= [...lintValidated(briefing, standalone, { ...lint, htmlBytes }), ...styleWarnings(html)];
        return warnings;
      },
    };
  };

  return {
    render(input) {
      const briefing = assertBriefing(input, { limits: options.limits });
      return renderValid(briefing, isStandaloneStory(input), undefined);
    },
    renderValid,
    settings: { theme, labels, tracker, copy },
  };
}

/** A full renderer: the email renderer, the web page with the same settings, and edition sets. */
function rendererFor(options: RenderOptions, template: TemplateFn, theme: ResolvedTheme): Renderer {
  const email = emailRendererFor(options, template, theme);
  // The parts of an edition set's shared stories, kept as long as the renderer.
  const share = new StoryShare();
  const renderWebPage = webPageRenderer({ ...email.settings, limits: options.limits });

  const variants = new Map<string, EditionPress>();
  const press: EditionPress = {
    limits: options.limits,
    share,
    render: (briefing) => email.renderValid(briefing, false, share),
    variant(editionOptions) {
      const key = JSON.stringify(editionOptions);
      let variant = variants.get(key);
      if (variant === undefined) {
        const merged = mergeEditionOptions(options, editionOptions, theme.width);
        variant = pressOf(rendererFor(merged, template, resolveTheme(merged.theme)));
        // Bounded: a set of this many distinct options is already unusual.
        if (variants.size >= 256) variants.clear();
        variants.set(key, variant);
      }
      return variant;
    },
  };
  const renderer: Renderer = {
    renderWebPage,
    render: email.render,
    renderEditions: (set) => renderEditionSet(press, set),
  };
  presses.set(renderer, press);
  return renderer;
}

/** Each renderer's edition press, for its variants (see `rendererFor`). */
const presses = new WeakMap<Renderer, EditionPress>();

/** A renderer's edition press (its kept parts, for tests that prove the sharing). */
export function pressOf(renderer: Renderer): EditionPress {
  return presses.get(renderer) as EditionPress;
}

/**
 * The renderer's lint settings. `false` still keeps `html-size`: a clipped email hides the
 * unsubscribe link.
 */
function lintSettings(lint: LintOptions | false | undefined): LintOptions {
  if (lint !== false) return lint ?? {};
  return {
    rules: Object.fromEntries(lintRules.map(({ name }) => [name, name === 'html-size' ? {} : 'off'])),
  };
}

/** Checks `RenderOptions.linkParams` (shared with `renderWebPage`). */
export function checkLinkParams(
  params: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (params === undefined) return undefined;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new NewsbriefError(
      `Option linkParams: expected an object of name → value strings, found ${describe(params)}.`,
    );
  }
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || name === '') {
      throw new NewsbriefError(
        `Option linkParams.${name}: expected a string value, found ${describe(value)}.`,
      );
    }
  }
  return { ...params };
}

/** Checks a true/false option (shared with `renderWebPage`). */
export function checkBoolean(name: string, value: unknown): boolean {
  if (value === undefined || typeof value === 'boolean') return value === true;
  throw new NewsbriefError(`Option ${name}: expected true or false, found ${describe(value)}.`);
}

/** The footer's List-Unsubscribe target, by URL: every edition of a list names the same one. */
const footerTarget = memoizeString(footerListUnsubscribe, 256);

function unsubscribeOf(unsubscribeUrl: string | undefined): ListUnsubscribe | undefined {
  if (unsubscribeUrl === undefined) return undefined;
  const target = footerTarget(unsubscribeUrl);
  // A copy per result: a caller may change its own result's fields.
  return target && { ...target };
}

/** The default renderers, made once per process (the default template needs no compiler). */
let defaultEmailRenderer: Promise<EmailRenderer> | undefined;
let defaultRenderer: Promise<Renderer> | undefined;

/**
 * Renders one briefing (or a single story). Without options it reuses one cached default renderer;
 * with options it compiles a renderer for this call, so prefer `createRenderer` in a loop.
 *
 * @example
 * const { html, text, subject, warnings } = await renderBriefing(briefing);
 */
export function renderBriefing(input: Briefing | Story, options?: RenderOptions): Promise<RenderResult> {
  return renderOnce(input, options, undefined);
}

/**
 * One render with an email renderer made for these options, or the default one when there are
 * none. Shared by the portable and Node builds' `renderBriefing`, each with its compiler.
 */
export async function renderOnce(
  input: Briefing | Story,
  options: RenderOptions | undefined,
  compiler: TemplateCompiler | undefined,
): Promise<RenderResult> {
  const create = async (settled: RenderOptions) => {
    const { template, theme } = await loadFor(settled, compiler);
    return emailRendererFor(settled, template, theme);
  };
  if (options !== undefined && Object.keys(options).length > 0) return (await create(options)).render(input);
  defaultEmailRenderer ??= create({});
  return (await defaultEmailRenderer).render(input);
}

/**
 * Renders every edition of an edition set, in order: `{ id, result }` for each, where `result` is
 * what `renderBriefing(flattenEdition(set, id), editionRenderOptions(set, id, options))` gives, byte
 * for byte. Stories from the set's shared pool are rendered once per distinct edition options and
 * spliced into every edition that shows them. Rejects with `BriefingValidationError` naming paths
 * such as `editions[3].stories[1]`, `stories[2].headline` or `defaults.footer.unsubscribeUrl`.
 *
 * @example
 * for (const { id, result } of await renderEditions(set, { linkParams: { utm_medium: 'email' } }))
 *   await send(id, result);
 */
export function renderEditions(set: EditionSet, options?: RenderOptions): Promise<EditionResult[]> {
  return renderEditionsOnce(set, options, undefined);
}

/** One set rendered by a renderer made for these options, or the default one (made once). */
export async function renderEditionsOnce(
  set: EditionSet,
  options: RenderOptions | undefined,
  compiler: TemplateCompiler | undefined,
): Promise<EditionResult[]> {
  if (options !== undefined && Object.keys(options).length > 0)
    return (await createRendererWith(options, compiler)).renderEditions(set);
  defaultRenderer ??= createRendererWith({}, compiler);
  return (await defaultRenderer).renderEditions(set);
}
