/**
 * Builds the static editor page, examples/browser/index.html, into a folder that opens from disk:
 * the page (with the seed story filled in) and the editor as one classic script.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleEditor } from '../src/cli/editor-bundle.js';
import { escapeHtml } from '../src/render/html.js';
import { examplesDir } from './example-inputs.js';

/** Writes `index.html` and `newsbrief-editor.js` into `outDir`; returns the script's size in bytes. */
export async function buildBrowserExample(outDir: string): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const seed = await readFile(join(examplesDir, 'seed-plain-text.txt'), 'utf8');
  const page = await readFile(join(examplesDir, 'browser/index.html'), 'utf8');
  const script = await bundleEditor('iife');
  await writeFile(
    join(outDir, 'index.html'),
    page.replace('{{seed}}', () => escapeHtml(seed)),
  );
  await writeFile(join(outDir, 'newsbrief-editor.js'), script);
  return script.length;
}
