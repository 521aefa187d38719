/**
 * The briefing format: the data a newsroom hands to newsbrief. Text fields accept a small inline
 * Markdown subset (`**bold**`, `*italic*` / `_italic_`, `[label](url)`); everything else is literal.
 */

/** A whole edition: masthead, stories in order, footer. */
export interface Briefing {
  /** Masthead name, e.g. "Morning Brief". Required, non-empty. */
  title: string;
  /** ISO 8601 date (`2026-03-14`), shown formatted for `locale`. */
  date?: string;
  /** Email subject. @default the first story's headline */
  subject?: string;
  /** Inbox preview text. @default derived from the first story's lede */
  preheader?: string;
  /** Short intro paragraph under the masthead. */
  greeting?: string;
  /** BCP 47 language tag; becomes `<html lang>`. @default "en-US" */
  locale?: string;
  /** Text direction. @default "rtl" for he, ar, fa, ur locales, else "ltr" */
  dir?: 'ltr' | 'rtl';
  /** At least one story. */
  stories: Story[];
  /** A sponsor block shown after story number `after` (extension). */
  sponsor?: Sponsor;
  /**
   * This edition's web page (see `renderWebPage`): an absolute https (or http) URL, or an ESP's
   * archive merge tag such as `*|ARCHIVE|*`. The email then opens with a "View in browser" link
   * to it, in html and text. Tracking `linkParams` are added to it like to story links.
   */
  webUrl?: string;
  footer?: Footer;
}

/** The edition footer. URLs may be ESP merge tags such as `*|UNSUB|*`. */
export interface Footer {
  text?: string;
  /** Postal address, required by anti-spam law in many places. */
  address?: string;
  /** https URL or an ESP merge tag. */
  unsubscribeUrl?: string;
  /** https URL or an ESP merge tag. */
  preferencesUrl?: string;
}

/** One Smart Brevity story. */
export interface Story {
  /** Required, non-empty; six words or fewer reads best. */
  headline: string;
  /** Small label above the headline, e.g. "1 big thing". */
  kicker?: string;
  byline?: string;
  /** The opening sentence. */
  lede?: string;
  /** Sugar for a "Why it matters" section. */
  whyItMatters?: string;
  /** Sugar for a "Flashback" section. */
  flashback?: SectionBody;
  /** Sugar for a "What's next" section. */
  whatsNext?: SectionBody;
  /** Any axiom, in reading order. */
  sections?: Section[];
  image?: StoryImage;
  /** The "Go deeper" / source link. */
  source?: { label?: string; url?: string };
}

/**
 * The story image. `alt` is required: pass `""` only for a purely decorative image.
 *
 * Give its proportions, `width` and `height` or an `aspectRatio`, so a client that blocks images
 * (Outlook by default, Apple Mail often, any offline client) keeps the picture's box instead of
 * collapsing it or drawing a square.
 *
 * @example { src: 'https://cdn.example.com/grid.jpg', alt: 'Transmission towers', width: 1200, height: 800 }
 */
export interface StoryImage {
  src: string;
  alt: string;
  /** Width in px: shown at this width, at most the content width (with `height`, its proportions). */
  width?: number;
  /** Height in px at `width` (the image file's own pixel size will do); needs `width`. */
  height?: number;
  /** Width ÷ height (`1.5` for a 3:2 photo), when the pixel size is unknown; instead of `height`. */
  aspectRatio?: number;
  /** Makes the image a link. */
  href?: string;
  /** Photo credit shown under the image. */
  credit?: string;
}

/**
 * A section: an optional axiom label ("Why it matters") and what follows it. Write the body either
 * as `text` and/or `bullets` (text first, then the bullets), or as `body`, the blocks in the order
 * they are read. `parseBriefing` writes `body`. A section without a label continues the story
 * after the lede (bullets right under it are common) and renders without one.
 */
export interface Section {
  /** The axiom, shown bold before the first paragraph, e.g. "Why it matters". */
  label?: string;
  /** A paragraph; a blank line (`\n\n`) separates two paragraphs. Not together with `body`. */
  text?: string;
  /** Bullets after `text`. Not together with `body`. */
  bullets?: string[];
  /** Paragraphs, bullet lists and numbered lists in reading order. Not together with `text`/`bullets`. */
  body?: SectionBlock[];
}

/**
 * One block of a section body, named by what it is: `{ paragraph }`, `{ bullets }` (an unordered
 * list) or `{ numbered }` (an ordered list, rendered `<ol>` and as `1.` lines in text).
 *
 * @example
 * { label: 'The details', body: [{ paragraph: 'The bill would:' }, { bullets: ['Cut taxes', 'Raise spending'] }] }
 */
export type SectionBlock = { paragraph: string } | { bullets: string[] } | { numbered: string[] };

/** The body of a sugar section: text, bullets, both, or ordered blocks. */
export type SectionBody = string | string[] | { text?: string; bullets?: string[]; body?: SectionBlock[] };

/** A sponsor block placed between stories (extension of the contract). */
export interface Sponsor {
  /** Small label, e.g. "A message from Acme". @default "Sponsored" */
  label?: string;
  headline: string;
  text?: string;
  url?: string;
  image?: StoryImage;
  /** Placed after this story number (1-based). @default 1 */
  after?: number;
}
