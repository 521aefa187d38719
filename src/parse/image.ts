/**
 * Image size in Markdown, in Pandoc's attribute syntax right after the image:
 * `![alt](src "credit"){width=1200 height=800}`, or `{aspectRatio=3:2}` (also `1.5`). A linked
 * image takes it after the link: `[![alt](src)](href){width=1200 height=800}`.
 */
import type { StoryImage } from '../model.js';
import { parseError } from './errors.js';
import { imageOf } from './inline-source.js';

const attributeBlock = /^\{([^{}]*)\}$/;
const attribute = /^([A-Za-z-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))$/;
const pixels = /^(\d+)(?:px)?$/;
const ratio = /^(\d+(?:\.\d+)?)(?:[:/](\d+(?:\.\d+)?))?$/;

/**
 * The story image of a paragraph that is only an image, optionally followed by its size block; a
 * size block it cannot read is an error naming the line. Works on the paragraph's source text, so
 * it costs one pass however long the paragraph.
 */
export function imageWithSize(raw: string, line: number): StoryImage | undefined {
  const text = raw.trim();
  const brace = text.endsWith('}') ? text.lastIndexOf('{') : -1;
  if (brace <= 0) return imageOf(text);
  const image = imageOf(text.slice(0, brace).trimEnd());
  if (!image) return undefined;
  const block = attributeBlock.exec(text.slice(brace));
  if (!block) return undefined;
  return { ...image, ...sizeOf(block[1] ?? '', line) };
}

function sizeOf(block: string, line: number): Pick<StoryImage, 'width' | 'height' | 'aspectRatio'> {
  const size: Pick<StoryImage, 'width' | 'height' | 'aspectRatio'> = {};
  for (const pair of block.trim().split(/\s+/).filter(Boolean)) {
    const match = attribute.exec(pair);
    const key = match?.[1];
    const value = match?.[2] ?? match?.[3] ?? match?.[4] ?? '';
    if (key === 'width' || key === 'height') {
      const px = pixels.exec(value);
      if (!px?.[1]) throw parseError(line, `expected an image ${key} in px like ${key}=800, found "${pair}"`);
      size[key] = Number(px[1]);
    } else if (key === 'aspectRatio' || key === 'aspect-ratio') {
      const r = ratio.exec(value);
      if (!r?.[1])
        throw parseError(line, `expected an aspect ratio like aspectRatio=3:2 or 1.5, found "${pair}"`);
      size.aspectRatio = r[2] ? Number(r[1]) / Number(r[2]) : Number(r[1]);
    } else {
      throw parseError(
        line,
        `expected image attributes width=, height= or aspectRatio= (e.g. {width=1200 height=800}), found "${pair}"`,
      );
    }
  }
  return size;
}
