/** The table of contents option (`RenderOptions.toc`, `WebPageOptions.toc`), checked. */
import { NewsbriefError } from '../errors.js';
import { describe } from '../schema.js';

/** Fewest stories that get a table of contents with `toc: true`. */
const defaultTocMinStories = 4;

/** The story count from which the table of contents shows, or `undefined` for never. */
export function checkToc(toc: boolean | { minStories?: number } | undefined): number | undefined {
  if (toc === undefined || toc === false) return undefined;
  if (toc === true) return defaultTocMinStories;
  const minStories =
    typeof toc === 'object' && toc !== null ? (toc.minStories ?? defaultTocMinStories) : undefined;
  if (typeof minStories !== 'number' || !Number.isInteger(minStories) || minStories < 1) {
    const found = typeof toc === 'object' && toc !== null ? describe(toc.minStories) : describe(toc);
    throw new NewsbriefError(
      `Option toc: expected true, false or { minStories: a whole number of at least 1 }, found ${found}.`,
    );
  }
  return minStories;
}
