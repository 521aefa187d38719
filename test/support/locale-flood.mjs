/**
 * Child process of test/memory.test.ts: renders `count` one-story briefings, each with a locale
 * no render used before (`de-DE-x-p00001`, `ar-EG-x-p00002`, …: private-use tags, as a request
 * parameter could carry them), and prints the RSS and heap after `checkpoint` renders and at the
 * end, each measured after a full garbage collection. Run with `node --expose-gc`.
 *
 * Arguments: the built package's folder, count, checkpoint.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [buildDir, countArg, checkpointArg] = process.argv.slice(2);
const count = Number(countArg);
const checkpoint = Number(checkpointArg);
const { createRenderer } = await import(pathToFileURL(join(buildDir, 'node.js')).href);
const renderer = await createRenderer();
// Languages whose dates and numbers go through Intl (en-US is written directly), in both directions.
const languages = ['de-DE', 'fr-FR', 'ar-EG', 'ja-JP', 'en-GB', 'he-IL', 'hi-IN', 'en-US'];

const measure = () => {
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

const started = performance.now();
const samples = {};
for (let i = 1; i <= count; i += 1) {
  const locale = `${languages[i % languages.length]}-x-p${String(i).padStart(5, '0')}`;
  const { text } = renderer.render({
    title: 'Morning Brief',
    date: '2026-03-14',
    locale,
    stories: [
      { headline: 'Cities race to cool the grid', lede: 'Cities buy batteries to ride out heat waves.' },
    ],
  });
  if (text.length === 0) throw new Error('empty text part');
  if (i === checkpoint || i === count) samples[i] = measure();
}
console.log(JSON.stringify({ samples, ms: Math.round(performance.now() - started) }));
