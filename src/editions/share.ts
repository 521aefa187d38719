/**
 * Shared work once: the parts of a pooled story (edition form, template view, text, word count),
 * kept per renderer, so every edition that shows the story splices the same parts in. Only what is
 * really independent of the edition is kept: the edition form and everything built from it are
 * keyed by the story's position (its number and `#story-N` anchor), and the renderer holds one
 * share per set of render settings (theme, labels, link params…), so nothing crosses settings.
 */
import type { Story } from '../model.js';
import type { EditionStory, EditionStoryContent, SharedStories } from '../normalize/edition.js';
import { keepHtml } from '../render/template-runtime.js';
import type { StoryView } from '../render/view.js';

/** How often each part was built: tests read it to prove the sharing. */
export interface ShareCounts {
  content: number;
  view: number;
  text: number;
  words: number;
}

/** The kept parts of one renderer's pooled stories; entries go with the validated stories. */
export class StoryShare implements SharedStories {
  /** Validated pool stories: only these are kept (a local story is shown once). */
  private readonly pooled = new WeakSet<Story>();
  private readonly contents = new WeakMap<Story, EditionStoryContent>();
  /** Each pooled story's edition form by position number (0 for a one-story edition). */
  private readonly placed = new WeakMap<Story, Map<number, EditionStory>>();
  /** The edition stories placed above: only their views, texts and counts are kept. */
  private readonly kept = new WeakSet<EditionStory>();
  private readonly views = new WeakMap<EditionStory, StoryView>();
  private readonly texts = new WeakMap<EditionStory, string>();
  private readonly words = new WeakMap<EditionStory, number>();
  readonly counts: ShareCounts = { content: 0, view: 0, text: 0, words: 0 };

  /** Marks validated pool stories, whose parts this share keeps. */
  pool(stories: Iterable<Story>): void {
    for (const story of stories) this.pooled.add(story);
  }

  story(
    story: Story,
    number: number,
    anchor: string,
    content: (story: Story) => EditionStoryContent,
  ): EditionStory {
    if (!this.pooled.has(story)) return { number, anchor, ...content(story) };
    let positions = this.placed.get(story);
    if (positions === undefined) {
      positions = new Map();
      this.placed.set(story, positions);
    }
    let placed = positions.get(number);
    if (placed === undefined) {
      let kept = this.contents.get(story);
      if (kept === undefined) {
        this.counts.content += 1;
        kept = content(story);
        this.contents.set(story, kept);
      }
      // The anchor follows the number: `story-N` for number N, `story-1` for a lone story (0).
      placed = { number, anchor, ...kept };
      positions.set(number, placed);
      this.kept.add(placed);
    }
    return placed;
  }

  /** A kept story's view also keeps the html the default template writes for it (`keepHtml`). */
  readonly view = (story: EditionStory, build: () => StoryView): StoryView =>
    this.keep(this.views, story, this.kept.has(story) ? () => keepHtml(build()) : build, 'view');

  readonly text = (story: EditionStory, build: () => string): string =>
    this.keep(this.texts, story, build, 'text');

  readonly wordCount = (story: EditionStory, build: () => number): number =>
    this.keep(this.words, story, build, 'words');

  private keep<T>(
    memo: WeakMap<EditionStory, T>,
    story: EditionStory,
    build: () => T,
    part: keyof ShareCounts,
  ): T {
    let value = memo.get(story);
    if (value === undefined) {
      value = build();
      if (!this.kept.has(story)) return value;
      this.counts[part] += 1;
      memo.set(story, value);
    }
    return value;
  }
}
