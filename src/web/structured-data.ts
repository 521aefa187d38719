/**
 * JSON-LD for search engines (schema.org): the edition as a `CollectionPage`, each story as a
 * `NewsArticle` in it, one `@graph` in one `<script type="application/ld+json">`.
 */
import type { Edition } from '../normalize/edition.js';
import { collapseWhitespace, inlinePlain } from '../normalize/inline.js';
import type { ResolvedWebPage } from './options.js';

/** What the graph says beyond the edition: the page, its site and the images it may show. */
export interface StructuredDataSettings {
  page: ResolvedWebPage;
  siteName: string;
  /** The page's `<title>`. */
  title: string;
  description: string;
  /** The site's logo (the theme's `logoUrl`), for the publisher. */
  logoUrl?: string;
  /** Each story's image URL, when it has one that can be fetched (http or https). */
  storyImages: (string | undefined)[];
}

/** Google shows at most 110 characters of a headline; longer ones are cut at a word. */
const headlineLimit = 110;

function plain(nodes: Parameters<typeof inlinePlain>[0]): string {
  return collapseWhitespace(inlinePlain(nodes)).trim();
}

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** "By Dana Whitfield" → "Dana Whitfield": the author's name, not the line it is printed in. */
function authorName(byline: string): string {
  return byline.replace(/^by\s+/i, '');
}

/** The edition's JSON-LD graph, as plain data. */
export function structuredData(edition: Edition, settings: StructuredDataSettings): object {
  const { page, siteName } = settings;
  const published = edition.date ? { datePublished: edition.date } : {};
  const publisher = {
    '@type': 'Organization',
    name: siteName,
    ...(page.homeUrl ? { url: page.homeUrl } : {}),
    ...(settings.logoUrl ? { logo: { '@type': 'ImageObject', url: settings.logoUrl } } : {}),
  };
  const articles = edition.stories.map((story, index) => {
    const id = `${page.url}#${story.anchor}`;
    const lede = plain(story.lede);
    const byline = plain(story.byline);
    const image = settings.storyImages[index];
    return {
      '@type': 'NewsArticle',
      '@id': id,
      url: id,
      headline: shorten(plain(story.headline), headlineLimit),
      ...(lede ? { description: lede } : {}),
      ...(image ? { image: [image] } : {}),
      ...published,
      ...(byline ? { author: [{ '@type': 'Person', name: authorName(byline) }] } : {}),
      publisher,
      inLanguage: edition.locale,
      isPartOf: { '@id': page.url },
      mainEntityOfPage: page.url,
    };
  });
  const collection = {
    '@type': 'CollectionPage',
    '@id': page.url,
    url: page.url,
    name: settings.title,
    ...(settings.description ? { description: settings.description } : {}),
    inLanguage: edition.locale,
    ...published,
    isPartOf: { '@type': 'WebSite', name: siteName, ...(page.homeUrl ? { url: page.homeUrl } : {}) },
    publisher,
    hasPart: articles.map((article) => ({ '@id': article['@id'] })),
  };
  return { '@context': 'https://schema.org', '@graph': [collection, ...articles] };
}

const scriptUnsafe = /[<>&\u2028\u2029]/g;

/**
 * JSON to write inside `<script type="application/ld+json">`: `<`, `>` and `&` (and the line
 * separators older parsers choke on) as `\u` escapes, which JSON readers decode to the same
 * strings. No `</script>` or `<!--` in story copy can then end or change the script element.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    scriptUnsafe,
    (character) => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  );
}
