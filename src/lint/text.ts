/** Text rules over every paragraph and bullet: short bullets, short paragraphs, no hedging. */
import { finding, type LintContext, plural, type TextField } from './context.js';
import type { LintRuleThresholds, LintWarning } from './types.js';

/** Every text field in reading order: greeting, then each story's headline, lede, section text and bullets. */
function textFields(ctx: LintContext): TextField[] {
  // Listed once per lint run for the rules that walk them all.
  ctx.fields ??= collectFields(ctx);
  return ctx.fields;
}

function collectFields(ctx: LintContext): TextField[] {
  const fields: TextField[] = [];
  if (ctx.briefing.greeting && !ctx.standalone) {
    fields.push({ path: 'greeting', kind: 'greeting', text: ctx.text(ctx.briefing.greeting) });
  }
  for (const { story, sections, at } of ctx.stories) {
    fields.push({ path: at('headline'), kind: 'headline', text: ctx.text(story.headline) });
    if (story.lede) fields.push({ path: at('lede'), kind: 'lede', text: ctx.text(story.lede) });
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.kind === 'paragraph') {
          fields.push({ path: at(block.path), kind: 'paragraph', text: ctx.text(block.text) });
          continue;
        }
        block.items.forEach((item, index) => {
          fields.push({ path: at(block.itemPath(index)), kind: 'bullet', text: ctx.text(item) });
        });
      }
    }
  }
  return fields;
}

/** `bullet-length`: words per bullet (or numbered item) and items per list. */
export function bulletLength(ctx: LintContext, limits: LintRuleThresholds['bullet-length']): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { sections, at } of ctx.stories) {
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.kind === 'paragraph') continue;
        // Counted per list: a section may alternate short lists with the sentences introducing them.
        if (block.items.length > limits.maxBullets) {
          const where = section.label === undefined ? 'A list' : `A list in "${section.label}"`;
          warnings.push(
            finding(
              'bullet-length',
              'warning',
              `${where} has ${plural(block.items.length, block.kind === 'bullets' ? 'bullet' : 'item')}; keep the ${limits.maxBullets} that matter most.`,
              at(block.path),
            ),
          );
        }
        block.items.forEach((item, index) => {
          const words = ctx.text(item).words;
          if (words <= limits.maxWords) return;
          warnings.push(
            finding(
              'bullet-length',
              'warning',
              `${block.kind === 'bullets' ? 'Bullet' : 'Numbered item'} has ${plural(words, 'word')}; cut it to ${limits.maxWords} or fewer.`,
              at(block.itemPath(index)),
            ),
          );
        });
      }
    }
  }
  return warnings;
}

/**
 * `paragraph-length`: sentences per section paragraph (paragraphs are separated by a blank line),
 * bullet and greeting. The lede and headline have their own rules.
 */
export function paragraphLength(
  ctx: LintContext,
  limits: LintRuleThresholds['paragraph-length'],
): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const field of textFields(ctx)) {
    if (field.kind === 'headline' || field.kind === 'lede') continue;
    for (const paragraph of field.text.paragraphs) {
      const sentences = paragraph.length;
      if (sentences <= limits.maxSentences) continue;
      const what = field.kind === 'bullet' ? 'Bullet' : field.kind === 'greeting' ? 'Greeting' : 'Paragraph';
      warnings.push(
        finding(
          'paragraph-length',
          'warning',
          `${what} has ${plural(sentences, 'sentence')}; cut it to ${limits.maxSentences} or fewer, or split it into bullets.`,
          field.path,
        ),
      );
    }
  }
  return warnings;
}

/** `weasel-words`: hedging words, as `info`, one finding per field. */
export function weaselWords(ctx: LintContext, limits: LintRuleThresholds['weasel-words']): LintWarning[] {
  const words = limits.words.map((word) => word.trim()).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = weaselPattern(words);
  const warnings: LintWarning[] = [];
  for (const field of textFields(ctx)) {
    let found: Set<string> | undefined;
    for (const sentence of field.text.sentences) {
      // `exec` on the one shared pattern, as `matchAll` would on a copy of it (matches are never empty).
      pattern.lastIndex = 0;
      for (let match = pattern.exec(sentence); match !== null; match = pattern.exec(sentence)) {
        if (isMonthMay(sentence, match[0], match.index)) continue;
        found ??= new Set<string>();
        found.add(match[0].toLowerCase());
      }
    }
    if (found === undefined) continue;
    const list = [...found].map((word) => `"${word}"`).join(', ');
    warnings.push(
      finding(
        'weasel-words',
        'info',
        `${found.size === 1 ? `${list} hedges` : `${list} hedge`} the claim; say what is known, or attribute it to a source.`,
        field.path,
      ),
    );
  }
  return warnings;
}

let lastWeaselPattern: { key: string; pattern: RegExp } | undefined;

/** The whole-word pattern for the hedging words, built once for the same list. */
function weaselPattern(words: string[]): RegExp {
  const key = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  if (lastWeaselPattern?.key !== key) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${key})(?![\\p{L}\\p{N}])`, 'giu');
    lastWeaselPattern = { key, pattern };
  }
  return lastWeaselPattern.pattern;
}

/** "May" with a capital inside a sentence, or before a number, is the month. */
function isMonthMay(sentence: string, word: string, index: number): boolean {
  if (word !== 'May') return false;
  const atStart = /^[\s“"‘'(«]*$/.test(sentence.slice(0, index));
  return !atStart || /^\s+\d/.test(sentence.slice(index + word.length));
}
