/**
 * One edition of a set as the briefing it stands for: what `renderEditions` renders for it, and
 * what a preview, a test or a one-off send renders alone.
 */
import { unknownFieldMessage } from '../did-you-mean.js';
import { BriefingValidationError, type ValidationIssue } from '../errors.js';
import type { Briefing, Story } from '../model.js';
import { briefingFields, type CheckedSet, checkStructure, type EditionSet, isRecord } from './set.js';

/**
 * The briefing of one edition: the defaults, then the edition's own fields over them (`footer`
 * merged field by field, every other field replaced whole), and its stories with each pool id
 * replaced by that pool story (without its `id`). Structural problems (unknown keys, ids or story
 * references) throw `BriefingValidationError`; the content is checked when the briefing renders.
 *
 * @example
 * const briefing = flattenEdition(set, 'denver');
 * const preview = await renderBriefing(briefing, editionRenderOptions(set, 'denver'));
 */
export function flattenEdition(set: EditionSet, id: string): Briefing {
  const { checked, index } = findEdition(set, id);
  const edition = checked.editions[index] as Record<string, unknown>;
  return flattenEntry(checked.defaults, edition, (story) =>
    typeof story === 'string' ? poolStory(checked, story) : (story as Story),
  );
}

/** The pool story `id` as a story: the pool entry without its `id`. */
export function poolStory(checked: CheckedSet, id: string): Story {
  const { id: _id, ...story } = checked.pool.get(id)?.story ?? {};
  return story as unknown as Story;
}

/** A set checked for structure, and the index of edition `id` in it; throws when either fails. */
export function findEdition(set: unknown, id: string): { checked: CheckedSet; index: number } {
  const issues: ValidationIssue[] = [];
  const checked = checkStructure(set, issues);
  if (checked === undefined) throw new BriefingValidationError(issues);
  const index = checked.editions.findIndex((edition) => edition.id === id);
  if (index < 0) {
    const ids = checked.editions.map((edition) => String(edition.id));
    throw new BriefingValidationError([
      {
        path: 'editions',
        message: `no edition "${id}"; ${unknownFieldMessage(id, ids).replace(/^unknown field; /, '')}`,
      },
    ]);
  }
  return { checked, index };
}

/**
 * The briefing an edition stands for, its stories resolved by `story` (pool ids to pool stories,
 * or to placeholders while validating). Keys come in the defaults' order, then the edition's.
 */
export function flattenEntry(
  defaults: Record<string, unknown>,
  edition: Record<string, unknown>,
  story: (entry: unknown, index: number) => unknown,
): Briefing {
  const briefing: Record<string, unknown> = {};
  for (const key of briefingFields) if (key in defaults) briefing[key] = defaults[key];
  for (const key of briefingFields) if (key in edition) briefing[key] = edition[key];
  if (isRecord(defaults.footer) && isRecord(edition.footer))
    briefing.footer = { ...defaults.footer, ...edition.footer };
  briefing.stories = Array.isArray(edition.stories) ? edition.stories.map(story) : edition.stories;
  return briefing as unknown as Briefing;
}
