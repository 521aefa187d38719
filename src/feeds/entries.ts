/**
 * An archive's editions as feed entries: each edition's page URL, dates, title, summary and the
 * stories' HTML (the `<main>` of its web page), newest first.
 */
import { BriefingValidationError, type ValidationIssue } from '../errors.js';
import type { Briefing, Story } from '../model.js';
import { inlinePlain, parseInline } from '../normalize/inline.js';
import { assertBriefing, describe } from '../schema.js';
import type { WebPage } from '../web/page.js';
import { webUrlProblem } from '../web/url.js';
import { type FeedDate, readFeedDate } from './dates.js';

/**
 * One edition of an archive: the briefing and where its web page lives.
 *
 * @example { briefing, url: 'https://news.example.com/briefs/2026/03/14/am/' }
 */
export interface ArchiveEdition {
  briefing: Briefing | Story;
  /** The edition's web page, absolute `https:` (or `http:`): the item's link and, by default, its id. */
  url: string;
  /**
   * When the edition was published: `2026-03-14`, or a time with its offset
   * (`2026-03-14T06:00:00-05:00`). @default the briefing's `date` (one of the two is required)
   */
  date?: string;
  /** When it was last changed, same forms. @default the publication date */
  updated?: string;
  /**
   * The item's permanent id, when the page may move: a `tag:` URI such as
   * `tag:news.example.com,2026-03-14:am`. @default the page URL
   */
  id?: string;
}

/** One edition as every feed format carries it. */
export interface FeedEntry {
  id: string;
  url: string;
  /** The edition's subject: what an inbox shows, what a feed reader lists. */
  title: string;
  /** Plain text: the preheader, or the first lede. */
  summary: string;
  /** The stories as HTML (headlines, ledes, axioms, lists, links, images): the web page's main part. */
  contentHtml: string;
  published: FeedDate;
  updated: FeedDate;
  /** The briefing's masthead, the feed's default title. */
  masthead: string;
  language: string;
  image?: string;
}

/** An edition's dates and id, checked; the briefing is not validated yet. */
export interface DatedEdition {
  edition: ArchiveEdition;
  /** Position in the caller's list, for `editions[n]` paths. */
  index: number;
  published: FeedDate;
  updated: FeedDate;
}

const tagUri = /^tag:[A-Za-z0-9.-]+(?:@[A-Za-z0-9.-]+)?,\d{4}(?:-\d{2}(?:-\d{2})?)?:[\x21-\x7e]{0,2000}$/;
const urnOrTag = /^(?:urn|tag):/i;

/** Why an item id is refused: a URL, a `tag:` URI (RFC 4151) or another `urn:`. */
function idProblem(id: unknown): string | undefined {
  if (typeof id !== 'string') return `expected a URL or a tag: URI, found ${describe(id)}`;
  if (/^tag:/i.test(id))
    return tagUri.test(id)
      ? undefined
      : `expected a tag: URI such as "tag:news.example.com,2026-03-14:am", found ${JSON.stringify(id)}`;
  if (urnOrTag.test(id))
    return /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[\x21-\x7e]{1,2000}$/.test(id)
      ? undefined
      : `expected a urn: such as "urn:uuid:…", found ${JSON.stringify(id)}`;
  return webUrlProblem(id, ' or a tag: URI');
}

/**
 * Checks each edition's url, dates and id (every problem, path-named `editions[3].date`) and
 * orders them newest first: by publication instant, then by URL so ties never depend on input order.
 */
export function datedEditions(editions: readonly ArchiveEdition[]): DatedEdition[] {
  if (!Array.isArray(editions)) {
    throw new BriefingValidationError([
      { path: 'editions', message: `expected an array of editions, found ${describe(editions)}` },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const dated: DatedEdition[] = [];
  // An id names one item forever: two editions with one id would be one item to every reader.
  const seen = new Map<string, number>();
  editions.forEach((edition, index) => {
    const at = `editions[${index}]`;
    if (typeof edition !== 'object' || edition === null || Array.isArray(edition)) {
      issues.push({ path: at, message: `expected { briefing, url, date? }, found ${describe(edition)}` });
      return;
    }
    const before = issues.length;
    const urlProblem =
      typeof edition.url === 'string'
        ? webUrlProblem(edition.url)
        : `expected the page's absolute https: URL, found ${describe(edition.url)}`;
    if (urlProblem) issues.push({ path: `${at}.url`, message: urlProblem });
    if (edition.id !== undefined) {
      const problem = idProblem(edition.id);
      if (problem) issues.push({ path: `${at}.id`, message: problem });
    }
    const briefingDate =
      typeof edition.briefing === 'object' && edition.briefing !== null
        ? (edition.briefing as Briefing).date
        : undefined;
    const written = edition.date ?? briefingDate;
    const published = date(
      written,
      edition.date === undefined ? `${at}.briefing.date` : `${at}.date`,
      issues,
      'a publication date: give the edition a date, or the briefing one',
    );
    const updated =
      edition.updated === undefined ? published : date(edition.updated, `${at}.updated`, issues, 'a date');
    const id = edition.id ?? edition.url;
    const twin = typeof id === 'string' ? seen.get(id) : undefined;
    if (twin !== undefined) {
      issues.push({
        path: `${at}.${edition.id === undefined ? 'url' : 'id'}`,
        message: `expected an id no other edition has, found the one of editions[${twin}] (${JSON.stringify(id)})`,
      });
    } else if (typeof id === 'string') seen.set(id, index);
    if (issues.length > before || !published || !updated) return;
    dated.push({
      edition,
      index,
      published,
      updated: updated.instant < published.instant ? published : updated,
    });
  });
  if (issues.length > 0) throw new BriefingValidationError(issues);
  return dated.sort(
    (a, b) =>
      b.published.instant - a.published.instant ||
      (a.edition.url < b.edition.url ? -1 : a.edition.url > b.edition.url ? 1 : 0),
  );
}

function date(value: unknown, path: string, issues: ValidationIssue[], what: string): FeedDate | undefined {
  if (value === undefined) {
    issues.push({ path, message: `expected ${what}, found none` });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({
      path,
      message: `expected an ISO 8601 date such as "2026-03-14", found ${describe(value)}`,
    });
    return undefined;
  }
  const read = readFeedDate(value);
  if (typeof read === 'string') {
    issues.push({ path, message: read });
    return undefined;
  }
  return read;
}

/**
 * The part of an edition's web page a feed carries: the stories in `<main>`. The page template
 * writes one `<main>`, and story text is escaped, so the first `<main>` and the last `</main>`
 * are the template's own.
 */
export function storiesHtml(pageHtml: string): string {
  const start = pageHtml.indexOf('<main>');
  const end = pageHtml.lastIndexOf('</main>');
  return start === -1 || end < start ? '' : pageHtml.slice(start + '<main>'.length, end);
}

/**
 * The feed entry of a dated edition whose page is rendered: `page` is `renderWebPage`'s result for
 * it. Briefing problems name the edition: `editions[3].briefing.stories[0].headline`.
 */
export function feedEntry(dated: DatedEdition, page: WebPage, briefing: Briefing): FeedEntry {
  const { edition, published, updated } = dated;
  const first = briefing.stories[0] as Story;
  return {
    id: edition.id ?? page.url,
    url: page.url,
    title: briefing.subject ?? inlinePlain(parseInline(first.headline)),
    summary: page.description,
    contentHtml: storiesHtml(page.html),
    published,
    updated,
    masthead: briefing.title,
    language: briefing.locale ?? 'en-US',
    ...(page.image ? { image: page.image } : {}),
  };
}

/** Validates an edition's briefing; its issues come back under `editions[n].briefing`. */
export function editionBriefing(
  dated: DatedEdition,
  limits: Parameters<typeof assertBriefing>[1] = {},
): Briefing {
  return withinEdition(dated.index, () => assertBriefing(dated.edition.briefing, limits));
}

/** Runs `work` for edition `index`; a validation error's paths are prefixed `editions[n].briefing`. */
export function withinEdition<T>(index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof BriefingValidationError)) throw error;
    throw new BriefingValidationError(
      error.issues.map((issue) => ({
        path: issue.path ? `editions[${index}].briefing.${issue.path}` : `editions[${index}].briefing`,
        message: issue.message,
      })),
    );
  }
}
