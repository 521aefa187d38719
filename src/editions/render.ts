/**
 * Renders an edition set: validate once, then each edition's briefing with the renderer for its
 * options (made once per distinct options, on the same compiled template), pooled stories spliced
 * from the parts that renderer kept (see share.ts).
 */
import { BriefingValidationError, NewsbriefError } from '../errors.js';
import type { Briefing } from '../model.js';
import type { RenderOptions, RenderResult } from '../render/renderer.js';
import type { BriefingLimits } from '../schema.js';
import { findEdition } from './flatten.js';
import type { EditionOptions, EditionResult, EditionSet } from './set.js';
import type { StoryShare } from './share.js';
import { assertEditionSet } from './validate.js';

/** What a renderer lends an edition set: its limits, kept parts, and its variants per options. */
export interface EditionPress {
  limits: BriefingLimits | undefined;
  share: StoryShare;
  /** Renders a validated edition briefing, splicing kept parts of pool stories. */
  render(briefing: Briefing): RenderResult;
  /** The press of a renderer for these edition options over this one's, made once. */
  variant(options: EditionOptions): EditionPress;
}

/** `renderer.renderEditions(set)`: see `Renderer.renderEditions`. */
export function renderEditionSet(press: EditionPress, set: EditionSet): EditionResult[] {
  const valid = assertEditionSet(set, { limits: press.limits });
  const presses = valid.editions.map(({ options }, index) => pressFor(press, options, index));
  for (const each of new Set(presses)) each.share.pool(valid.pooled);
  return valid.editions.map(({ id, briefing }, index) => ({
    id,
    result: (presses[index] as EditionPress).render(briefing),
  }));
}

function pressFor(press: EditionPress, options: EditionOptions | undefined, index: number): EditionPress {
  if (options === undefined || Object.keys(options).length === 0) return press;
  try {
    return press.variant(options);
  } catch (error) {
    // Option errors name the option (`theme.brandColor`, "Option toc: …"): add the edition's path.
    const at = `editions[${index}].options`;
    if (error instanceof BriefingValidationError)
      throw new BriefingValidationError(
        error.issues.map((issue) => ({ ...issue, path: issue.path ? `${at}.${issue.path}` : at })),
      );
    if (!(error instanceof NewsbriefError)) throw error;
    throw new BriefingValidationError([{ path: at, message: error.message.replace(/^Option /, '') }]);
  }
}

/**
 * The options one edition renders with: the renderer's, with the edition's `theme` and `labels`
 * laid over them key by key and its other settings replacing them. `width` is the renderer's
 * template layout: an edition may repeat it, not change it.
 */
export function mergeEditionOptions(
  base: RenderOptions,
  edition: EditionOptions,
  width: number | undefined,
): RenderOptions {
  const editionWidth = edition.theme?.width;
  if (editionWidth !== undefined && width !== undefined && editionWidth !== width) {
    throw new NewsbriefError(
      `Option theme.width: expected ${width}, the width of the renderer's template, found ${String(editionWidth)}; render editions of another width with a renderer of that width.`,
    );
  }
  return {
    ...base,
    ...edition,
    theme: { ...base.theme, ...edition.theme, ...(width === undefined ? {} : { width }) },
    ...(base.labels || edition.labels ? { labels: { ...base.labels, ...edition.labels } } : {}),
  };
}

/**
 * The options `renderEditions(set, options)` renders edition `id` with, for rendering its
 * `flattenEdition` briefing alone: `renderBriefing(flattenEdition(set, id), editionRenderOptions(set, id, options))`
 * gives the same result.
 */
export function editionRenderOptions(
  set: EditionSet,
  id: string,
  options: RenderOptions = {},
): RenderOptions {
  const { checked, index } = findEdition(set, id);
  const edition = checked.editions[index]?.options as EditionOptions | undefined;
  if (edition === undefined || Object.keys(edition).length === 0) return options;
  return mergeEditionOptions(options, edition, options.theme?.width);
}
