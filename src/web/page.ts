/**
 * An edition's web page: validate → edition (the email's normalize pipeline: sugar → sections,
 * inline Markdown → safe html, links with linkParams) → web view → the page template, compiled at
 * build time from templates/web/. Synchronous, and portable like the email render.
 */
import type { Briefing, Story } from '../model.js';
import { derivePreheader, type Inline, type LinkTracker, toEdition } from '../normalize/edition.js';
import { memoizeByNodes } from '../normalize/inline.js';
import type { CopyGuard } from '../normalize/merge-syntax.js';
import { utf8Length } from '../render/bytes.js';
import { inlineHtml } from '../render/html.js';
import type { ResolvedLabels } from '../render/labels.js';
import { countLine, type EditionStats, editionStats } from '../render/stats.js';
import type { ResolvedTheme } from '../render/theme.js';
import { checkToc } from '../render/toc.js';
import { assertBriefing, type BriefingLimits } from '../schema.js';
import { renderPage } from './generated/page.js';
import { resolveWebPage, type WebPageOptions } from './options.js';
import { webPageView } from './view.js';

/** One edition's web page. */
export interface WebPage {
  /** The complete HTML5 document: one inline stylesheet, no script but the JSON-LD data. */
  html: string;
  /** The page's canonical URL (the `url` option). */
  url: string;
  /** The page's `<title>`: the edition's subject and the site name. */
  title: string;
  /** The meta description: the preheader, or the first story's lede. */
  description: string;
  /** The share image (`og:image`): the first story image, when there is one. */
  image?: string;
  /** The edition's counts, as in `RenderResult.stats`, with the page's size in bytes. */
  stats: EditionStats & { htmlBytes: number };
}

/** What a web page shares with the email render: set once per renderer. */
export interface WebRenderSettings {
  theme: ResolvedTheme;
  labels: ResolvedLabels;
  tracker: LinkTracker;
  copy: CopyGuard;
  limits?: BriefingLimits;
}

/** Renders web pages with the settings of one renderer. */
export type WebPageRenderer = (input: Briefing | Story, options: WebPageOptions) => WebPage;

/** A web page renderer for these settings; the caches it makes live as long as it does. */
export function webPageRenderer(settings: WebRenderSettings): WebPageRenderer {
  const { theme, labels, tracker, copy } = settings;
  // The page's stylesheet colours links: no inline style on each.
  const html = memoizeByNodes((nodes: Inline) => inlineHtml(nodes, ''));
  const contentWidth = theme.width - 48;
  return (input, options) => {
    const page = resolveWebPage(options);
    const tocMinStories = checkToc(page.toc);
    const briefing = assertBriefing(input, { limits: settings.limits });
    const edition = toEdition(briefing, { contentWidth, labels, tracker, copy });
    const stats = editionStats(edition);
    // A page without a description gets a poorer search snippet: fall back to the first lede.
    const description = edition.preheader.trim()
      ? edition.preheader
      : copy.text(derivePreheader(briefing.stories[0] as Story));
    const view = webPageView(edition, briefing, {
      theme,
      page,
      description,
      countLine: countLine(stats, edition.locale, labels.countLine),
      toc: tocMinStories !== undefined && edition.stories.length >= tocMinStories,
      inlineHtml: html,
    });
    const out = renderPage(view);
    return {
      html: out,
      url: page.url,
      title: view.pageTitle,
      description,
      ...(view.shareImageUrl ? { image: view.shareImageUrl } : {}),
      stats: { ...stats, htmlBytes: utf8Length(out) },
    };
  };
}
