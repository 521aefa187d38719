/**
 * Sugar fields and `sections` → one ordered list of sections, in the contract's reading order, each
 * with its body as ordered blocks whatever form it was written in (`text` + `bullets`, or `body`).
 */
import type { Section, SectionBlock, SectionBody, Story } from '../model.js';

/** A paragraph or a list of a section, with the JSON path it came from. */
export type OrderedBlock =
  | { kind: 'paragraph'; text: string; path: string }
  | {
      kind: 'bullets' | 'numbered';
      items: string[];
      /** Path of the list as a whole: `sections[2].bullets`, `sections[2].body[1].numbered`. */
      path: string;
      /** Path of item `i`: `itemPath(i)`. */
      itemPath: (index: number) => string;
    };

/** A section with the JSON path it came from, so lint and errors can point at it. */
export interface OrderedSection {
  /** The label as written, trimmed; `undefined` for a section without one. */
  label?: string;
  /** Paragraphs and lists in reading order; never empty. */
  blocks: OrderedBlock[];
  /** Path of the section's source relative to the story, e.g. `whyItMatters` or `sections[2]`. */
  path: string;
}

/** Standard labels of the sugar fields. */
export const sugarLabels = {
  whyItMatters: 'Why it matters',
  flashback: 'Flashback',
  whatsNext: "What's next",
} as const;

/** A blank line (spaces allowed) separates paragraphs inside one text field. */
const paragraphBreak = /\n[ \t]*\n\s*/;

/**
 * Reading order: Why it matters, Flashback, `sections` in the given order, What's next.
 * Empty sections (no text, no items) are dropped, and so are empty paragraphs and lists.
 */
export function orderedSections(story: Story): OrderedSection[] {
  const list: OrderedSection[] = [];
  const add = (label: string | undefined, blocks: OrderedBlock[], path: string) => {
    if (blocks.length > 0) list.push(label === undefined ? { blocks, path } : { label, blocks, path });
  };
  if (story.whyItMatters !== undefined)
    add(sugarLabels.whyItMatters, sugarBlocks(story.whyItMatters, 'whyItMatters'), 'whyItMatters');
  if (story.flashback !== undefined)
    add(sugarLabels.flashback, sugarBlocks(story.flashback, 'flashback'), 'flashback');
  story.sections?.forEach((section: Section, index) => {
    const path = `sections[${index}]`;
    const label = section.label?.trim();
    add(label ? label : undefined, sectionBlocks(section, path), path);
  });
  if (story.whatsNext !== undefined)
    add(sugarLabels.whatsNext, sugarBlocks(story.whatsNext, 'whatsNext'), 'whatsNext');
  return list;
}

function sugarBlocks(body: SectionBody, path: string): OrderedBlock[] {
  if (typeof body === 'string') return paragraphs(body, path);
  if (Array.isArray(body)) return list('bullets', body, path);
  return sectionBlocks(body, path);
}

/** `body` in order, else `text` (split at blank lines) followed by `bullets`. */
function sectionBlocks(section: Omit<Section, 'label'>, path: string): OrderedBlock[] {
  if (section.body) return section.body.flatMap((block, index) => bodyBlock(block, `${path}.body[${index}]`));
  const blocks = section.text === undefined ? [] : paragraphs(section.text, `${path}.text`);
  if (section.bullets) blocks.push(...list('bullets', section.bullets, `${path}.bullets`));
  return blocks;
}

function bodyBlock(block: SectionBlock, path: string): OrderedBlock[] {
  if ('paragraph' in block) return paragraphs(block.paragraph, path);
  if ('numbered' in block) return list('numbered', block.numbered, `${path}.numbered`);
  return list('bullets', block.bullets, `${path}.bullets`);
}

function paragraphs(text: string, path: string): OrderedBlock[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split(paragraphBreak).map((paragraph) => ({ kind: 'paragraph', text: paragraph, path }));
}

function list(kind: 'bullets' | 'numbered', items: string[], path: string): OrderedBlock[] {
  if (items.length === 0) return [];
  return [{ kind, items, path, itemPath: (index) => `${path}[${index}]` }];
}
