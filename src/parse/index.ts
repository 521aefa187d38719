/** Authoring text → `Briefing`: the first stage of the pipeline, before validation. */
import type { Briefing, Story } from '../model.js';
import { inlinePlain, parseInline } from '../normalize/inline.js';
import { parseError } from './errors.js';
import { splitFrontMatter } from './front-matter.js';
import { hasStoryHeading, parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';
import type { SourcePositions } from './positions.js';
import type { StoryPositions } from './story-builder.js';

/**
 * Parses a briefing written by hand: Markdown with optional YAML front matter (each `# Heading`
 * starts a story), or plain text as newsrooms paste it (the first line is the headline of a single
 * story). The two are told apart by whether the source has a `# ` heading.
 *
 * The result is not validated (`renderBriefing` and `validateBriefing` do that), but every field
 * has the type the briefing format expects. The title defaults to the first headline (plain text).
 *
 * Rules both forms share (README "Authoring" has examples):
 * - A first line `1 big thing: Headline` or `Scoop: Headline` splits into kicker and headline.
 * - Right after the headline, `By Jane Doe` (or `_By Jane Doe_`) is the byline, kept as written.
 * - The first paragraph is the lede. Later paragraphs, bullets and numbered items before the first
 *   label form a section without a label; after a label, they continue that section in the order
 *   written (`body`).
 * - A label is a short phrase at the start of a paragraph, then a colon: `**Any label:**`, a known
 *   axiom (`Why does it matter:` → "Why it matters"), or a new one shaped like a label
 *   (`Stunning stat: …`, 1–6 capitalised words, not a sentence such as "The vote was close: …").
 *   A bullet that opens with a known axiom (`• Why it matters: …`) starts that section.
 * - `- `, `* `, `• ` lines are bullets; `1.` / `2)` lines are numbered items.
 * - A line that starts with a label or a list marker starts a new block even without a blank line
 *   above it; in plain text, so does every line of a paste that is not hard-wrapped.
 * - `![alt](src "credit")` alone in a paragraph is the image (a second image is an error).
 * - The source is read from the end: a link-only line, a lone `Source` / `Go deeper` / `Read more`
 *   (optionally with a URL, or above a linked title), or `Go deeper: text` with or without a link.
 *   `---` rules never end a story.
 * - Markdown paragraphs before the first `# Heading` are the greeting.
 *
 * @throws {NewsbriefError} when the source is empty, holds only front matter, or its front matter
 * is not a YAML mapping; the message starts with the line, e.g. `Line 3: front matter is not valid YAML: …`.
 *
 * @example
 * const briefing = parseBriefing(await readFile('monday.md', 'utf8'));
 * const { html } = await renderBriefing(briefing);
 */
export function parseBriefing(source: string): Briefing;
/**
 * Parses a briefing and says where each part was written: `positions` maps briefing paths
 * (`stories[0].headline`, `stories[1].sections[0]`, `stories[0].sections[2].body[1]`,
 * `stories[0].sections[2].body[1].bullets[0]`, `stories[0].source`, and `stories[0]` for the whole
 * story) to 1-based `{ line, column, endLine, endColumn }` in `source`, for editors and
 * `file:line:col` lint output (`positionAt` finds the nearest recorded path).
 *
 * @example
 * const { briefing, positions } = parseBriefing(text, { positions: true });
 * positions['stories[0].lede']; // → { line: 3, column: 1, endLine: 3, endColumn: 88 }
 */
export function parseBriefing(
  source: string,
  options: ParseOptions & { positions: true },
): { briefing: Briefing; positions: SourcePositions };
export function parseBriefing(source: string, options?: ParseOptions & { positions?: false }): Briefing;
export function parseBriefing(
  source: string,
  options: ParseOptions,
): Briefing | { briefing: Briefing; positions: SourcePositions };
export function parseBriefing(
  source: string,
  options: ParseOptions = {},
): Briefing | { briefing: Briefing; positions: SourcePositions } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw parseError(1, 'the source is empty; expected a headline or a "# Headline"');
  const { data, body, bodyLineOffset } = splitFrontMatter(text);
  if (body.trim() === '') {
    throw parseError(
      bodyLineOffset + 1,
      'nothing follows the front matter; add stories as "# Headline" sections',
    );
  }

  let stories: Story[];
  let storyPositions: StoryPositions[];
  let intro: { text: string; line: number } | undefined;
  if (hasStoryHeading(body)) {
    ({ stories, intro, positions: storyPositions } = parseMarkdown(body, bodyLineOffset));
  } else {
    const { story, positions } = parsePlainText(body, bodyLineOffset);
    stories = [story];
    storyPositions = [positions];
  }

  const briefing: Briefing = { ...data, title: data?.title ?? '', stories };
  if (intro) {
    if (data?.greeting !== undefined) {
      throw parseError(
        intro.line,
        'text before the first "# Headline" is the greeting, but the front matter already sets "greeting"; keep one',
      );
    }
    briefing.greeting = intro.text;
  }
  if (!briefing.title) briefing.title = inlinePlain(parseInline(stories[0]?.headline ?? ''));
  if (!options.positions) return briefing;
  const positions: SourcePositions = {};
  storyPositions.forEach((story, index) => {
    for (const [path, position] of story)
      positions[path ? `stories[${index}].${path}` : `stories[${index}]`] = position;
  });
  return { briefing, positions };
}

/** Options of `parseBriefing`. */
export interface ParseOptions {
  /** Also return where each part was written: `{ briefing, positions }`. @default false */
  positions?: boolean;
}

/**
 * True when pasted text is briefing JSON rather than authoring text: it opens with `{` or `[`.
 * The editor tells forms apart by this alone; the CLI by a file's extension, and by this for stdin.
 */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}
