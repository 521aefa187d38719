/** Sugar fields and `sections` → one ordered list of axiom sections, in the contract's reading order. */
import type { Section, SectionBody, Story } from '../model.js';

/** An axiom section with the JSON path it came from, so lint and errors can point at it. */
export interface OrderedSection {
  label: string;
  text?: string;
  bullets: string[];
  /** Path of the section's source relative to the story, e.g. `whyItMatters` or `sections[2]`. */
  path: string;
  /** Path of its text (`sections[2].text`, or `flashback` when the sugar body is a string). */
  textPath: string;
  /** Path of bullet `i`: `bulletPath(i)`. */
  bulletPath: (index: number) => string;
}

/** Standard labels of the sugar fields. */
export const sugarLabels = {
  whyItMatters: 'Why it matters',
  flashback: 'Flashback',
  whatsNext: "What's next",
} as const;

/**
 * Reading order: Why it matters, Flashback, `sections` in the given order, What's next.
 * Empty sections (no text, no bullets) are dropped.
 */
export function orderedSections(story: Story): OrderedSection[] {
  const list: OrderedSection[] = [];
  if (story.whyItMatters !== undefined)
    list.push(fromBody(sugarLabels.whyItMatters, story.whyItMatters, 'whyItMatters'));
  if (story.flashback !== undefined) list.push(fromBody(sugarLabels.flashback, story.flashback, 'flashback'));
  story.sections?.forEach((section: Section, index) => {
    const path = `sections[${index}]`;
    list.push({
      label: section.label.trim(),
      text: section.text,
      bullets: section.bullets ?? [],
      path,
      textPath: `${path}.text`,
      bulletPath: (i) => `${path}.bullets[${i}]`,
    });
  });
  if (story.whatsNext !== undefined) list.push(fromBody(sugarLabels.whatsNext, story.whatsNext, 'whatsNext'));
  return list.filter((section) => (section.text?.trim() ?? '') !== '' || section.bullets.length > 0);
}

function fromBody(label: string, body: SectionBody, path: string): OrderedSection {
  if (typeof body === 'string') {
    return { label, text: body, bullets: [], path, textPath: path, bulletPath: (i) => `${path}[${i}]` };
  }
  if (Array.isArray(body)) {
    return { label, bullets: body, path, textPath: path, bulletPath: (i) => `${path}[${i}]` };
  }
  return {
    label,
    text: body.text,
    bullets: body.bullets ?? [],
    path,
    textPath: `${path}.text`,
    bulletPath: (i) => `${path}.bullets[${i}]`,
  };
}
