/**
 * A validated briefing → an edition: every text field parsed into inline nodes, sections in reading
 * order, links resolved (tracking params added), defaults filled in. Both the HTML view and the
 * plain-text renderer read this one structure, so the two parts always carry the same content.
 */
import type { Briefing, Story, StoryImage } from '../model.js';
import { cutOutsideReaderTokens } from '../readers/tokens.js';
import { defaultLabels, type ResolvedLabels } from '../render/labels.js';
import { defaultDir } from '../schema.js';
import { heightAt } from './image-size.js';
import { collapseWhitespace, type InlineNode, inlinePlain, memoizeByNodes, parseInline } from './inline.js';
import { isMergeTag, urlProtocol, withLinkParams } from './links.js';
import { localeFormats, withoutPrivateUse } from './locale-formats.js';
import { memoizeByObject, memoizeString } from './memo.js';
import { type CopyGuard, trustedCopy } from './merge-syntax.js';
import { orderedSections } from './sections.js';

/** Parsed text as the edition holds it: shared with the parse cache, never mutated. */
export type Inline = readonly InlineNode[];

/** A paragraph, or a bullet or numbered list, of a section. */
export type EditionBlock =
  | { kind: 'paragraph'; text: Inline }
  | { kind: 'bullets' | 'numbered'; items: Inline[] };

export interface EditionSection {
  /** `undefined` for a section without a label. */
  label?: string;
  /** Never empty. */
  blocks: EditionBlock[];
}

export interface EditionLink {
  /** Plain link text a reader sees (and a screen reader announces). */
  text: string;
  /** Short label for the text part, where the URL is written out after it. */
  label: string;
  /** Final URL (tracking params added) or a merge tag, unescaped. */
  href?: string;
}

export interface EditionImage {
  src: string;
  alt: string;
  /** Shown width in px, at most the content width. */
  width: number;
  /** Height at `width`, when the briefing gives the proportions. */
  height?: number;
  href?: string;
  credit: Inline;
}

export interface EditionStory {
  /** 1-based position; shown only in multi-story editions. */
  number: number;
  anchor: string;
  kicker: Inline;
  headline: Inline;
  byline: Inline;
  image?: EditionImage;
  lede: Inline;
  sections: EditionSection[];
  source?: EditionLink;
}

export interface EditionSponsor {
  label: Inline;
  headline: Inline;
  text: Inline;
  link?: EditionLink;
  image?: EditionImage;
  after: number;
}

export interface Edition {
  /** Built-in text in the edition's language. */
  labels: ResolvedLabels;
  title: string;
  subject: string;
  preheader: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  date?: string;
  dateLabel?: string;
  greeting: Inline;
  stories: EditionStory[];
  sponsor?: EditionSponsor;
  /** "View in browser": the edition's web page (`Briefing.webUrl`), tracking params added. */
  webLink?: EditionLink;
  footer: {
    text: Inline;
    address: Inline;
    links: EditionLink[];
  };
}

/** Settings from the renderer that shape the edition. */
export interface EditionSettings {
  /** Built-in text (link texts, sponsor label); English by default. */
  labels?: ResolvedLabels;
  /** Widest an image may be: the content width in px. */
  contentWidth: number;
  /** The renderer's `linkTracker(linkParams)`; without one, links are left as written. */
  tracker?: LinkTracker;
  /**
   * The renderer's `copyGuard(neutralizeMergeSyntax)`: applied to every field but the footer's,
   * before tracking params (which are the renderer's own, merge tags included) are added.
   */
  copy?: CopyGuard;
  /**
   * Keeps stories that many editions show (an edition set's shared pool, see src/editions/share.ts):
   * given a story, its position and how to build its content, returns the edition story, built once
   * per story and position. Absent for single renders.
   */
  shared?: SharedStories;
}

/** A story's edition form apart from its position (number and anchor). */
export type EditionStoryContent = Omit<EditionStory, 'number' | 'anchor'>;

/** The hook `EditionSettings.shared`: see src/editions/share.ts. */
export interface SharedStories {
  story(
    story: Story,
    number: number,
    anchor: string,
    content: (story: Story) => EditionStoryContent,
  ): EditionStory;
}

const genericSourceLabels = /^(source|sources|go deeper|read more|more|link|here|click here|full story)$/i;

/** Builds the edition a template and the text renderer both read. */
export function toEdition(briefing: Briefing, settings: EditionSettings): Edition {
  const tracker = settings.tracker ?? linkTracker(undefined);
  const copy = settings.copy ?? trustedCopy;
  const track = (href: string) => tracker.href(copy.href(href));
  const labels = settings.labels ?? defaultLabels;
  const rich = (value: string | undefined): Inline =>
    value ? tracker.nodes(copy.nodes(parseInline(value))) : noText;
  // The footer is the sender's own: its merge tags (*|LIST:ADDRESSLINE|*, unsubscribe URLs) are meant.
  const footerRich = (value: string | undefined): Inline =>
    value ? tracker.nodes(parseInline(value)) : noText;
  const locale = briefing.locale ?? 'en-US';
  const first = briefing.stories[0] as Story;
  const multi = briefing.stories.length > 1;

  const image = (value: StoryImage | undefined): EditionImage | undefined => {
    if (!value) return undefined;
    const width = Math.min(value.width ?? settings.contentWidth, settings.contentWidth);
    return {
      src: copy.href(value.src),
      alt: copy.text(value.alt),
      width,
      height: heightAt(width, value),
      href: value.href === undefined ? undefined : track(value.href),
      credit: rich(value.credit),
    };
  };

  const content = (story: Story): EditionStoryContent => ({
    kicker: rich(story.kicker),
    headline: rich(story.headline),
    byline: rich(story.byline),
    image: image(story.image),
    lede: rich(story.lede),
    sections: orderedSections(story).map((section) => ({
      label: section.label === undefined ? undefined : copy.text(section.label),
      blocks: section.blocks.map(
        (block): EditionBlock =>
          block.kind === 'paragraph'
            ? { kind: 'paragraph', text: rich(block.text) }
            : { kind: block.kind, items: block.items.map(rich) },
      ),
    })),
    source: guardLink(sourceLink(story.source, track, labels.goDeeper), copy),
  });
  const stories = briefing.stories.map((story, index): EditionStory => {
    const number = multi ? index + 1 : 0;
    const anchor = `story-${index + 1}`;
    return settings.shared
      ? settings.shared.story(story, number, anchor, content)
      : { number, anchor, ...content(story) };
  });

  const sponsor = briefing.sponsor && {
    label: rich(briefing.sponsor.label ?? labels.sponsored),
    headline: rich(briefing.sponsor.headline),
    text: rich(briefing.sponsor.text),
    link: briefing.sponsor.url
      ? guardLink(
          {
            text: `${labels.learnMore}: ${hostOf(briefing.sponsor.url)}`,
            label: labels.learnMore,
            href: track(briefing.sponsor.url),
          },
          copy,
        )
      : undefined,
    image: image(briefing.sponsor.image),
    after: Math.min(briefing.sponsor.after ?? 1, stories.length),
  };

  const footer = briefing.footer ?? {};
  const footerLinks: EditionLink[] = [];
  // Unsubscribe and preferences links never get tracking params: ESPs and one-click
  // unsubscribe endpoints expect the exact URL they issued.
  if (footer.unsubscribeUrl)
    footerLinks.push({ text: labels.unsubscribe, label: labels.unsubscribe, href: footer.unsubscribeUrl });
  if (footer.preferencesUrl)
    footerLinks.push({
      text: labels.preferences,
      label: labels.preferences,
      href: footer.preferencesUrl,
    });

  return {
    labels,
    title: copy.text(briefing.title),
    subject: copy.text(briefing.subject ?? derivedSubject(first)),
    preheader: copy.text(briefing.preheader ?? derivedPreheader(first)),
    locale,
    dir: briefing.dir ?? defaultDir(locale),
    date: briefing.date,
    dateLabel: briefing.date ? dateLabel(`${briefing.date}\n${locale}`) : undefined,
    greeting: rich(briefing.greeting),
    stories,
    sponsor,
    // The sender's own link, like the footer's: merge tags such as *|ARCHIVE|* are meant.
    webLink: briefing.webUrl
      ? { text: labels.viewInBrowser, label: labels.viewInBrowser, href: tracker.href(briefing.webUrl) }
      : undefined,
    footer: { text: footerRich(footer.text), address: footerRich(footer.address), links: footerLinks },
  };
}

const noText: Inline = [];

/** Adds a renderer's tracking params to links: single URLs and the links inside parsed text. */
export interface LinkTracker {
  href: (href: string) => string;
  nodes: (nodes: Inline) => Inline;
}

/**
 * A link tracker for `linkParams`. Without params everything passes through untouched (so caches
 * keyed by parsed nodes keep working); with params, tracked URLs are cached by string and tracked
 * text by node array, for the life of the tracker (one per renderer), so re-rendering an edition
 * parses no URL twice.
 */
export function linkTracker(linkParams: Readonly<Record<string, string>> | undefined): LinkTracker {
  if (!linkParams || Object.keys(linkParams).length === 0)
    return { href: (href) => href, nodes: (nodes) => nodes };
  const href = memoizeString((value: string) => withLinkParams(value, linkParams));
  return { href, nodes: memoizeByNodes((nodes) => trackLinks(nodes, href)) };
}

function trackLinks(nodes: Inline, track: (href: string) => string): InlineNode[] {
  return nodes.map((node) => {
    if (node.type === 'text') return node;
    if (node.type === 'link')
      return { ...node, href: track(node.href), children: trackLinks(node.children, track) };
    return { ...node, children: trackLinks(node.children, track) };
  });
}

/** A story link's texts through the copy guard (its href went through `track`, which applies it). */
function guardLink(link: EditionLink | undefined, copy: CopyGuard): EditionLink | undefined {
  if (!link || copy === trustedCopy) return link;
  return { ...link, text: copy.text(link.text), label: copy.text(link.label) };
}

function sourceLink(
  source: Story['source'],
  track: (href: string) => string,
  goDeeper: string,
): EditionLink | undefined {
  if (!source || (!source.label && !source.url)) return undefined;
  const label = source.label ? inlinePlain(parseInline(source.label)).trim() : '';
  if (!source.url) return { text: label, label };
  // Link text must make sense read alone (screen readers list links): "Source" alone does not.
  const text =
    label && !genericSourceLabels.test(label) ? label : `${label || goDeeper}: ${hostOf(source.url)}`;
  return { text, label: label || goDeeper, href: track(source.url) };
}

/** The site a link text names; cached per URL, like `urlProtocol`, as every render names it again. */
const hostOf = memoizeString((url: string): string => {
  const protocol = urlProtocol(url);
  if (protocol === 'mailto:') return url.slice('mailto:'.length);
  if (isMergeTag(url) || protocol === undefined) return url;
  return new URL(url).hostname.replace(/^www\./, '');
});

/**
 * The subject and preheader a briefing without them takes from its first story, kept per story:
 * every edition of a set that opens with the same shared story derives the same ones.
 */
const derivedSubject = memoizeByObject((story: Story) => inlinePlain(parseInline(story.headline)));
const derivedPreheader = memoizeByObject(derivePreheader);

/** Longest default preheader; Gmail shows about 97 characters, iPhone Mail about 81. */
const preheaderLimit = 100;

/** The first lede (else Why it matters, else the headline), cut at a word boundary. */
export function derivePreheader(story: Story): string {
  const source = story.lede ?? story.whyItMatters ?? story.headline;
  const plain = collapseWhitespace(inlinePlain(parseInline(source)));
  if (plain.length <= preheaderLimit) return plain;
  // Reader tokens are cut whole or not at all: half a token would reach every reader as typed.
  const cut = plain.slice(0, cutOutsideReaderTokens(plain, preheaderLimit - 1));
  const space = cutOutsideReaderTokens(plain, cut.lastIndexOf(' '));
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * `formatDate` by `date\nlocale`, cached: every edition of a set shows the same date, and even the
 * direct US English path builds a `Date` and tests the locale.
 */
const dateLabel = memoizeString((key: string): string => {
  const at = key.indexOf('\n');
  return formatDate(key.slice(0, at), key.slice(at + 1));
}, 256);

const dateFormats = localeFormats(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }),
);
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "Saturday, March 14, 2026" in the briefing's locale; UTC so the day never shifts by time zone.
 * US English, the default locale, is written directly: the first `Intl.DateTimeFormat` loads ICU
 * calendar data (about 25 ms here, the largest part of a first render in a cold process). A test
 * checks the two agree. Other locales share bounded formatters (see `localeFormats`).
 */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (/^en(-US)?$/i.test(withoutPrivateUse(locale))) {
    return `${weekdays[date.getUTCDay()]}, ${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  }
  return dateFormats.get(locale).format(date);
}
