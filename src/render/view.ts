/**
 * Edition → the data the compiled template reads. Fields ending in `Html` and every `href`/`src`
 * are already escaped (templates print them with `{{{ }}}`); all other strings are plain text
 * that Handlebars escapes (`{{ }}`). Story text can therefore never become markup.
 */
import type {
  Edition,
  EditionImage,
  EditionSection,
  EditionSponsor,
  EditionStory,
  Inline,
} from '../normalize/edition.js';
import { widthAt } from '../normalize/image-size.js';
import { inlinePlain, memoizeByNodes } from '../normalize/inline.js';
import { withoutJoiners } from '../normalize/merge-syntax.js';
import { hrefAttribute, inlineHtml } from './html.js';
import type { ResolvedTheme } from './theme.js';

/** Padding after the preheader: zero-width joiners and spaces that keep body text out of the inbox preview. */
export const preheaderTarget = 200;
/** The masthead shows the logo this many px high (templates/masthead.mjml). */
const logoHeight = 40;
const invisibleFiller = '\u034f\u200c\u00a0';

export function preheaderPadding(preheader: string): string {
  // Code points, counted only up to the target: no array of a long preheader's characters.
  // Word joiners from neutralized merge syntax show nothing, so they fill no preview space.
  let length = 0;
  for (const _char of withoutJoiners(preheader)) if (++length >= preheaderTarget) break;
  const missing = preheaderTarget - length;
  return invisibleFiller.repeat(Math.ceil(missing / invisibleFiller.length));
}

/**
 * Inline html for a theme (links carry its colour inline, for clients that drop `<style>`),
 * cached per parsed text: one renderer makes one and reuses it across renders.
 */
export function inlineHtmlFor(theme: ResolvedTheme): (nodes: Inline) => string {
  const linkStyle = `color:${theme.linkColor};text-decoration:underline;`;
  return memoizeByNodes((nodes) => inlineHtml(nodes, linkStyle));
}

export interface ViewSettings {
  theme: ResolvedTheme;
  /** The renderer's `inlineHtmlFor(theme)`; made here when absent. */
  inlineHtml?: (nodes: Inline) => string;
  countLine: string;
  /** Show the table of contents (the renderer decides from `RenderOptions.toc`). */
  toc?: boolean;
  /**
   * Keeps the view of stories that many editions show (see src/editions/share.ts): returns the
   * view `build` makes for this edition story, built once. Absent for single renders.
   */
  sharedView?: (story: EditionStory, build: () => StoryView) => StoryView;
}

export function templateView(edition: Edition, settings: ViewSettings) {
  const { theme } = settings;
  const html = settings.inlineHtml ?? inlineHtmlFor(theme);
  const image = (value: EditionImage | undefined) => value && imageCopy(value, html);
  const sponsorAfter = edition.sponsor?.after ?? 0;

  return {
    lang: edition.locale,
    dir: edition.dir,
    start: edition.dir === 'rtl' ? 'right' : 'left',
    end: edition.dir === 'rtl' ? 'left' : 'right',
    subject: edition.subject,
    title: edition.title,
    date: edition.date,
    dateLabel: edition.dateLabel,
    greetingHtml: html(edition.greeting),
    countLine: settings.countLine,
    webLink: edition.webLink && {
      text: edition.webLink.text,
      href: hrefAttribute(edition.webLink.href ?? ''),
    },
    preheader: edition.preheader,
    preheaderPadding: preheaderPadding(edition.preheader),
    toc: settings.toc
      ? {
          title: edition.labels.contents,
          items: edition.stories.map((story) => ({
            anchor: story.anchor,
            number: story.number,
            text: inlinePlain(story.headline),
          })),
        }
      : undefined,
    theme,
    logo: logoView(theme, edition.title),
    stories: edition.stories.map((story, index) => {
      const after = index + 1 === sponsorAfter;
      if (!settings.sharedView) return storyView(story, after, html);
      const view = settings.sharedView(story, () => storyView(story, false, html));
      // Spread over the kept view, so the keys stay in the order templates iterate them.
      return after ? { ...view, sponsorAfter: true } : view;
    }),
    sponsor: edition.sponsor && {
      ...sponsorCopy(edition.sponsor, html),
      image: image(edition.sponsor.image),
    },
    footer: {
      textHtml: html(edition.footer.text),
      addressHtml: html(edition.footer.address),
      links: edition.footer.links.map((link) => ({ text: link.text, href: hrefAttribute(link.href ?? '') })),
    },
  };
}

/** A story as the `story` partial reads it; `sponsorAfter` puts the sponsor block after it. */
function storyView(story: EditionStory, sponsorAfter: boolean, html: (nodes: Inline) => string) {
  return {
    ...storyCopy(story, html),
    image: story.image && imageCopy(story.image, html),
    sponsorAfter,
  };
}

/** One story of the template view. */
export type StoryView = ReturnType<typeof storyView>;

/**
 * An image as the email and the web page both print it: URLs escaped (by `url`, which the web
 * page also normalizes), the credit as html.
 */
export function imageCopy(value: EditionImage, html: (nodes: Inline) => string, url = hrefAttribute) {
  return {
    src: url(value.src),
    alt: value.alt,
    width: value.width,
    height: value.height,
    href: value.href === undefined ? undefined : url(value.href),
    creditHtml: html(value.credit),
  };
}

/** The masthead logo, when the theme has one: the email and the web page show it 40 px high. */
export function logoView(theme: ResolvedTheme, defaultAlt: string) {
  if (!theme.logoUrl) return undefined;
  return {
    src: theme.logoUrl,
    alt: theme.logoAlt ?? defaultAlt,
    darkSrc: theme.logoDarkUrl,
    width: widthAt(logoHeight, {
      width: theme.logoWidth,
      height: theme.logoHeight,
      aspectRatio: theme.logoAspectRatio,
    }),
  };
}

/**
 * A story's text and source link as the email and the web page both print them (each adds its
 * image); `url` writes the source URL into an attribute.
 */
export function storyCopy(story: EditionStory, html: (nodes: Inline) => string, url = hrefAttribute) {
  return {
    number: story.number,
    anchor: story.anchor,
    kickerHtml: html(story.kicker),
    headlineHtml: html(story.headline),
    bylineHtml: html(story.byline),
    ledeHtml: html(story.lede),
    sections: story.sections.map((section) => sectionView(section, html)),
    source: story.source && {
      text: story.source.text,
      href: story.source.href === undefined ? undefined : url(story.source.href),
    },
  };
}

/** The sponsor's text and link, likewise. */
export function sponsorCopy(sponsor: EditionSponsor, html: (nodes: Inline) => string, url = hrefAttribute) {
  return {
    labelHtml: html(sponsor.label),
    headlineHtml: html(sponsor.headline),
    textHtml: html(sponsor.text),
    href: sponsor.link?.href === undefined ? undefined : url(sponsor.link.href),
    linkText: sponsor.link?.text,
  };
}

/**
 * A section as the `section` partial reads it. The label opens the lead paragraph (`html`), or
 * stands alone above a list when the section starts with one; `blocks` are the rest, in order.
 * `bullets` lists every bullet of the section, for overrides written before ordered bodies.
 */
export function sectionView(section: EditionSection, html: (nodes: Inline) => string) {
  const [first, ...rest] = section.blocks;
  const lead = first?.kind === 'paragraph' ? html(first.text) : '';
  const blocks: { html?: string; bullets?: string[]; numbered?: string[] }[] = [];
  // Every bullet's html, gathered from the blocks as they are built: each item is escaped once.
  const bullets: string[] = [];
  for (const block of lead ? rest : section.blocks) {
    if (block.kind === 'paragraph') blocks.push({ html: html(block.text) });
    else if (block.kind === 'numbered') blocks.push({ numbered: block.items.map(html) });
    else {
      const items = block.items.map(html);
      blocks.push({ bullets: items });
      bullets.push(...items);
    }
  }
  return { label: section.label, html: lead, blocks, bullets };
}

/** The data a template (default or override) is rendered with. */
export type TemplateView = ReturnType<typeof templateView>;
