/**
 * `briefingFromFeed`: an RSS, Atom or JSON Feed document → a draft briefing, for RSS-to-email.
 * The feed is read by feedsmith (on fast-xml-parser, with entity processing off: a DOCTYPE's
 * entities are never expanded); each item's HTML becomes authoring Markdown and goes through
 * `parseBriefing`, so sections and bullets come out as they would from a paste.
 */

import { decodeHTML } from 'entities';
import { type AnyFeed, parseFeed } from 'feedsmith';
import { NewsbriefError } from '../errors.js';
import type { Briefing, SectionBlock, Story } from '../model.js';
import { collapseWhitespace } from '../normalize/inline.js';
import { textCharacterProblem } from '../normalize/text-hygiene.js';
import { parseBriefing } from '../parse/index.js';
import { type BriefingLimits, defaultDir, defaultLimits, describe } from '../schema.js';
import { readFeedDate } from './dates.js';
import { escapeInline, htmlToMarkdown, type ItemContent, safeUrl, textToMarkdown } from './html-markdown.js';

/** Options of `briefingFromFeed`. */
export interface BriefingFromFeedOptions {
  /**
   * Only items published after this moment: `2026-03-14` or `2026-03-14T06:00:00Z` (the last
   * send, for a digest of what is new). Items without a date are left out when it is set.
   */
  since?: string;
  /** Most items taken, newest first. @default limits.maxStories (100) */
  maxItems?: number;
  /**
   * The limits the draft keeps within, so it validates: items beyond `maxStories`, sections,
   * blocks and list items beyond theirs are left out, and text longer than `maxTextLength` is cut
   * at a word. A feed longer than 10 × `maxTotalLength` characters is refused before it is read.
   */
  limits?: BriefingLimits;
}

/** One feed item, whatever its format, before it becomes a story. */
interface FeedItem {
  title?: string;
  /** HTML, or plain text when `text` is set. */
  content?: string;
  text?: boolean;
  link?: string;
  author?: string;
  date?: string;
  image?: string;
}

/** The parts of a feed a briefing takes. */
interface ReadFeed {
  title?: string;
  language?: string;
  link?: string;
  items: FeedItem[];
}

/**
 * Turns an RSS 2.0 (or RSS 1.0/RDF), Atom 1.0 or JSON Feed 1.x document into a draft briefing:
 * the feed's title is the briefing's title, the newest item's day its date, the feed's language
 * its locale, and each item a story, newest first: title → headline, author → byline, content
 * (`content:encoded`, Atom `content`, `content_html`; else the description or summary) → lede,
 * sections and bullets as `parseBriefing` reads them (headings become section labels), the first
 * image → the story image, link → source.
 *
 * Item HTML is converted, never passed through: paragraphs, lists, bold, italic and http(s) links
 * are kept; script, style and embeds are dropped with their content; every other tag is dropped
 * and its text kept as text. The draft is not validated: `renderBriefing` does that.
 *
 * @throws {NewsbriefError} when the text is not a feed ("expected an RSS, Atom or JSON Feed
 * document, …"), has no items (after `since`), or is longer than the limits allow.
 *
 * @example
 * const feed = await (await fetch('https://news.example.com/feed/')).text();
 * const briefing = briefingFromFeed(feed, { since: lastSent, maxItems: 5 });
 * const { html, text, subject } = await renderBriefing({ ...briefing, title: 'The Week' });
 */
export function briefingFromFeed(source: string, options: BriefingFromFeedOptions = {}): Briefing {
  if (typeof source !== 'string') {
    throw new NewsbriefError(`briefingFromFeed: expected the feed's text, found ${describe(source)}.`);
  }
  const limits = { ...defaultLimits, ...options.limits };
  const most = limits.maxTotalLength * 10;
  if (source.length > most) {
    throw new NewsbriefError(
      `The feed is ${source.length} characters long; briefingFromFeed reads at most ${most} (10 × limits.maxTotalLength).`,
    );
  }
  const since = sinceInstant(options.since);
  const maxItems = itemLimit(options.maxItems, limits.maxStories);
  const feed = readFeed(source.replace(/^\uFEFF/, ''));
  const dated = feed.items
    .map((item, order) => ({ item, order, instant: item.date ? instantOf(item.date) : undefined }))
    .filter(({ instant }) => since === undefined || (instant !== undefined && instant > since));
  if (dated.length === 0) {
    throw new NewsbriefError(
      since === undefined
        ? 'The feed has no items; a briefing needs at least one story.'
        : `The feed has no items published after ${options.since}.`,
    );
  }
  // Newest first; undated items keep the feed's order, after the dated ones.
  dated.sort(
    (a, b) =>
      (b.instant ?? Number.NEGATIVE_INFINITY) - (a.instant ?? Number.NEGATIVE_INFINITY) || a.order - b.order,
  );
  const locale = localeOf(feed.language);
  const rtl = locale !== undefined && defaultDir(locale) === 'rtl';
  const clean = (value: string) => cleanText(value, rtl);
  const kept = dated.slice(0, maxItems);
  const stories: Story[] = [];
  let total = 0;
  for (const [index, { item }] of kept.entries()) {
    const story = fitStory(
      itemFrom(index, () => itemStory(item, feed.link, clean)),
      limits,
    );
    total += storyLength(story);
    // The whole draft stays within the briefing's size limit: later (older) items are left out.
    if (total > limits.maxTotalLength && stories.length > 0) break;
    stories.push(story);
  }
  const newest = kept.find(({ instant }) => instant !== undefined)?.item.date;
  const title = feed.title ? clean(feed.title) : '';
  return {
    title: title || (stories[0] as Story).headline,
    ...(newest ? { date: dayOf(newest) } : {}),
    ...(locale ? { locale } : {}),
    stories,
  };
}

function sinceInstant(since: string | undefined): number | undefined {
  if (since === undefined) return undefined;
  const read = typeof since === 'string' ? readFeedDate(since) : 'expected a date';
  if (typeof read === 'string') throw new NewsbriefError(`Option since: ${read}.`);
  return read.instant;
}

function itemLimit(value: unknown, stories: number): number {
  if (value === undefined) return stories;
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new NewsbriefError(
      `Option maxItems: expected a whole number of at least 1, found ${describe(value)}.`,
    );
  }
  return Math.min(value as number, stories);
}

/** Parses the feed with feedsmith, whatever its format, into the parts a briefing takes. */
function readFeed(source: string): ReadFeed {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(source);
  } catch (error) {
    // feedsmith's message says what kind of failure; fast-xml-parser's cause says where and why.
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message.split('\n')[0]}` : '';
    const reason = `${error instanceof Error ? error.message : String(error)}${cause}`;
    const start = collapseWhitespace(source.slice(0, 40)).trim();
    const found = start ? `text starting ${JSON.stringify(start)}` : 'nothing';
    throw new NewsbriefError(
      `Expected an RSS, Atom or JSON Feed document, found ${found} (${reason.toLowerCase()}).`,
    );
  }
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const feed = parsed.feed;
      return {
        title: feed.title === undefined ? undefined : decodeHTML(feed.title),
        language: 'language' in feed ? feed.language : feed.dc?.languages?.[0],
        link: feed.link,
        items: (feed.items ?? []).map((item) => {
          const rss = item as typeof item & {
            pubDate?: string;
            enclosures?: { url?: string; type?: string }[];
            authors?: string[];
          };
          const content = item.content?.encoded ?? item.description;
          return {
            title: item.title === undefined ? undefined : decodeHTML(item.title),
            content,
            link: item.link ?? (rss as { guid?: { value?: string; isPermaLink?: boolean } }).guid?.value,
            author: item.dc?.creators?.[0] ?? rss.authors?.[0],
            date: rss.pubDate ?? item.dc?.dates?.[0],
            image: rss.enclosures?.find((enclosure) => enclosure.type?.startsWith('image/'))?.url,
          };
        }),
      };
    }
    case 'atom': {
      const feed = parsed.feed;
      return {
        title: atomText(feed.title),
        link: alternate(feed.links),
        items: (feed.entries ?? []).map((entry) => {
          const body = entry.content?.value ? entry.content : entry.summary;
          return {
            title: atomText(entry.title),
            content: body?.value,
            text: body?.type === undefined || body.type === 'text',
            link: alternate(entry.links),
            author: entry.authors?.[0]?.name,
            date: entry.published ?? entry.updated,
          };
        }),
      };
    }
    case 'json': {
      const feed = parsed.feed;
      return {
        title: feed.title,
        language: feed.language,
        link: feed.home_page_url,
        items: (feed.items ?? []).map((item) => ({
          title: item.title,
          content: item.content_html ?? item.content_text ?? item.summary,
          text: item.content_html === undefined,
          link: item.url ?? item.external_url,
          author: item.authors?.[0]?.name ?? (item as { author?: { name?: string } }).author?.name,
          date: item.date_published ?? item.date_modified,
          image: item.image ?? item.banner_image,
        })),
      };
    }
  }
}

/** An Atom text construct as plain text: `type="html"` and `"xhtml"` have their tags dropped. */
function atomText(value: { value?: string; type?: string } | undefined): string | undefined {
  if (!value?.value) return undefined;
  if (value.type === 'html' || value.type === 'xhtml') return htmlToMarkdownPlain(value.value);
  return value.value;
}

function htmlToMarkdownPlain(html: string): string {
  return htmlToMarkdown(html).firstText ?? '';
}

/** An Atom entry's page: its `rel="alternate"` link, or a link without `rel`. */
function alternate(links: { href?: string; rel?: string }[] | undefined): string | undefined {
  return links?.find((link) => link.rel === undefined || link.rel === 'alternate')?.href;
}

/** Runs `work` for the `index`-th item taken; an error names the item. */
function itemFrom<T>(index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof NewsbriefError)) throw error;
    throw new NewsbriefError(`Feed item ${index + 1} (newest first): ${error.message}`);
  }
}

/** One item as a story, through the authoring parser. */
function itemStory(item: FeedItem, feedLink: string | undefined, clean: (value: string) => string): Story {
  const link = safeUrl(item.link, feedLink);
  const content: ItemContent = item.content
    ? item.text
      ? textToMarkdown(item.content)
      : htmlToMarkdown(item.content, link ?? feedLink)
    : { markdown: '' };
  const headline = clean(collapseWhitespace(item.title ?? '').trim()) || headlineFrom(content, link);
  // The headline is set after parsing: the parser would read a title such as "1 big thing: …" as
  // a kicker, or a "#" in it as Markdown, and a feed's title is the headline as written.
  const parsed = parseBriefing(`# Headline\n\n${clean(content.markdown)}`).stories[0] as Story;
  const story: Story = { ...parsed, headline: escapeInline(headline) };
  if (item.author) story.byline = escapeInline(`By ${clean(collapseWhitespace(item.author).trim())}`);
  const image = content.image ?? (item.image ? { src: item.image, alt: '' } : undefined);
  const src = image && safeUrl(image.src, link ?? feedLink, true);
  if (image && src) {
    story.image = { src, alt: clean(image.alt) };
    if ('credit' in image && image.credit) story.image.credit = escapeInline(clean(image.credit));
  } else delete story.image;
  // The item's link is the source; a last link the parser took for one is usually a button.
  if (link) story.source = { url: link };
  else if (parsed.source?.url === undefined) delete story.source;
  return story;
}

/** A headline for an item without a title: its first words, else its address. */
function headlineFrom(content: ItemContent, link: string | undefined): string {
  const words = (content.firstText ?? '').split(' ');
  if (words[0]) return words.length > 10 ? `${words.slice(0, 10).join(' ')}…` : words.join(' ');
  return link ? new URL(link).hostname : 'Untitled';
}

/**
 * Text a briefing can hold: control characters removed, and bidirectional controls too unless
 * the feed is right to left or the text has right-to-left script (validation refuses them then).
 */
function cleanText(value: string, rtl: boolean): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const text = value.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g, '');
  if (!textCharacterProblem(text, rtl)) return text;
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A BCP 47 tag from the feed (`en-us` → `en-US`), or none when it is not one. */
function localeOf(language: string | undefined): string | undefined {
  if (!language) return undefined;
  try {
    return Intl.getCanonicalLocales(language.trim())[0];
  } catch {
    return undefined;
  }
}

/** A feed date (RFC 822 or RFC 3339, as feeds write them) as an instant, or none. */
function instantOf(value: string): number | undefined {
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : instant;
}

const monthNumbers: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** The day a feed date names, as written (its own offset, not UTC): `2026-03-14`. */
function dayOf(value: string): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return iso[1];
  const rfc822 = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})/.exec(value);
  const month = rfc822 && monthNumbers[(rfc822[2] as string).toLowerCase()];
  if (rfc822 && month) {
    const year = (rfc822[3] as string).length === 2 ? `20${rfc822[3]}` : rfc822[3];
    return `${year}-${month}-${(rfc822[1] as string).padStart(2, '0')}`;
  }
  const instant = instantOf(value);
  return instant === undefined ? undefined : new Date(instant).toISOString().slice(0, 10);
}

/** Keeps a story within the limits: sections, blocks and list items beyond them dropped, text cut. */
function fitStory(story: Story, limits: Required<BriefingLimits>): Story {
  const cut = (text: string) => clip(text, limits.maxTextLength);
  const fitted: Story = { ...story, headline: cut(story.headline) };
  if (story.lede) fitted.lede = cut(story.lede);
  if (story.sections) {
    fitted.sections = story.sections.slice(0, limits.maxSections).map((section) => {
      let items = limits.maxBullets;
      const body = (section.body ?? []).slice(0, limits.maxBlocks).flatMap((block): SectionBlock[] => {
        if ('paragraph' in block) return [{ paragraph: cut(block.paragraph) }];
        const list = 'bullets' in block ? block.bullets : block.numbered;
        const keep = list.slice(0, items).map(cut);
        items -= keep.length;
        if (keep.length === 0) return [];
        return ['bullets' in block ? { bullets: keep } : { numbered: keep }];
      });
      return { ...section, body };
    });
  }
  return fitted;
}

/** Text cut at a word to at most `most` characters, with an ellipsis. */
function clip(text: string, most: number): string {
  if (text.length <= most) return text;
  const cut = text.slice(0, most - 1);
  const space = cut.lastIndexOf(' ');
  // A cut must not end inside an escape or a half-written link: keep to whole words only.
  return `${(space > most / 2 ? cut.slice(0, space) : cut).replace(/\\+$/, '')}…`;
}

/** Characters of a story's text, as the briefing size limit counts them (roughly: its text fields). */
function storyLength(story: Story): number {
  let total = story.headline.length + (story.lede?.length ?? 0) + (story.byline?.length ?? 0);
  for (const section of story.sections ?? []) {
    total += section.label?.length ?? 0;
    for (const block of section.body ?? [])
      for (const text of 'paragraph' in block
        ? [block.paragraph]
        : 'bullets' in block
          ? block.bullets
          : block.numbered)
        total += text.length;
  }
  return (
    total + (story.source?.url?.length ?? 0) + (story.image?.src.length ?? 0) + (story.image?.alt.length ?? 0)
  );
}

/** A JSON Feed's version, near the start of its text. */
const jsonFeedVersion = /"version"\s*:\s*"https?:\/\/(?:www\.)?jsonfeed\.org\/version\//;
/** An XML feed's root element: `rss`, `feed` or `rdf:RDF` (any prefix). */
const xmlFeedRoot = /^<(?:[A-Za-z][\w.-]{0,30}:)?(?:rss|feed|RDF)[\s>]/;

/** Where the root element starts: after the declaration, comments, stylesheets and doctype. */
function rootStart(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] as string)) at += 1;
    const closer = text.startsWith('<!--', at)
      ? '-->'
      : text.startsWith('<?', at)
        ? '?>'
        : text.startsWith('<!DOCTYPE', at)
          ? // An internal subset ends with `]>`; a doctype without one ends at its `>`.
            text.indexOf('[', at) !== -1 && text.indexOf('[', at) < text.indexOf('>', at)
            ? ']>'
            : '>'
          : undefined;
    if (!closer) return at;
    const end = text.indexOf(closer, at);
    if (end === -1) return text.length;
    at = end + closer.length;
  }
}

/**
 * True when `source` is an RSS, Atom or JSON Feed document rather than a briefing or authoring
 * text: an XML root `rss`, `feed` or `rdf:RDF`, or JSON naming a jsonfeed.org version. The CLI
 * tells feeds from briefings by this where the file name does not say.
 */
export function looksLikeFeed(source: string): boolean {
  const head = source.replace(/^\uFEFF/, '').slice(0, 120_000);
  if (/^\s*\{/.test(head)) return jsonFeedVersion.test(head.slice(0, 4000));
  return xmlFeedRoot.test(head.slice(rootStart(head)));
}
