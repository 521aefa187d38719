/**
 * Lighthouse over a list of URLs, in one Chromium: `node run.mjs URL…` prints one JSON line,
 * `[{ url, scores: { category: score }, failing: [{ category, id, title, score, detail }] }]`.
 * Runs with this folder's own node_modules (npm ci here), so Lighthouse's dependency tree stays out
 * of the main lockfile. Chromium is Debian's (CHROMIUM_PATH, else /usr/bin/chromium).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const results = [];
try {
  for (const url of urls) {
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
    });
    const lhr = runner.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {};
    const failing = [];
    for (const id of categories) {
      const category = lhr.categories[id];
      scores[id] = category.score;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
        const items = audit.details?.items
          ?.slice(0, 3)
          .map(
            (item) =>
              item.node?.snippet ?? item.url ?? item.source?.url ?? JSON.stringify(item).slice(0, 160),
          );
        failing.push({
          category: id,
          id: ref.id,
          title: audit.title,
          score: audit.score,
          detail: audit.displayValue ?? items?.join(' | ') ?? '',
        });
      }
    }
    results.push({
      url,
      version: lhr.lighthouseVersion,
      userAgent: lhr.environment.hostUserAgent,
      scores,
      failing,
    });
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results));
