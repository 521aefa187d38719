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
 * has the type the briefing format expects. The title defaults to the first headline.
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
    throw parseError(bodyLineOffset + 1, 'nothing follows the front matter; add stories as "# Headline" sections');
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
