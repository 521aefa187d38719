/** The render path's data stages, called one by one so the bench can time them apart. */
import type { Briefing } from '../src/index.js';
import { toEdition } from '../src/normalize/edition.js';
import { countLine, editionStats } from '../src/render/stats.js';
import { resolveTheme } from '../src/render/theme.js';
import { templateView } from '../src/render/view.js';
import { assertBriefing } from '../src/schema.js';

const theme = resolveTheme(undefined);
const contentWidth = theme.width - 48;

/** validate → edition → stats → template view, as `render` does with default options. */
export function normalizeEdition(input: Briefing) {
  const edition = toEdition(assertBriefing(input), { contentWidth });
  const stats = editionStats(edition);
  const view = templateView(edition, { theme, countLine: countLine(stats, edition.locale) });
  return { edition, stats, view };
}
