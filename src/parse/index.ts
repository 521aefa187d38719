/** Authoring text → `Briefing`: the first stage of the pipeline, before validation. */
import type { Briefing, Story } from '../model.js';
import { inlinePlain, parseInline } from '../normalize/inline.js';
import { parseError } from './errors.js';
import { splitFrontMatter } from './front-matter.js';
import { hasStoryHeading, parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';

/**
 * Parses a briefing written by hand: Markdown with optional YAML front matter (each `# Heading`
 * starts a story), or plain text as newsrooms paste it (the first line is the headline of a single
 * story). The two are told apart by whether the source has a `# ` heading.
 *
 * The result is not validated (`renderBriefing` and `validateBriefing` do that), but every field
 * has the type the briefing format expects. The title defaults to the first headline (plain text).
 *
 * Rules both forms share:
 * - Right after the headline, `By Jane Doe` (or `_By Jane Doe_`) is the byline, kept as written.
 * - The first plain paragraph is the lede; plain paragraphs before the first label join the lede,
 *   later ones join the current section's text, separated by a blank line.
 * - A labelled paragraph starts a section. Markdown takes any `**Label:**` / `**Label**:` and a
 *   `## Heading`; plain text takes known axioms only (`Why does it matter:`), so a colon inside a
 *   sentence stays text. Known variants become the canonical axiom ("What is the next" →
 *   "What's next"); an emoji prefix is kept (`🔭 Zoom out`).
 * - Bullets (`- `, `* `, `• `) join the current section. Before any section, a short lead-in
 *   paragraph ending in a colon ("The bill would:") becomes their label, else "The details".
 * - `![alt](src "credit")` alone in a paragraph is the image (a second image is an error).
 * - A last paragraph that is only a link, or a lone `Source` / `Go deeper` / `Read more` line
 *   (optionally with a URL), is the source. `---` rules never end a story.
 * - Markdown paragraphs before the first `# Heading` are the greeting.
 *
 * @throws {NewsbriefError} when the source is empty, holds only front matter, or its front matter
 * is not a YAML mapping; the message starts with the line, e.g. `Line 3: front matter is not valid YAML: …`.
 *
 * @example
 * const briefing = parseBriefing(await readFile('monday.md', 'utf8'));
 * const { html } = await renderBriefing(briefing);
 */
export function parseBriefing(source: string): Briefing {
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
  let intro: { text: string; line: number } | undefined;
  if (hasStoryHeading(body)) {
    ({ stories, intro } = parseMarkdown(body, bodyLineOffset));
  } else {
    stories = [parsePlainText(body, bodyLineOffset)];
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
  return briefing;
}
