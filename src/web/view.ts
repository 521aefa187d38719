/**
 * Edition → the data templates/web/page.hbs reads. As in the email's view, fields ending in
 * `Html` and every URL are escaped already (the template prints them with `{{{ }}}`), and all
 * other strings are plain text the template escapes, so story text never becomes markup.
 */
import type { Briefing } from '../model.js';
import type { Edition, EditionImage, Inline } from '../normalize/edition.js';
import { heightAt } from '../normalize/image-size.js';
import { inlinePlain } from '../normalize/inline.js';
import { urlProtocol } from '../normalize/links.js';
import { escapeHtml } from '../render/html.js';
import type { ResolvedTheme } from '../render/theme.js';
import { imageCopy, logoView, sponsorCopy, storyCopy } from '../render/view.js';
import type { ResolvedWebPage } from './options.js';
import { scriptJson, structuredData } from './structured-data.js';

/** What the web renderer settled before building the view. */
export interface WebViewSettings {
  theme: ResolvedTheme;
  page: ResolvedWebPage;
  /** The page's meta description: the preheader, or the first lede when there is none. */
  description: string;
  countLine: string;
  toc: boolean;
  /** Inline nodes → html, links without inline styles (the page has a stylesheet). */
  inlineHtml: (nodes: Inline) => string;
}

/** `en-US` → `en_US`, the form Open Graph's `og:locale` takes. */
function ogLocale(locale: string): string {
  const match = /^([a-z]{2,3})(?:-[a-z]{4})?(?:-([a-z]{2}|\d{3}))?(?:-|$)/i.exec(locale);
  if (!match) return 'en_US';
  const language = (match[1] as string).toLowerCase();
  return match[2] ? `${language}_${match[2].toUpperCase()}` : language;
}

/**
 * A URL for an attribute of the page: an http(s) URL as the URL parser writes it (spaces and other
 * characters HTML does not allow in a URL percent-encoded), then escaped.
 */
function attributeUrl(url: string): string {
  return escapeHtml(fetchable(url) ? new URL(url).href : url);
}

/** True for an image URL a browser, crawler or card service can fetch. */
function fetchable(src: string): boolean {
  const protocol = urlProtocol(src);
  return protocol === 'https:' || protocol === 'http:';
}

export function webPageView(edition: Edition, briefing: Briefing, settings: WebViewSettings) {
  const { theme, page } = settings;
  const html = settings.inlineHtml;
  const siteName = page.siteName ?? edition.title;
  const pageTitle = edition.subject === siteName ? siteName : `${edition.subject} – ${siteName}`;
  // The first image above the fold is what the reader waits for; later ones load as they scroll.
  const image = (value: EditionImage | undefined, lazy: boolean, linkLabel: string, rel?: string) =>
    value && {
      ...imageCopy(value, html, attributeUrl),
      rel,
      // A linked image without alt text would be a link without a name: the headline names it.
      linkLabel: value.href !== undefined && value.alt.trim() === '' ? linkLabel : undefined,
      lazy,
    };
  const storyImages = edition.stories.map((story) =>
    story.image && fetchable(story.image.src) ? new URL(story.image.src).href : undefined,
  );
  const shared = edition.stories.findIndex((_story, index) => storyImages[index] !== undefined);
  const shareImage = shareImageView(edition, briefing, shared);
  const logo = logoView(theme, siteName);
  const footer = {
    textHtml: html(edition.footer.text),
    addressHtml: html(edition.footer.address),
  };

  return {
    lang: edition.locale,
    dir: edition.dir,
    pageTitle,
    socialTitle: edition.subject,
    description: settings.description,
    url: escapeHtml(page.url),
    siteName,
    siteLine: page.homeUrl !== undefined || siteName !== edition.title,
    homeUrl: page.homeUrl && escapeHtml(page.homeUrl),
    feeds: page.feeds.map((feed) => ({ ...feed, href: escapeHtml(feed.href) })),
    ogLocale: ogLocale(edition.locale),
    shareImage,
    /** The share image's URL unescaped, for `WebPage.image`. */
    shareImageUrl: storyImages[shared],
    twitterCard: shareImage ? 'summary_large_image' : 'summary',
    twitterSite: page.twitterSite,
    jsonLd: scriptJson(
      structuredData(edition, {
        page,
        siteName,
        title: pageTitle,
        description: settings.description,
        logoUrl: theme.logoUrl,
        storyImages,
      }),
    ),
    theme,
    logo: logo && {
      ...logo,
      // Spaces percent-encoded: a srcset candidate would end at one.
      src: new URL(logo.src).href,
      darkSrc: logo.darkSrc && new URL(logo.darkSrc).href,
    },
    title: edition.title,
    date: edition.date,
    dateLabel: edition.dateLabel,
    greetingHtml: html(edition.greeting),
    countLine: settings.countLine,
    toc: settings.toc
      ? {
          title: edition.labels.contents,
          items: edition.stories.map((story) => ({
            anchor: story.anchor,
            text: inlinePlain(story.headline),
          })),
        }
      : undefined,
    stories: edition.stories.map((story, index) => ({
      ...storyCopy(story, html, attributeUrl),
      image: image(story.image, index !== shared, inlinePlain(story.headline)),
      sponsorAfter: index + 1 === (edition.sponsor?.after ?? 0),
    })),
    sponsor: edition.sponsor && {
      ...sponsorCopy(edition.sponsor, html, attributeUrl),
      image: image(edition.sponsor.image, true, inlinePlain(edition.sponsor.headline), 'sponsored'),
    },
    footer: footer.textHtml || footer.addressHtml ? footer : undefined,
  };
}

/**
 * The first story image anyone can fetch, for `og:image` and `twitter:image`: its full-size URL,
 * with the file's pixel size when the briefing gives it (the page shows it scaled down).
 */
function shareImageView(edition: Edition, briefing: Briefing, index: number) {
  const shown = edition.stories[index]?.image;
  if (!shown) return undefined;
  const given = briefing.stories[index]?.image;
  const width = given?.width;
  return {
    src: attributeUrl(shown.src),
    alt: shown.alt,
    width,
    height: width === undefined || given === undefined ? undefined : heightAt(width, given),
  };
}

/** The data the web page template is rendered with. */
export type WebPageView = ReturnType<typeof webPageView>;
