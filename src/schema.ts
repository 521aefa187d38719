/**
 * The one schema of the briefing format. Validation, path-named issues and the JSON Schema for CMS
 * form builders all come from here, so the three can never disagree.
 *
 * Valibot rather than zod: the same declarative schema and JSON Schema export, at a tenth of the
 * import cost (about 15 ms against 150 ms here), which is most of a serverless cold start.
 */
import * as v from 'valibot';
import { unknownFieldMessage } from './did-you-mean.js';
import { BriefingValidationError, type ValidationIssue } from './errors.js';
import type { Briefing, Story } from './model.js';
import { inlineLinks, inlinePlain, parseInline } from './normalize/inline.js';
import { isMergeTag, linkProblem, quote } from './normalize/links.js';
import { memoizeString } from './normalize/memo.js';
import { normalizeLineBreaks, textCharacterProblem } from './normalize/text-hygiene.js';
import { readerTokenProblem } from './readers/tokens.js';
import { webUrlProblem } from './web/url.js';

/**
 * Size limits that keep one bad request from hanging or exhausting a render service. Together they
 * bound the whole edition, so anything that passes validation renders in bounded time and memory.
 */
export interface BriefingLimits {
  /** @default 100 */
  maxStories?: number;
  /** Sections per story. @default 30 */
  maxSections?: number;
  /** Blocks (paragraphs and lists) in one section's `body`. @default 30 */
  maxBlocks?: number;
  /**
   * List items per section: `bullets`, or the bullet and numbered items of all of a `body`'s blocks
   * together. @default 50
   */
  maxBullets?: number;
  /** Characters per text field. @default 10000 */
  maxTextLength?: number;
  /**
   * Characters in the whole briefing: every text field, URL and label added up. The default is
   * about 50 times a long daily newsletter and ten times what Gmail shows before it clips a
   * message; the largest input every limit lets through renders in about a second within 256 MB.
   * @default 1000000
   */
  maxTotalLength?: number;
}

/** The limits in force when a caller sets none. */
export const defaultLimits: Readonly<Required<BriefingLimits>> = {
  maxStories: 100,
  maxSections: 30,
  maxBlocks: 30,
  maxBullets: 50,
  maxTextLength: 10_000,
  maxTotalLength: 1_000_000,
};

/** The names of `BriefingLimits`, for tools that check a config file's `limits`. */
export const limitNames = Object.keys(defaultLimits) as (keyof BriefingLimits)[];

/** The kinds of section block, each written as the block's one key. */
const blockKinds = ['paragraph', 'bullets', 'numbered'] as const;
type BlockInput = { paragraph?: string; bullets?: string[]; numbered?: string[] };

const rtlLanguages = new Set(['he', 'iw', 'ar', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'ckb', 'dv']);

/** `rtl` for languages written right to left (Hebrew, Arabic, Persian, Urdu…), else `ltr`. */
export function defaultDir(locale: string): 'ltr' | 'rtl' {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return rtlLanguages.has(language) ? 'rtl' : 'ltr';
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys that could reach an object's prototype; never copied from input. */
const reservedKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** An issue at `object.key` for each own key of the object that `isUnknown`. */
function unknownKeys(known: readonly string[], isUnknown: (key: string) => boolean) {
  return v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
    const value: unknown = dataset.value;
    if (!isRecord(value)) return;
    for (const key of Object.keys(value)) {
      if (!isUnknown(key)) continue;
      addIssue({
        message: unknownFieldMessage(key, known),
        path: [{ type: 'object', origin: 'key', input: value, key, value: value[key] }],
      });
    }
  });
}

/**
 * An object schema that refuses arrays and unknown keys. Valibot's `object` accepts any non-null
 * object, so a list where an object belongs would pass with its items silently dropped; and it
 * drops keys it does not know, so `why_it_matters` would vanish from the email without a word.
 * Every unknown key is an issue at its own path, with the field it was likely meant to be.
 * (`strictObject` names only the first unknown key, and without a suggestion.)
 */
export function record<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  const known = Object.keys(entries);
  return v.pipe(
    v.custom<Record<string, unknown>>(
      isRecord,
      (issue) => `expected an object, found ${describe(issue.input)}`,
    ),
    // Valibot never copies these keys, so the check after the object would not see them; a
    // briefing holding one is hostile or broken, and this issue alone is reported for its object.
    unknownKeys(known, (key) => reservedKeys.has(key)),
    v.looseObject(entries),
    unknownKeys(known, (key) => !Object.hasOwn(entries, key)),
    // What the check above says, in the JSON Schema (valibot's checks have no JSON Schema form).
    v.metadata<v.InferOutput<v.LooseObjectSchema<TEntries, undefined>>, Record<string, unknown>>({
      additionalProperties: false,
    }),
  );
}

/**
 * The schemas for one set of limits and one text direction: bidirectional formatting characters
 * are allowed in every text field of a right-to-left briefing (see `textCharacterProblem`).
 */
function buildSchemas(limits: Required<BriefingLimits>, direction: 'ltr' | 'rtl') {
  /**
   * A text field's length, then its characters (skipped for oversize text, already reported).
   * Line breaks are normalised after validation (see `settleStrings`): a transform here would
   * hide these messages behind the generic one of a union such as `flashback`.
   */
  const textField = (what: string) =>
    [
      v.maxLength<string, number, v.ErrorMessage<v.MaxLengthIssue<string, number>>>(
        limits.maxTextLength,
        (issue) =>
          `expected ${what} of at most ${limits.maxTextLength} characters, found ${issue.input.length}`,
      ),
      v.rawCheck<string>(({ dataset, addIssue }) => {
        if (!dataset.typed || dataset.value.length > limits.maxTextLength) return;
        const problem =
          textCharacterProblem(dataset.value, direction === 'rtl') ?? readerTokenProblem(dataset.value);
        if (problem) addIssue({ message: problem });
      }),
    ] as const;

  /** Inline links must be https:, http: or mailto: (skipped for oversize text, already reported). */
  const inlineLinkCheck = v.rawCheck<string>(({ dataset, addIssue }) => {
    // Every link is written `[label](url)`: text without `](` has none, and need not be parsed.
    if (!dataset.typed || dataset.value.length > limits.maxTextLength || !dataset.value.includes(']('))
      return;
    for (const href of inlineLinks(parseInline(dataset.value))) {
      const problem = linkProblem(href);
      if (problem) addIssue({ message: `link ${problem}` });
    }
  });

  /** Story text: inline Markdown whose links must be https:, http: or mailto:. */
  const richText = v.pipe(v.string(), ...textField('text'), inlineLinkCheck);

  const nonEmpty = (what: string) =>
    v.pipe(
      v.string(),
      ...textField(what),
      v.check((value) => value.trim().length > 0, `expected a non-empty ${what}, found an empty string`),
      inlineLinkCheck,
    );

  const url = v.pipe(
    v.string(),
    v.rawCheck<string>(({ dataset, addIssue }) => {
      const problem = dataset.typed ? linkProblem(dataset.value) : undefined;
      if (problem) addIssue({ message: problem });
    }),
  );

  /** A URL the sender writes, or an ESP merge tag standing for one (passed through verbatim). */
  const urlOrMergeTag = (problem: (value: string, orElse: string) => string | undefined, tag: string) =>
    v.pipe(
      v.string(),
      v.rawCheck<string>(({ dataset, addIssue }) => {
        if (!dataset.typed || isMergeTag(dataset.value)) return;
        const message = problem(dataset.value, ` or an ESP merge tag such as ${tag}`);
        if (message) addIssue({ message });
      }),
    );
  const footerUrl = urlOrMergeTag(linkProblem, '*|UNSUB|*');
  /** The edition's web page (`webUrl`): http(s), or an ESP's archive merge tag. */
  const pageUrl = urlOrMergeTag(webUrlProblem, '*|ARCHIVE|*');

  const atMost = <T extends unknown[]>(limit: number, what: string) =>
    v.maxLength<T, number, v.ErrorMessage<v.MaxLengthIssue<T, number>>>(
      limit,
      (issue) => `expected at most ${limit} ${what}, found ${issue.input.length}`,
    );

  const bullets = v.pipe(v.array(richText), atMost<string[]>(limits.maxBullets, 'bullets'));
  const numbered = v.pipe(v.array(richText), atMost<string[]>(limits.maxBullets, 'numbered items'));

  /** `{ paragraph }`, `{ bullets }` or `{ numbered }`: exactly one key says what the block is. */
  const block = v.pipe(
    record({ paragraph: v.optional(richText), bullets: v.optional(bullets), numbered: v.optional(numbered) }),
    v.rawCheck<BlockInput>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const kinds = blockKinds.filter((kind) => dataset.value[kind] !== undefined);
      if (kinds.length === 1) return;
      addIssue({
        message: `expected one of "paragraph", "bullets" or "numbered", found ${kinds.length === 0 ? 'none' : kinds.map((kind) => `"${kind}"`).join(' and ')}`,
      });
    }),
    // The JSON Schema form of the check above (valibot's checks have none).
    v.metadata<BlockInput, Record<string, unknown>>({
      oneOf: blockKinds.map((kind) => ({ required: [kind] })),
    }),
  );

  /**
   * A section's list items are counted across its blocks: split into many short lists, a body
   * could otherwise hold `maxBlocks` times `maxBullets` items.
   */
  const body = v.pipe(
    v.array(block),
    atMost<v.InferOutput<typeof block>[]>(limits.maxBlocks, 'blocks'),
    v.check(
      (blocks) => listItems(blocks) <= limits.maxBullets,
      (issue) =>
        `expected at most ${limits.maxBullets} list items in a section, found ${listItems(issue.input)} (bullets and numbered items of all its blocks together)`,
    ),
  );

  /** `body` is the ordered form of `text` + `bullets`; with both, the order would be a guess. */
  const oneBodyForm = <T extends { text?: string; bullets?: string[]; body?: unknown[] }>() =>
    v.rawCheck<T>(({ dataset, addIssue }) => {
      if (!dataset.typed || dataset.value.body === undefined) return;
      const also = (['text', 'bullets'] as const).filter((key) => dataset.value[key] !== undefined);
      if (also.length === 0) return;
      addIssue({
        message: `expected "body" alone or "text"/"bullets", not both; found "body" with ${also.map((key) => `"${key}"`).join(' and ')}`,
        path: [
          {
            type: 'object',
            origin: 'value',
            input: dataset.value,
            key: 'body',
            value: dataset.value.body,
          },
        ],
      });
    });
  const bodyFormMetadata = <T>() =>
    v.metadata<T, Record<string, unknown>>({
      not: { required: ['body'], anyOf: [{ required: ['text'] }, { required: ['bullets'] }] },
    });

  const sugarRecord = record({
    text: v.optional(richText),
    bullets: v.optional(bullets),
    body: v.optional(body),
  });
  const sectionBody = v.union(
    [
      richText,
      bullets,
      v.pipe(
        sugarRecord,
        oneBodyForm<v.InferOutput<typeof sugarRecord>>(),
        bodyFormMetadata<v.InferOutput<typeof sugarRecord>>(),
      ),
    ],
    (issue) =>
      `expected text, a list of bullets or { text, bullets } / { body }, found ${describe(issue.input)}`,
  );

  const sectionRecord = record({
    label: v.optional(nonEmpty('section label')),
    text: v.optional(richText),
    bullets: v.optional(bullets),
    body: v.optional(body),
  });
  const section = v.pipe(
    sectionRecord,
    oneBodyForm<v.InferOutput<typeof sectionRecord>>(),
    bodyFormMetadata<v.InferOutput<typeof sectionRecord>>(),
    // A section may lack a label or a body, not both: an empty one would vanish from the email.
    v.check(
      (section) => (['label', 'text', 'bullets', 'body'] as const).some((key) => section[key] !== undefined),
      'expected a label, text, bullets or body, found an empty section',
    ),
  );

  const image = v.pipe(
    record({
      src: url,
      alt: v.pipe(
        v.string((issue) => `expected alt text as a string, found ${describe(issue.input)}`),
        ...textField('alt text'),
      ),
      width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000))),
      height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
      aspectRatio: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(10))),
      href: v.optional(url),
      credit: v.optional(richText),
    }),
    // Proportions come from width and height together, or from aspectRatio: never half of each.
    v.forward(
      v.check(
        (image) => image.height === undefined || image.width !== undefined,
        (issue) =>
          `expected width alongside height (or aspectRatio alone), found height ${issue.input.height} without width`,
      ),
      ['height'],
    ),
    v.forward(
      v.check(
        (image) => image.height === undefined || image.aspectRatio === undefined,
        'expected either height or aspectRatio, found both',
      ),
      ['aspectRatio'],
    ),
  );

  const storyEntries = {
    headline: nonEmpty('headline'),
    kicker: v.optional(richText),
    byline: v.optional(richText),
    lede: v.optional(richText),
    whyItMatters: v.optional(richText),
    flashback: v.optional(sectionBody),
    whatsNext: v.optional(sectionBody),
    sections: v.optional(
      v.pipe(v.array(section), atMost<v.InferOutput<typeof section>[]>(limits.maxSections, 'sections')),
    ),
    image: v.optional(image),
    source: v.optional(record({ label: v.optional(richText), url: v.optional(url) })),
  };
  const story = record(storyEntries);

  const sponsor = record({
    label: v.optional(richText),
    headline: nonEmpty('sponsor headline'),
    text: v.optional(richText),
    url: v.optional(url),
    image: v.optional(image),
    after: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  });

  const briefingEntries = {
    title: nonEmpty('title'),
    date: v.optional(
      v.pipe(
        v.string(),
        v.check(
          isIsoDate,
          (issue) => `expected an ISO 8601 date like "2026-03-14", found ${quote(issue.input)}`,
        ),
      ),
    ),
    subject: v.optional(nonEmpty('subject')),
    preheader: v.optional(v.pipe(v.string(), ...textField('preheader'))),
    greeting: v.optional(richText),
    locale: v.optional(
      v.pipe(
        v.string(),
        v.check(
          isLocale,
          (issue) => `expected a BCP 47 language tag like "en-US", found ${quote(issue.input)}`,
        ),
      ),
    ),
    dir: v.optional(
      v.picklist(['ltr', 'rtl'], (issue) => `expected "ltr" or "rtl", found ${describe(issue.input)}`),
    ),
    stories: v.pipe(
      v.array(story),
      v.minLength(1, 'expected at least one story, found none'),
      atMost<v.InferOutput<typeof story>[]>(limits.maxStories, 'stories'),
    ),
    sponsor: v.optional(sponsor),
    webUrl: v.optional(pageUrl),
    footer: v.optional(
      record({
        text: v.optional(richText),
        address: v.optional(richText),
        unsubscribeUrl: v.optional(footerUrl),
        preferencesUrl: v.optional(footerUrl),
      }),
    ),
  };

  // A JSON file may name its schema for editors (`"$schema": "…/briefing.schema.json"`): allowed
  // at the top level only, and dropped from the validated data.
  const schemaKey = { $schema: v.optional(v.string()) };
  return {
    briefing: record({ ...briefingEntries, ...schemaKey }),
    story: record({ ...storyEntries, ...schemaKey }),
    limits,
  };
}

/** Bullet and numbered items of a section body's blocks, together. */
function listItems(blocks: readonly BlockInput[]): number {
  let count = 0;
  for (const block of blocks) count += (block.bullets?.length ?? 0) + (block.numbered?.length ?? 0);
  return count;
}

/**
 * One walk over the strings of validated data, which valibot built as a fresh copy, so they can be
 * rewritten in place: CRLF and lone CR become LF (every later stage then sees one kind of line
 * break), and the characters are counted for `maxTotalLength`.
 */
export function settleStrings(container: object): number {
  const fields = container as Record<string, unknown>;
  let total = 0;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value === 'string') {
      const settled = normalizeLineBreaks(value);
      if (settled !== value) fields[key] = settled;
      total += settled.length;
    } else if (typeof value === 'object' && value !== null) {
      total += settleStrings(value);
    }
  }
  return total;
}

/** Cached like `isLocale`: an edition's date is checked on every render of it. */
const isIsoDate = memoizeString((value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
});

const isLocale = memoizeString((value: string): boolean => {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
});

type Schemas = ReturnType<typeof buildSchemas>;
type Direction = 'ltr' | 'rtl';
const schemaCache = new Map<string, Schemas>();
/** Most calls give no limits: they skip merging and serialising the defaults. */
const defaultSchemaSets: Partial<Record<Direction, Schemas>> = {};

function schemasFor(limits: BriefingLimits | undefined, direction: Direction): Schemas {
  if (limits === undefined) {
    defaultSchemaSets[direction] ??= schemasFor({}, direction);
    return defaultSchemaSets[direction];
  }
  const resolved = { ...defaultLimits, ...limits };
  const key = `${direction} ${JSON.stringify(resolved)}`;
  let schemas = schemaCache.get(key);
  if (!schemas) {
    schemas = buildSchemas(resolved, direction);
    schemaCache.set(key, schemas);
  }
  return schemas;
}

/**
 * The direction the input asks for, read before validation so text checks can depend on it: an
 * invalid `dir` or `locale` is reported by its own check and counts as left-to-right here.
 */
export function directionOf(input: object): Direction {
  const { dir, locale } = input as { dir?: unknown; locale?: unknown };
  if (dir === 'rtl' || dir === 'ltr') return dir;
  return dir === undefined && typeof locale === 'string' && defaultDir(locale) === 'rtl' ? 'rtl' : 'ltr';
}

/** The schemas with default limits: what `briefingJsonSchema` is generated from. */
export function defaultSchemas(): Schemas {
  return schemasFor(undefined, 'ltr');
}

const typeNames: Record<string, string> = { Object: 'an object', Array: 'a list' };

/** Valibot's default messages, rewritten as "expected X, found Y"; custom messages pass as written. */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  const expected = typeNames[issue.expected ?? ''] ?? issue.expected ?? 'a valid value';
  return `expected ${expected}, found ${describe(issue.input)}`;
}

/** Messages for missing fields where the bare "expected string" would not say enough. */
const requiredMessages: Record<string, string> = {
  alt: 'required: expected alt text describing the image (use "" only for a decorative image), found nothing',
};

/** `record` is a loose object checked for unknown keys; plain objects are kept for other callers. */
const isObjectType = (type: string) => type === 'object' || type === 'loose_object';

function toIssues(schema: v.GenericSchema, issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((issue) => {
    const keys = (issue.path ?? []).map((item) => item.key as PropertyKey);
    let message = issue.message;
    if (isObjectType(issue.type) && issue.input === undefined && keys.length > 0) {
      const field = String(keys[keys.length - 1]);
      const expects = expectsAt(schema, keys);
      message =
        requiredMessages[field] ??
        `required: expected ${expects ? (typeNames[expects] ?? expects) : 'a value'}, found nothing`;
    }
    return { path: formatPath(keys), message };
  });
}

interface SchemaNode {
  type?: string;
  expects?: string;
  wrapped?: SchemaNode;
  pipe?: SchemaNode[];
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
}

/** What the schema expects at a path (`string`, `Object`…), for "required" messages. */
function expectsAt(schema: v.GenericSchema, keys: readonly PropertyKey[]): string | undefined {
  let current: SchemaNode | undefined = schema as SchemaNode;
  for (const key of keys) {
    const node: SchemaNode | undefined = current && unwrap(current);
    current = typeof key === 'number' ? node?.item : node?.entries?.[String(key)];
  }
  if (!current) return undefined;
  const target = unwrap(current);
  return target.type !== undefined && isObjectType(target.type) ? 'Object' : target.expects;
}

/** Looks through `optional` and pipes to the schema that holds entries (object) or items (array). */
function unwrap(schema: SchemaNode): SchemaNode {
  let current = schema;
  while (current.type === 'optional' && current.wrapped) current = current.wrapped;
  if (current.pipe)
    return current.pipe.find((item) => item.entries || item.item) ?? current.pipe[0] ?? current;
  return current;
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
 * and returned as a one-story briefing titled by its headline. A field the format does not know is
 * an issue at its path (`stories[0].why_it_matters: unknown field; did you mean "whyItMatters"?`):
 * dropping it would silently lose copy. A top-level `$schema` (for editors) is allowed and dropped.
 *
 * @example
 * const result = validateBriefing(JSON.parse(body));
 * if (!result.success) console.error(result.error.issues);
 */
export function validateBriefing(input: unknown, options: ValidateOptions = {}): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([
      { path: '', message: `expected a briefing object or a story object, found ${describe(input)}` },
    ]);
  }
  const schemas = schemasFor(options.limits, directionOf(input));
  if (!('stories' in input) && 'headline' in input) {
    const result = v.safeParse(schemas.story, input, { message: issueMessage });
    if (!result.success) return fail(toIssues(schemas.story, result.issues));
    const { $schema: _schema, ...story } = result.output as Story & { $schema?: string };
    const tooLong = settledWithin(story, schemas.limits);
    if (tooLong) return fail([tooLong]);
    // The masthead title is plain text: the headline's inline Markdown markers are dropped.
    return { success: true, data: { title: inlinePlain(parseInline(story.headline)), stories: [story] } };
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
  const result = v.safeParse(schemas.briefing, input, { message: issueMessage });
  if (!result.success) return fail(toIssues(schemas.briefing, result.issues));
  const { $schema: _schema, ...briefing } = result.output as Briefing & { $schema?: string };
  const tooLong = settledWithin(briefing, schemas.limits);
  if (tooLong) return fail([tooLong]);
  return { success: true, data: briefing };
}

/**
 * Settles the strings of valid data (see `settleStrings`) and checks the whole-briefing size: each
 * field within its own limit can still add up to more than a render service should take on.
 */
function settledWithin(valid: object, limits: Required<BriefingLimits>): ValidationIssue | undefined {
  return totalLengthIssue(settleStrings(valid), limits);
}

/** The issue for a briefing of `total` characters, when that is over `maxTotalLength`. */
export function totalLengthIssue(
  total: number,
  limits: Required<BriefingLimits>,
): ValidationIssue | undefined {
  if (total <= limits.maxTotalLength) return undefined;
  return {
    path: '',
    message: `expected at most ${limits.maxTotalLength} characters in the whole briefing, found ${total} (every text field, URL and label added up)`,
  };
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

export { briefingJsonSchema } from './generated/briefing-schema.js';
