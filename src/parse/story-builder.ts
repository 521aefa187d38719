/**
 * Assembles one story from the blocks both authoring forms produce (paragraphs, labelled
 * paragraphs, bullets, an image, a source link), so Markdown and plain text follow the same rules.
 */
import type { Story, StoryImage } from '../model.js';
import { parseError } from './errors.js';

/**
 * Label of the section that holds bullets written before any label, when the paragraph above them
 * is not a label-like lead-in ending in a colon. "The details" is an axiom Axios itself uses.
 */
export const unlabeledBulletsLabel = 'The details';

/** Joins the paragraphs of one field; a blank line keeps them apart for the text renderer. */
const paragraphBreak = '\n\n';

/** Longest lead-in ("The bill would:") that is lifted into the label of the bullets below it. */
const maxLeadInWords = 12;

interface DraftSection {
  label: string;
  paragraphs: string[];
  bullets: string[];
}

/** Collects a story's blocks in document order and turns them into a `Story`. */
export class StoryBuilder {
  private readonly headline: string;
  private byline: string | undefined;
  private image: StoryImage | undefined;
  private source: Story['source'];
  private readonly lede: string[] = [];
  private readonly sections: DraftSection[] = [];
  /** Whether the last block was a plain paragraph added to the lede, so bullets may adopt it. */
  private lastWasLede = false;
  private blocks = 0;

  constructor(headline: string) {
    this.headline = headline;
  }

  /** True until the first block after the headline (an image does not count). */
  get atStart(): boolean {
    return this.blocks === 0;
  }

  setByline(byline: string): void {
    this.byline = byline;
    this.lastWasLede = false;
  }

  /** The story image; a story holds one, so a second one is an error rather than lost. */
  setImage(image: StoryImage, line: number): void {
    if (this.image) throw parseError(line, `a story has one image, and "${this.headline}" already has one`);
    this.image = image;
    this.lastWasLede = false;
  }

  setSource(source: NonNullable<Story['source']>): void {
    this.source = source;
    this.lastWasLede = false;
    this.blocks += 1;
  }

  /**
   * A paragraph without a label: the lede while no section has started (later ones join it),
   * else more text of the current section.
   */
  paragraph(text: string): void {
    if (!text) return;
    this.blocks += 1;
    const current = this.sections.at(-1);
    if (current) {
      current.paragraphs.push(text);
      this.lastWasLede = false;
    } else {
      this.lede.push(text);
      this.lastWasLede = true;
    }
  }

  /** A labelled paragraph starts a section; `text` is what follows the label. */
  section(label: string, text: string): void {
    this.blocks += 1;
    this.sections.push({ label, paragraphs: text ? [text] : [], bullets: [] });
    this.lastWasLede = false;
  }

  /**
   * Bullets belong to the current section. Before any section, a lead-in paragraph ending in a
   * colon ("The bill would:") becomes their label; otherwise they go under "The details".
   */
  bullets(items: string[]): void {
    const bullets = items.filter((item) => item !== '');
    if (bullets.length === 0) return;
    this.blocks += 1;
    let current = this.sections.at(-1);
    if (!current) {
      const leadIn = this.lastWasLede ? this.lede.at(-1) : undefined;
      if (leadIn && /[:：]$/.test(leadIn) && leadIn.split(/\s+/).length <= maxLeadInWords) {
        this.lede.pop();
        current = { label: leadIn.replace(/\s*[:：]$/, ''), paragraphs: [], bullets: [] };
      } else {
        current = { label: unlabeledBulletsLabel, paragraphs: [], bullets: [] };
      }
      this.sections.push(current);
    }
    current.bullets.push(...bullets);
    this.lastWasLede = false;
  }

  /** The finished story; sections with neither text nor bullets are dropped. */
  build(): Story {
    const story: Story = { headline: this.headline };
    if (this.byline) story.byline = this.byline;
    if (this.lede.length > 0) story.lede = this.lede.join(paragraphBreak);
    const sections = this.sections
      .filter((section) => section.paragraphs.length > 0 || section.bullets.length > 0)
      .map((draft) => {
        const section: NonNullable<Story['sections']>[number] = { label: draft.label };
        if (draft.paragraphs.length > 0) section.text = draft.paragraphs.join(paragraphBreak);
        if (draft.bullets.length > 0) section.bullets = draft.bullets;
        return section;
      });
    if (sections.length > 0) story.sections = sections;
    if (this.image) story.image = this.image;
    if (this.source) story.source = this.source;
    return story;
  }
}

/** Whitespace, including line breaks inside a paragraph, collapsed to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A byline paragraph such as `By Jane Doe` or `By Jane Doe and Ali Rahimi`: "By" followed by a few
 * capitalised names, so a lede like "By 2030, half of…" is not mistaken for one.
 */
export function isByline(text: string, emphasised: boolean): boolean {
  const match = /^[Bb]y\s+(.+)$/u.exec(text.trim());
  if (!match?.[1]) return false;
  const words = match[1].split(/\s+/);
  if (emphasised) return words.length <= 10;
  const joiners = new Set([
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
  return (
    words.length <= 8 && words.every((word) => joiners.has(word) || /^\p{Lu}[\p{L}'’.-]*,?$/u.test(word))
  );
}
