/**
 * Validates an edition set's content: every edition's briefing against the briefing format and
 * its limits, with each shared story validated once (per text direction, which decides whether
 * bidirectional formatting characters are allowed) instead of once per edition. Issues name the
 * field where the set holds it: `editions[3].stories[1]`, `stories[2].headline` (the pool),
 * `defaults.footer.unsubscribeUrl`.
 */
import { BriefingValidationError, type ValidationIssue } from '../errors.js';
import type { Briefing, Story } from '../model.js';
import {
  defaultLimits,
  directionOf,
  settleStrings,
  totalLengthIssue,
  type ValidateOptions,
  validateBriefing,
} from '../schema.js';
import { flattenEntry, poolStory } from './flatten.js';
import { type CheckedSet, checkStructure, type EditionOptions, isRecord } from './set.js';

/** One edition of a valid set: its id, its validated briefing and its own render settings. */
export interface ValidatedEdition {
  /** The edition's `id`. */
  id: string;
  /** The flattened briefing, validated (see `flattenEdition`). */
  briefing: Briefing;
  /** The edition's own render settings, as the set gives them. */
  options?: EditionOptions;
}

/** The result of `validateEditionSet`. */
export type EditionSetValidationResult =
  | { success: true; data: ValidatedEdition[] }
  | { success: false; error: BriefingValidationError };

/** A validated set, with the validated pool stories its editions share (by object). */
export interface ValidSet {
  editions: ValidatedEdition[];
  pooled: Story[];
}

/** Stands in for a pool story while an edition's own fields are validated. */
const placeholder: Story = { headline: 'x' };

/**
 * Checks an edition set without rendering it: structure (keys, unique ids, references to the pool)
 * and every edition's flattened briefing, each within the limits. Returns the editions' validated
 * briefings, or an error listing every issue once, at the path where the set holds the field.
 *
 * @example
 * const checked = validateEditionSet(JSON.parse(body));
 * if (!checked.success) console.error(checked.error.issues);
 */
export function validateEditionSet(
  input: unknown,
  options: ValidateOptions = {},
): EditionSetValidationResult {
  try {
    return { success: true, data: assertEditionSet(input, options).editions };
  } catch (error) {
    if (error instanceof BriefingValidationError) return { success: false, error };
    throw error;
  }
}

/** Validates the set, or throws `BriefingValidationError` with every issue. */
export function assertEditionSet(input: unknown, options: ValidateOptions = {}): ValidSet {
  const structural: ValidationIssue[] = [];
  const checked = checkStructure(input, structural);
  if (checked === undefined) throw new BriefingValidationError(structural);
  const issues = new Issues();
  const pool = new PoolValidator(checked, options, issues);
  const limits = { ...defaultLimits, ...options.limits };
  const editions: ValidatedEdition[] = [];
  checked.editions.forEach((edition, index) => {
    const path = `editions[${index}]`;
    const entries = edition.stories as unknown[];
    const refs = entries.map((story) => (typeof story === 'string' ? story : undefined));
    const flat = flattenEntry(checked.defaults, edition, (story) =>
      typeof story === 'string' ? placeholder : story,
    );
    const direction = directionOf(flat);
    const shared = refs.map((id) => (id === undefined ? undefined : pool.story(id, direction)));
    // Pool stories are validated once, above: the edition's briefing is checked with its own
    // stories only (one stand-in when it has none). With no stories or over the story limit, every
    // entry stands in, so the count's issue reads as it does for the briefing alone.
    const counted = entries.length > 0 && entries.length <= limits.maxStories;
    const own = counted ? localPositions(refs) : undefined;
    const shell =
      own === undefined
        ? flat
        : { ...flat, stories: own.length > 0 ? own.map((at) => entries[at]) : [placeholder] };
    const result = validateBriefing(shell, options);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const at = own === undefined ? issue.path : storyPathIn(issue.path, own);
        issues.add(issuePath(at, path, edition, checked.defaults), issue.message);
      }
      return;
    }
    if (shared.includes(null)) return;
    // The edition's own stories as validated, in order (stand-ins left out), then the pool
    // stories put back in their places; the stand-ins' characters do not count, the pool's do.
    const checkedStories = shell.stories as unknown[];
    const ownStories = result.data.stories.filter((_, k) => checkedStories[k] !== placeholder);
    let total =
      settleStrings(result.data) - (checkedStories.length - ownStories.length) * placeholder.headline.length;
    let next = 0;
    const stories = shared.map((kept) => {
      if (!kept) return ownStories[next++] as Story;
      total += kept.length;
      return kept.story;
    });
    const tooLong = totalLengthIssue(total, limits);
    if (tooLong) issues.add(path, tooLong.message);
    else
      editions.push({
        id: edition.id as string,
        briefing: { ...result.data, stories },
        ...(edition.options === undefined ? {} : { options: edition.options as EditionOptions }),
      });
  });
  // Pool stories no edition names are checked too: the pool is part of the document.
  for (const id of checked.pool.keys()) pool.story(id, 'ltr');
  if (issues.list.length > 0) throw new BriefingValidationError(issues.list);
  return { editions, pooled: pool.valid() };
}

/** Positions of an edition's own stories (not pool references), in order. */
function localPositions(refs: readonly (string | undefined)[]): number[] {
  const positions: number[] = [];
  refs.forEach((ref, at) => {
    if (ref === undefined) positions.push(at);
  });
  return positions;
}

/** An issue path in a briefing of the edition's own stories, as a path in the whole edition. */
function storyPathIn(path: string, own: readonly number[]): string {
  return path.replace(/^stories\[(\d+)\]/, (found, k: string) => {
    const at = own[Number(k)];
    return at === undefined ? found : `stories[${at}]`;
  });
}

/** Issues in the order found, each path and message once (a default's fault shows in every edition). */
class Issues {
  readonly list: ValidationIssue[] = [];
  private readonly seen = new Set<string>();

  add(path: string, message: string): void {
    const key = `${path}\n${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ path, message });
  }
}

type Direction = 'ltr' | 'rtl';

/** A validated pool story and its characters (for `maxTotalLength`), or `null` when invalid. */
type PoolEntry = { story: Story; length: number } | null;

/** Validates each pool story once per text direction an edition shows it in. */
class PoolValidator {
  private readonly done = new Map<string, PoolEntry>();

  constructor(
    private readonly checked: CheckedSet,
    private readonly options: ValidateOptions,
    private readonly issues: Issues,
  ) {}

  story(id: string, direction: Direction): PoolEntry {
    const key = `${direction} ${id}`;
    const done = this.done.get(key);
    if (done !== undefined) return done;
    const index = this.checked.pool.get(id)?.index ?? 0;
    const result = validateBriefing(
      { title: 'Shared story', dir: direction, stories: [poolStory(this.checked, id)] },
      this.options,
    );
    let entry: PoolEntry = null;
    if (result.success) {
      const story = result.data.stories[0] as Story;
      entry = { story, length: settleStrings(story) };
    } else {
      for (const issue of result.error.issues) {
        // The briefing around the story is newsbrief's own: only the story's issues are the user's.
        if (issue.path.startsWith('stories[0]'))
          this.issues.add(`stories[${index}]${issue.path.slice('stories[0]'.length)}`, issue.message);
        else this.issues.add(`stories[${index}]`, issue.message);
      }
    }
    this.done.set(key, entry);
    return entry;
  }

  /** The valid pool stories, each direction's copy. */
  valid(): Story[] {
    const stories: Story[] = [];
    for (const entry of this.done.values()) if (entry) stories.push(entry.story);
    return stories;
  }
}

/**
 * Where the set holds the field an issue of an edition's flattened briefing names: the edition,
 * or the defaults when the edition does not set it (a footer field by field).
 */
function issuePath(
  path: string,
  editionPath: string,
  edition: Record<string, unknown>,
  defaults: Record<string, unknown>,
): string {
  if (path === '') return editionPath;
  const [head = '', rest = ''] = /^([^.[]*)(.*)$/.exec(path)?.slice(1) ?? [];
  let owner: Record<string, unknown> = edition;
  if (head === 'footer' && rest.startsWith('.')) {
    const field = /^\.([^.[]*)/.exec(rest)?.[1] ?? '';
    const own = isRecord(edition.footer) && field in edition.footer;
    if (!own && isRecord(defaults.footer) && field in defaults.footer) owner = defaults;
  } else if (head !== 'stories' && !(head in edition) && head in defaults) {
    owner = defaults;
  }
  return owner === defaults ? `defaults.${path}` : `${editionPath}.${path}`;
}
