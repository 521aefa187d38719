/**
 * Image proportions. An `<img>` carrying both `width` and `height` keeps its box when the client
 * blocks images (Gecko and Chromium reserve it; with `width` alone Gecko collapses to one line of
 * alt text), so the html states both whenever the briefing says enough to compute them.
 */

/** What a briefing may say about an image's size: `width` and `height`, or an `aspectRatio`. */
export interface ImageDimensions {
  width?: number;
  height?: number;
  aspectRatio?: number;
}

/** Width ÷ height, or `undefined` when the briefing does not say. */
export function proportionsOf(image: ImageDimensions): number | undefined {
  if (image.width !== undefined && image.height !== undefined) return image.width / image.height;
  return image.aspectRatio;
}

/** Whole-pixel height of an image shown `width` px wide, or `undefined` when proportions are unknown. */
export function heightAt(width: number, image: ImageDimensions): number | undefined {
  const ratio = proportionsOf(image);
  return ratio === undefined ? undefined : Math.max(1, Math.round(width / ratio));
}

/** Whole-pixel width of an image shown `height` px high, or `undefined` when proportions are unknown. */
export function widthAt(height: number, image: ImageDimensions): number | undefined {
  const ratio = proportionsOf(image);
  return ratio === undefined ? undefined : Math.max(1, Math.round(height * ratio));
}
