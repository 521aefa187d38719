/**
 * Child process of test/resource-bounds.test.ts: builds the largest briefing the default limits
 * accept, renders it (html, text, warnings) and prints the time and the peak RSS. Run it under
 * `node --max-old-space-size=256`: failing to fit is a crash, not a slow pass.
 *
 * Every count limit is at its maximum (stories, sections per story plus the three sugar sections,
 * blocks per body, list items per section) and the characters fill `maxTotalLength` exactly, spread
 * over every field in runs that cost the most per character: `&`, `<` and `"` each become an
 * entity, `**` opens emphasis, and a blank line starts a new paragraph.
 *
 * Arguments: the built package's folder; `structure` (as many fields as the limits allow, a few
 * characters each) or `text` (every field that can be, at its full length); the default limits
 * as JSON. The render uses no limits option, so limits above the defaults would fail it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [buildDir, shape, limitsJson] = process.argv.slice(2);
const { createRenderer, validateBriefing } = await import(pathToFileURL(join(buildDir, 'node.js')).href);

const limits = JSON.parse(limitsJson);
const hostile = '&<"** a\n\n';

/** `length` characters of the hostile run, never blank (headlines and labels must not be). */
const fill = (length) => `x${hostile.repeat(Math.ceil(length / hostile.length))}`.slice(0, length);

/** A section body with every block and list item the limits allow: one field per slot. */
function body(slots) {
  const lists = Array.from({ length: limits.maxBullets }, () => slots());
  const paragraphs = Array.from({ length: limits.maxBlocks - 1 }, () => ({ paragraph: slots() }));
  return [{ bullets: lists }, ...paragraphs];
}

/** The briefing's shape with `slot()` for every text field, before lengths are chosen. */
function skeleton(slot) {
  const story = () => ({
    headline: slot(),
    kicker: slot(),
    byline: slot(),
    lede: slot(),
    whyItMatters: slot(),
    flashback: { body: body(slot) },
    whatsNext: { body: body(slot) },
    sections: Array.from({ length: limits.maxSections }, () => ({ label: slot(), body: body(slot) })),
  });
  return {
    title: slot(),
    greeting: slot(),
    footer: { text: slot(), address: slot(), unsubscribeUrl: '*|UNSUB|*' },
    stories: Array.from({ length: limits.maxStories }, story),
  };
}

function largest() {
  let fields = 0;
  skeleton(() => {
    fields += 1;
    return '';
  });
  const budget = limits.maxTotalLength - '*|UNSUB|*'.length;
  if (shape === 'text') {
    // Whole fields of maxTextLength until the budget runs out; the rest get one character.
    let left = budget - fields;
    return skeleton(() => {
      const length = Math.min(limits.maxTextLength, left + 1);
      left -= length - 1;
      return fill(length);
    });
  }
  // Every field as long as an even share of the budget allows; the remainder goes one by one.
  const share = Math.floor(budget / fields);
  let extra = budget - share * fields;
  return skeleton(() => {
    const length = share + (extra > 0 ? 1 : 0);
    extra -= 1;
    return fill(length);
  });
}

const briefing = largest();
const checked = validateBriefing(briefing);
if (!checked.success) throw checked.error;
// Largest: one character more (on a short field, so no field limit is passed) is refused.
const over = structuredClone(briefing);
over.stories.at(-1).sections.at(-1).label += 'x';
const overChecked = validateBriefing(over);
const refusesMore =
  !overChecked.success && overChecked.error.issues.some((issue) => /whole briefing/.test(issue.message));
const renderer = await createRenderer();
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);
const started = performance.now();
const result = renderer.render(briefing);
const rendered = performance.now() - started;
const warnings = result.warnings.length;
const total = performance.now() - started;
clearInterval(timer);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(
  JSON.stringify({
    shape,
    refusesMore,
    characters: JSON.stringify(briefing).length,
    renderMs: Math.round(rendered),
    withWarningsMs: Math.round(total),
    htmlBytes: result.stats.htmlBytes,
    textLength: result.text.length,
    warnings,
    peakRss,
  }),
);
