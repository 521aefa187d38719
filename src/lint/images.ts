/** Image rules: every image says how big it is, so its box survives blocked images. */
import type { StoryImage } from '../model.js';
import { proportionsOf } from '../normalize/image-size.js';
import { finding, type LintContext } from './context.js';
import type { LintWarning } from './types.js';

/**
 * `image-dimensions`: a story or sponsor image without `width` and `height` (or `aspectRatio`).
 * Without both, a client that blocks images cannot reserve the picture's box: Gecko (Thunderbird)
 * collapses it to a line of alt text, and the layout jumps when images load.
 */
export function imageDimensions(ctx: LintContext): LintWarning[] {
  const warnings: LintWarning[] = [];
  const check = (image: StoryImage | undefined, path: string) => {
    if (!image || proportionsOf(image) !== undefined) return;
    warnings.push(
      finding(
        'image-dimensions',
        'warning',
        `Image "${image.alt || image.src}" has no ${image.width === undefined ? 'width and height' : 'height'}; add them (or aspectRatio) so clients that block images keep its space.`,
        path,
      ),
    );
  };
  if (!ctx.standalone) check(ctx.briefing.sponsor?.image, 'sponsor.image');
  for (const { story, at } of ctx.stories) check(story.image, at('image'));
  return warnings;
}
