/** `renderWebPage`: one edition's web page, with the page's options and the ones it shares with the email. */
import type { Briefing, Story } from '../model.js';
import { linkTracker } from '../normalize/edition.js';
import { copyGuard } from '../normalize/merge-syntax.js';
import { resolveLabels } from '../render/labels.js';
import { checkBoolean, checkLinkParams, type RenderOptions } from '../render/renderer.js';
import { resolveTheme } from '../render/theme.js';
import { assertOptionsObject, checkKeys, type WebPageOptions, webPageOptionNames } from './options.js';
import { type WebPage, type WebPageRenderer, webPageRenderer } from './page.js';

/** Render options a web page shares with the email: the same theme, words and links. */
export type SharedRenderOptions = Pick<
  RenderOptions,
  'theme' | 'labels' | 'linkParams' | 'limits' | 'neutralizeMergeSyntax'
>;

/** Options of `renderWebPage`: where the page lives, and the options it shares with the email. */
export interface RenderWebPageOptions extends WebPageOptions, SharedRenderOptions {}

const sharedOptionNames = ['theme', 'labels', 'linkParams', 'limits', 'neutralizeMergeSyntax'] as const;
const optionNames: readonly string[] = [...webPageOptionNames, ...sharedOptionNames];

/** A web page renderer for the shared options; settles and checks each of them. */
function sharedRenderer(options: SharedRenderOptions): WebPageRenderer {
  return webPageRenderer({
    theme: resolveTheme(options.theme),
    labels: resolveLabels(options.labels),
    tracker: linkTracker(checkLinkParams(options.linkParams)),
    copy: copyGuard(checkBoolean('neutralizeMergeSyntax', options.neutralizeMergeSyntax)),
    limits: options.limits,
  });
}

let defaultRenderer: WebPageRenderer | undefined;

/**
 * Renders one edition's web page: a complete HTML5 document (semantic, responsive, light and
 * dark, printable, no JavaScript) with its canonical link, Open Graph and Twitter card tags and
 * JSON-LD. Stories render as in the email, through the same pipeline; story `n` is `#story-n`.
 * Without theme, labels, linkParams, limits or neutralizeMergeSyntax it reuses one default
 * renderer; with them it settles them for this call, so in a loop prefer
 * `createRenderer(options)` and `renderer.renderWebPage(input, { url })`.
 *
 * @example
 * const page = renderWebPage(briefing, {
 *   url: 'https://news.example.com/am/2026-03-14/',
 *   siteName: 'Example News',
 *   homeUrl: 'https://news.example.com/am/',
 * });
 * await writeFile('public/am/2026-03-14/index.html', page.html);
 */
export function renderWebPage(input: Briefing | Story, options: RenderWebPageOptions): WebPage {
  assertOptionsObject(options);
  checkKeys(options, optionNames, '');
  const { theme, labels, linkParams, limits, neutralizeMergeSyntax, ...page } = options;
  const shared = { theme, labels, linkParams, limits, neutralizeMergeSyntax };
  const custom = Object.values(shared).some((value) => value !== undefined);
  if (custom) return sharedRenderer(shared)(input, page);
  defaultRenderer ??= sharedRenderer({});
  return defaultRenderer(input, page);
}
