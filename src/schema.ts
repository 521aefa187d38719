/**
 * The one schema of the briefing format. Validation, path-named issues and the JSON Schema for CMS
 * form builders all come from here, so the three can never disagree.
 */
import * as z from 'zod';
import { BriefingValidationError, type ValidationIssue } from './errors.js';
import type { Briefing, Story } from './model.js';
import { inlineLinks, parseInline } from './normalize/inline.js';
import { isMergeTag, linkProblem, quote } from './normalize/links.js';

/** Size limits that keep one bad request from hanging or exhausting a render service. */
export interface BriefingLimits {
  /** @default 100 */
  maxStories?: number;
  /** Sections per story. @default 30 */
  maxSections?: number;
  /** Bullets per section. @default 50 */
  maxBullets?: number;
  /** Characters per text field. @default 10000 */
  maxTextLength?: number;
}

const defaultLimits: Required<BriefingLimits> = {
  maxStories: 100,
  maxSections: 30,
  maxBullets: 50,
  maxTextLength: 10_000,
};

const rtlLanguages = new Set(['he', 'iw', 'ar', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'ckb', 'dv']);

/** `rtl` for languages written right to left (Hebrew, Arabic, Persian, Urdu…), else `ltr`. */
export function defaultDir(locale: string): 'ltr' | 'rtl' {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return rtlLanguages.has(language) ? 'rtl' : 'ltr';
}

function buildSchemas(limits: Required<BriefingLimits>) {
  const tooLong = (what: string) => ({
    error: (issue: { input?: unknown }) =>
      `expected ${what} of at most ${limits.maxTextLength} characters, found ${String(issue.input).length}`,
  });

  /** Story text: inline Markdown whose links must be https:, http: or mailto:. */
  const richText = z
    .string()
    .max(limits.maxTextLength, tooLong('text'))
    .superRefine((value, ctx) => {
      if (value.length > limits.maxTextLength) return;
      for (const href of inlineLinks(parseInline(value))) {
        const problem = linkProblem(href);
        if (problem) ctx.addIssue({ code: 'custom', message: `link ${problem}` });
      }
    });

  const nonEmpty = (what: string) =>
    z
      .string()
      .max(limits.maxTextLength, tooLong(what))
      .refine((value) => value.trim().length > 0, {
        message: `expected a non-empty ${what}, found an empty string`,
      })
      .superRefine((value, ctx) => {
        if (value.length > limits.maxTextLength) return;
        for (const href of inlineLinks(parseInline(value))) {
          const problem = linkProblem(href);
          if (problem) ctx.addIssue({ code: 'custom', message: `link ${problem}` });
        }
      });

  const url = z.string().superRefine((value, ctx) => {
    const problem = linkProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

  const footerUrl = z.string().superRefine((value, ctx) => {
    if (isMergeTag(value)) return;
    const problem = linkProblem(value, ' or an ESP merge tag such as *|UNSUB|*');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

  const bullets = z.array(richText).max(limits.maxBullets, {
    error: (issue) =>
      `expected at most ${limits.maxBullets} bullets, found ${(issue.input as unknown[]).length}`,
  });

  const sectionBody = z.union(
    [richText, bullets, z.object({ text: richText.optional(), bullets: bullets.optional() })],
    {
      error: (issue) =>
        `expected text, a list of bullets or { text, bullets }, found ${describe(issue.input)}`,
    },
  );

  const section = z.object({
    label: nonEmpty('section label'),
    text: richText.optional(),
    bullets: bullets.optional(),
  });

  const image = z.object({
    src: url,
    alt: z
      .string({ error: (issue) => altMessage(issue.input) })
      .max(limits.maxTextLength, tooLong('alt text')),
    width: z.number().int().positive().max(2000).optional(),
    href: url.optional(),
    credit: richText.optional(),
  });

  const story = z.object({
    headline: nonEmpty('headline'),
    kicker: richText.optional(),
    byline: richText.optional(),
    lede: richText.optional(),
    whyItMatters: richText.optional(),
    flashback: sectionBody.optional(),
    whatsNext: sectionBody.optional(),
    sections: z
      .array(section)
      .max(limits.maxSections, {
        error: (issue) =>
          `expected at most ${limits.maxSections} sections, found ${(issue.input as unknown[]).length}`,
      })
      .optional(),
    image: image.optional(),
    source: z.object({ label: richText.optional(), url: url.optional() }).optional(),
  });

  const sponsor = z.object({
    label: richText.optional(),
    headline: nonEmpty('sponsor headline'),
    text: richText.optional(),
    url: url.optional(),
    image: image.optional(),
    after: z.number().int().min(1).optional(),
  });

  const briefing = z.object({
    title: nonEmpty('title'),
    date: z
      .string()
      .refine(isIsoDate, {
        error: (issue) => `expected an ISO 8601 date like "2026-03-14", found ${quote(String(issue.input))}`,
      })
      .optional(),
    subject: nonEmpty('subject').optional(),
    preheader: z.string().max(limits.maxTextLength, tooLong('preheader')).optional(),
    greeting: richText.optional(),
    locale: z
      .string()
      .refine(isLocale, {
        error: (issue) => `expected a BCP 47 language tag like "en-US", found ${quote(String(issue.input))}`,
      })
      .optional(),
    dir: z
      .enum(['ltr', 'rtl'], { error: (issue) => `expected "ltr" or "rtl", found ${describe(issue.input)}` })
      .optional(),
    stories: z
      .array(story)
      .min(1, { error: 'expected at least one story, found none' })
      .max(limits.maxStories, {
        error: (issue) =>
          `expected at most ${limits.maxStories} stories, found ${(issue.input as unknown[]).length}`,
      }),
    sponsor: sponsor.optional(),
    footer: z
      .object({
        text: richText.optional(),
        address: richText.optional(),
        unsubscribeUrl: footerUrl.optional(),
        preferencesUrl: footerUrl.optional(),
      })
      .optional(),
  });

  return { briefing, story };
}

function altMessage(input: unknown): string {
  if (input === undefined)
    return 'expected alt text describing the image (use "" only for a decorative image), found nothing';
  return `expected alt text as a string, found ${describe(input)}`;
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const schemaCache = new Map<string, ReturnType<typeof buildSchemas>>();

function schemasFor(limits: BriefingLimits | undefined) {
  const resolved = { ...defaultLimits, ...limits };
  const key = JSON.stringify(resolved);
  let schemas = schemaCache.get(key);
  if (!schemas) {
    schemas = buildSchemas(resolved);
    schemaCache.set(key, schemas);
  }
  return schemas;
}

/** Describes a found value for an error message: `number 42`, `null`, `an array`, `nothing`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `string ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** `['stories', 2, 'headline']` → `stories[2].headline`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'invalid_type' && !message.startsWith('expected')) {
      const expected = issue.expected === 'array' ? 'a list' : issue.expected;
      message = `expected ${expected}, found ${describe(issue.input)}`;
      if (issue.input === undefined) message = `required: ${message}`;
    }
    return { path: formatPath(issue.path), message };
  });
}

/** Options for `validateBriefing`. */
export interface ValidateOptions {
  /** Size limits; oversize input fails with a path-named issue. */
  limits?: BriefingLimits;
}

/** The result of `validateBriefing`: the validated briefing or an error listing every issue. */
export type ValidationResult =
  | { success: true; data: Briefing }
  | { success: false; error: BriefingValidationError };

/**
 * Checks unknown input against the briefing format without throwing. A `Story` alone is accepted
 * and returned as a one-story briefing titled by its headline. Unknown extra fields are dropped.
 *
 * @example
 * const result = validateBriefing(JSON.parse(body));
 * if (!result.success) console.error(result.error.issues);
 */
export function validateBriefing(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const schemas = schemasFor(options.limits);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([
      { path: '', message: `expected a briefing object or a story object, found ${describe(input)}` },
    ]);
  }
  if (!('stories' in input) && 'headline' in input) {
    const result = schemas.story.safeParse(input, { reportInput: true });
    if (!result.success) return fail(toIssues(result.error));
    const story = result.data as Story;
    return { success: true, data: { title: story.headline, stories: [story] } };
  }
  if (!('stories' in input) && !('title' in input)) {
    return fail([
      {
        path: '',
        message:
          'expected a briefing (with "title" and "stories") or a story (with "headline"), found neither field',
      },
    ]);
  }
  const result = schemas.briefing.safeParse(input, { reportInput: true });
  if (!result.success) return fail(toIssues(result.error));
  return { success: true, data: result.data as Briefing };
}

function fail(issues: ValidationIssue[]): ValidationResult {
  return { success: false, error: new BriefingValidationError(issues) };
}

/** Validates and returns the briefing, or throws `BriefingValidationError`. */
export function assertBriefing(input: unknown, options: ValidateOptions = {}): Briefing {
  const result = validateBriefing(input, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * JSON Schema (draft 2020-12) of `Briefing | Story`, generated from the validator's schema, for CMS
 * form builders and editors. Link-protocol and non-empty checks are enforced by `validateBriefing`.
 */
export const briefingJsonSchema: Record<string, unknown> = (() => {
  const { briefing, story } = schemasFor(undefined);
  const schema = z.toJSONSchema(z.union([briefing, story]), {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://unpkg.com/newsbrief/briefing.schema.json',
    title: 'newsbrief Briefing or Story',
  };
})();
