/**
 * The editor component (`src/preview/`) as one browser script, bundled with esbuild. Used where
 * there is no built `dist/preview.js` to serve: `newsbrief preview` run from the sources, and the
 * static example page, which must open from disk (file://), where only a classic script loads.
 */
import { fileURLToPath } from 'node:url';

/** `esm` for `<script type="module">`, `iife` for a classic script that sets `window.newsbrief`. */
export type EditorBundleFormat = 'esm' | 'iife';

/** Bundles and minifies `newsbrief/preview` for browsers; esbuild is a development dependency. */
export async function bundleEditor(format: EditorBundleFormat): Promise<string> {
  // A variable specifier, so that tsup leaves esbuild (a native binary) out of the built CLI.
  const specifier = 'esbuild';
  const { build } = (await import(specifier)) as typeof import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../preview/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format,
    globalName: format === 'iife' ? 'newsbrief' : undefined,
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote no output for the editor bundle');
  return output.text;
}
