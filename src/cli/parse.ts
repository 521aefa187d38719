/**
 * `newsbrief parse <file>`: the structure read from a Markdown or plain-text paste (stories,
 * labels, blocks, with their lines), so an editor can see why a paste came out as it did.
 */
import { NewsbriefError } from '../errors.js';
import { briefingFromFeed, looksLikeFeed } from '../feeds/from-feed.js';
import { plainText } from '../lint/sentences.js';
import type { Briefing, SectionBlock, Story } from '../model.js';
import { collapseWhitespace, countWords } from '../normalize/inline.js';
import { parseBriefing } from '../parse/index.js';
import type { SourcePositions } from '../parse/positions.js';
import { fileFailure } from './failure.js';
import { displayName, readSource } from './input.js';
import { print, printJson } from './terminal.js';

/** Flags of `newsbrief parse`. */
export interface ParseCommandOptions {
  /** `text`: the report for a person; `json`: `{ briefing, positions }`. */
  format: 'text' | 'json';
}

/**
 * Prints what `file` (`-` for stdin) parses to; exit code 0 (a source that cannot be read throws).
 * An RSS, Atom or JSON Feed (`.rss`, `.atom`, `.xml`, or a `.json` or stdin that is one) is read
 * by `briefingFromFeed`: the draft briefing an RSS-to-email send would start from.
 */
export async function parseCommand(file: string, options: ParseCommandOptions): Promise<number> {
  const source = await readSource(file);
  let parsed: { briefing: Briefing; positions: SourcePositions };
  try {
    parsed =
      /\.(rss|atom|xml)$/i.test(file) || looksLikeFeed(source)
        ? { briefing: briefingFromFeed(source), positions: {} }
        : parseBriefing(source, { positions: true });
  } catch (error) {
    throw error instanceof NewsbriefError ? fileFailure(displayName(file), error) : error;
  }
  if (options.format === 'json') printJson(parsed);
  else print(parseReport(parsed.briefing, parsed.positions));
  return 0;
}

/** Longest preview of a paragraph, in characters. */
const previewLength = 60;

/**
 * The report: one line per story part, indented by depth, with its source line.
 *
 * @example
 * story 1: "US and Israel to meet Iran working group" (line 1)
 *   lede: "The United States and Israel have chosen to reconvene a…" (35 words, line 3)
 *   section 1 "Why it matters" (line 5)
 *     paragraph: "President Biden and Israeli Prime Minister Benjamin…" (45 words, line 5)
 */
export function parseReport(briefing: Briefing, positions: SourcePositions): string {
  const lines: string[] = [];
  const at = (path: string) => {
    const position = positions[path];
    if (!position) return '';
    return position.endLine > position.line
      ? `lines ${position.line}–${position.endLine}`
      : `line ${position.line}`;
  };
  // ` (line 3)`, or nothing where the briefing has no source lines (a feed's draft).
  const within = (path: string) => parenthesized(at(path));
  lines.push(`title: ${quote(briefing.title)}`);
  briefing.stories.forEach((story: Story, index) => {
    const root = `stories[${index}]`;
    lines.push(`story ${index + 1}: ${quote(story.headline)}${within(`${root}.headline`)}`);
    if (story.kicker) lines.push(`  kicker: ${quote(story.kicker)}`);
    if (story.byline) lines.push(`  byline: ${quote(story.byline)}${within(`${root}.byline`)}`);
    if (story.image)
      lines.push(`  image: ${quote(story.image.alt)} ${story.image.src}${within(`${root}.image`)}`);
    if (story.lede) lines.push(`  lede: ${text(story.lede, at(`${root}.lede`))}`);
    story.sections?.forEach((section, sectionIndex) => {
      const path = `${root}.sections[${sectionIndex}]`;
      const label = section.label === undefined ? 'without a label' : quote(section.label);
      lines.push(`  section ${sectionIndex + 1} ${label}${within(path)}`);
      for (const [blockIndex, block] of (section.body ?? []).entries())
        lines.push(`    ${blockLine(block, at(`${path}.body[${blockIndex}]`))}`);
    });
    const source = story.source;
    if (source) {
      const link = source.url ? ` → ${source.url}` : ' (no link)';
      lines.push(`  source: ${quote(source.label ?? '')}${link}${within(`${root}.source`)}`);
    } else lines.push('  source: none');
  });
  return `${lines.join('\n')}\n`;
}

function blockLine(block: SectionBlock, where: string): string {
  if ('paragraph' in block) return `paragraph: ${text(block.paragraph, where)}`;
  const [kind, items] = 'bullets' in block ? ['bullets', block.bullets] : ['numbered', block.numbered];
  const first = items[0] === undefined ? '' : `, first ${quote(clip(plainText(items[0])))}`;
  return `${kind}: ${items.length} item${items.length === 1 ? '' : 's'}${first}${parenthesized(where)}`;
}

function text(value: string, where: string): string {
  const plain = plainText(value);
  const words = countWords(plain);
  return `${quote(clip(plain))} (${words} word${words === 1 ? '' : 's'}${where ? `, ${where}` : ''})`;
}

/** The first `previewLength` characters of plain text, whitespace collapsed. */
function clip(plain: string): string {
  const line = collapseWhitespace(plain);
  return line.length <= previewLength ? line : `${line.slice(0, previewLength - 1).trimEnd()}…`;
}

function parenthesized(where: string): string {
  return where ? ` (${where})` : '';
}

function quote(value: string): string {
  return `"${value}"`;
}
