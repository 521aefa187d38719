/**
 * Assembles one story from the blocks both authoring forms produce (paragraphs, labelled
 * paragraphs, bullet and numbered items, an image), so Markdown and plain text follow the same
 * rules. Sections come out with an ordered `body`: paragraphs and lists in the order written.
 */
import type { Section, SectionBlock, Story, StoryImage } from '../model.js';
import { parseError } from './errors.js';
import { imageWithSize } from './image.js';
import { readLabel } from './labels.js';
import { type SourcePosition, span } from './positions.js';
import { isSourceLabel, linkOnly, type SourceLink, sourceFromText, sourceWord } from './source-link.js';

interface DraftSection {
  label?: string;
  blocks: SectionBlock[];
  /** Where the label (or the first block) was written. */
  start: SourcePosition;
  /** Where each block was written, and each item of a list block. */
  at: SourcePosition[];
  items: SourcePosition[][];
}

/**
 * A `•` bullet (or `●`, `▪`, `◦`, `‣`, `·`) and its text, as both forms read pasted lists. In
 * Markdown it is not a list marker, so such lines arrive inside a paragraph.
 */
export const dotBullet = /^\s*[•●▪◦‣·]\s*(.*)$/u;

/** Positions of what the builder produced, by path relative to the story (`sections[1].body[0]`). */
export type StoryPositions = Map<string, SourcePosition>;

/** Collects a story's blocks in document order and turns them into a `Story`. */
export class StoryBuilder {
  private readonly headline: string;
  private kicker: string | undefined;
  private byline: string | undefined;
  private image: StoryImage | undefined;
  private lede: string | undefined;
  private readonly sections: DraftSection[] = [];
  private blocks = 0;
  private readonly spots: StoryPositions = new Map();
  private readonly start: SourcePosition;
  private end: SourcePosition;

  constructor(headline: string, kicker: string | undefined, spot: SourcePosition) {
    this.headline = headline;
    this.kicker = kicker;
    this.spots.set('headline', spot);
    this.start = spot;
    this.end = spot;
  }

  /** Notes that the story reaches at least to the end of `spot`. */
  private reach(spot: SourcePosition): void {
    if (
      spot.endLine > this.end.endLine ||
      (spot.endLine === this.end.endLine && spot.endColumn > this.end.endColumn)
    )
      this.end = spot;
  }

  /** True until the first block after the headline (an image does not count). */
  get atStart(): boolean {
    return this.blocks === 0;
  }

  setByline(byline: string, spot: SourcePosition): void {
    this.byline = byline;
    this.spots.set('byline', spot);
    this.reach(spot);
  }

  /** The story image; a story holds one, so a second one is an error rather than lost. */
  setImage(image: StoryImage, spot: SourcePosition): void {
    if (this.image)
      throw parseError(spot.line, `a story has one image, and "${this.headline}" already has one`);
    this.image = image;
    this.spots.set('image', spot);
    this.reach(spot);
  }

  /**
   * A paragraph without a label: the lede when it comes first, else the next paragraph of the
   * current section (a section without a label when none has started).
   */
  paragraph(text: string, spot: SourcePosition): void {
    if (!text) return;
    this.blocks += 1;
    this.reach(spot);
    if (this.lede === undefined && this.sections.length === 0) {
      this.lede = text;
      this.spots.set('lede', spot);
      return;
    }
    this.push({ paragraph: text }, spot);
  }

  /** A labelled paragraph (or bullet) starts a section; `text` is what follows the label. */
  section(label: string, text: string, spot: SourcePosition): void {
    this.blocks += 1;
    this.reach(spot);
    this.sections.push({ label, blocks: [], start: spot, at: [], items: [] });
    if (text) this.push({ paragraph: text }, spot);
  }

  /**
   * An item of a bullet or numbered list. Consecutive items of one kind form one list, also across
   * a blank line; before any section they open a section without a label.
   */
  item(kind: 'bullets' | 'numbered', text: string, spot: SourcePosition): void {
    if (!text) return;
    this.blocks += 1;
    this.reach(spot);
    const current = this.sections.at(-1);
    const last = current?.blocks.at(-1);
    if (current && last && kind in last) {
      (last as Record<typeof kind, string[]>)[kind].push(text);
      const index = current.blocks.length - 1;
      current.at[index] = span(current.at[index] as SourcePosition, spot);
      current.items[index]?.push(spot);
      return;
    }
    this.push(kind === 'bullets' ? { bullets: [text] } : { numbered: [text] }, spot);
  }

  private push(block: SectionBlock, spot: SourcePosition): void {
    let current = this.sections.at(-1);
    if (!current) {
      current = { blocks: [], start: spot, at: [], items: [] };
      this.sections.push(current);
    }
    current.blocks.push(block);
    current.at.push(spot);
    current.items.push('paragraph' in block ? [] : [spot]);
  }

  /** The finished story: the source taken from its end, empty sections dropped. */
  build(): Story {
    const source = this.takeSource();
    const story: Story = { headline: this.headline };
    if (this.kicker) story.kicker = this.kicker;
    if (this.byline) story.byline = this.byline;
    if (this.lede !== undefined) story.lede = this.lede;
    const sections: Section[] = [];
    for (const draft of this.sections) {
      if (draft.blocks.length === 0) continue;
      const path = `sections[${sections.length}]`;
      this.spots.set(path, span(draft.start, draft.at.at(-1) as SourcePosition));
      draft.blocks.forEach((block, index) => {
        this.spots.set(`${path}.body[${index}]`, draft.at[index] as SourcePosition);
        const kind = 'bullets' in block ? 'bullets' : 'numbered' in block ? 'numbered' : undefined;
        draft.items[index]?.forEach((item, at) => {
          if (kind) this.spots.set(`${path}.body[${index}].${kind}[${at}]`, item);
        });
      });
      sections.push(
        draft.label === undefined ? { body: draft.blocks } : { label: draft.label, body: draft.blocks },
      );
    }
    if (sections.length > 0) story.sections = sections;
    if (this.image) story.image = this.image;
    if (source) {
      story.source = source.link;
      this.spots.set('source', source.spot);
    }
    this.spots.set('', span(this.start, this.end));
    return story;
  }

  /** Where each part of the built story was written (`''` is the whole story); complete after `build()`. */
  get positions(): StoryPositions {
    return this.spots;
  }

  /**
   * Removes the source link written at the end of the story and returns it: a link-only or
   * source-word paragraph (with the source word above a link), or a last "Go deeper: …" section.
   */
  private takeSource(): { link: SourceLink; spot: SourcePosition } | undefined {
    const section = this.sections.at(-1);
    if (!section) return undefined;
    const last = section.blocks.at(-1);
    const lastText = last && blockText(last);
    const spot = section.at.at(-1);
    if (lastText === undefined || !spot) return undefined;

    if (isSourceLabel(section.label) && section.blocks.length === 1) {
      this.sections.pop();
      return { link: sourceFromText(section.label as string, lastText), spot: span(section.start, spot) };
    }
    // The only text of a labelled section is what the label says ("Why it matters: More."), never
    // a source line: taking it would leave the label with nothing and drop the section.
    if (section.label !== undefined && section.blocks.length === 1) return undefined;
    if (!last || !('paragraph' in last)) return undefined;
    const word = sourceWord(lastText);
    if (word) {
      this.dropLast(section);
      return { link: word, spot };
    }
    const link = linkOnly(lastText);
    if (!link) return undefined;
    this.dropLast(section);
    // "Go deeper" on its own line, then the linked title.
    const above = section.blocks.at(-1);
    const aboveWord = above && 'paragraph' in above ? sourceWord(above.paragraph) : undefined;
    const aboveSpot = section.at.at(-1);
    if (aboveWord && !aboveWord.url && aboveSpot) {
      this.dropLast(section);
      const label = aboveWord.label as string;
      return { link: link.label ? link : { label, url: link.url as string }, spot: span(aboveSpot, spot) };
    }
    if (section.blocks.length === 0 && isSourceLabel(section.label)) {
      this.sections.pop();
      const label = section.label as string;
      return {
        link: link.label ? link : { label, url: link.url as string },
        spot: span(section.start, spot),
      };
    }
    return { link, spot };
  }

  private dropLast(section: DraftSection): void {
    section.blocks.pop();
    section.at.pop();
    section.items.pop();
  }
}

/** The text of a paragraph, or of a list's only item; `undefined` for longer lists. */
function blockText(block: SectionBlock): string | undefined {
  if ('paragraph' in block) return block.paragraph;
  const items = 'bullets' in block ? block.bullets : block.numbered;
  return items.length === 1 ? items[0] : undefined;
}

/** Lowercase words between the names of a byline ("Ana de la Cruz", "Jane Doe and Ali Rahimi"). */
const bylineJoiners = new Set([
  'and',
  '&',
  'de',
  'da',
  'del',
  'der',
  'van',
  'von',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
]);
const bylineStart = /^[Bb]y\s+(.+)$/u;
const capitalisedName = /^\p{Lu}[\p{L}'’.-]*,?$/u;

/**
 * A byline paragraph such as `By Jane Doe` or `By Jane Doe and Ali Rahimi`: "By" followed by a few
 * capitalised names, so a lede like "By 2030, half of…" is not mistaken for one.
 */
function isByline(text: string, emphasised: boolean): boolean {
  const match = bylineStart.exec(text.trim());
  if (!match?.[1]) return false;
  const words = match[1].split(/\s+/);
  if (emphasised) return words.length <= 10;
  return words.length <= 8 && words.every((word) => bylineJoiners.has(word) || capitalisedName.test(word));
}

/**
 * A list item. Some newsletters print each axiom as a bullet: a bullet that opens with a known
 * axiom ("• Why it matters: …") starts that section instead. Both forms read items through this.
 */
export function addListItem(
  builder: StoryBuilder,
  kind: 'bullets' | 'numbered',
  text: string,
  spot: SourcePosition,
): void {
  const label = kind === 'bullets' ? readLabel(text, { knownOnly: true }) : undefined;
  if (label) builder.section(label.label, label.rest, spot);
  else builder.item(kind, text, spot);
}

const emphasised = /^([_*])(.+)\1$/u;

/**
 * A paragraph of text, read the same way in both forms: right after the headline `By Jane Doe`
 * (or `_By Jane Doe_`) is the byline; a paragraph that opens with a label starts a section, except
 * that the first paragraph is the lede unless it opens with a known axiom ("We tried it:" stays
 * the lede, "Driving the news: …" does not); anything else is a paragraph of the current section.
 */
function addTextBlock(builder: StoryBuilder, text: string, spot: SourcePosition): void {
  if (builder.atStart) {
    const emphasis = emphasised.exec(text);
    const inner = emphasis?.[2] ?? text;
    if (isByline(inner, emphasis !== null)) {
      builder.setByline(inner.trim(), spot);
      return;
    }
  }
  const label = readLabel(text);
  if (label && (label.known || !builder.atStart)) {
    builder.section(label.label, label.rest, spot);
    return;
  }
  builder.paragraph(text, spot);
}

/**
 * A paragraph as both forms hand it over: one that is only an image (`![alt](src "credit")`, size
 * block and link included) is the story image, any other is read by `addTextBlock` as `text`
 * (the Markdown form passes the inline subset of `source`, plain text the source itself).
 */
export function addParagraphOrImage(
  builder: StoryBuilder,
  source: string,
  spot: SourcePosition,
  text: string = source,
): void {
  const image = imageWithSize(source, spot.line);
  if (image) builder.setImage(image, spot);
  else addTextBlock(builder, text, spot);
}
