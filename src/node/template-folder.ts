/** Reads a folder of template partials from disk: override folders, and templates/ at build time. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { NewsbriefError } from '../errors.js';
import type { PartialSources } from './compile.js';

const partialFile = /\.(mjml|html|hbs|css)$/;

/**
 * Reads a folder of partials keyed by file name without extension: `footer.mjml` is the `footer`
 * partial.
 */
export async function readPartialFolder(dir: string): Promise<PartialSources> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new NewsbriefError(`Option templates: expected a folder of partials, found no folder at ${dir}.`);
  const partials: PartialSources = {};
  for (const file of (await readdir(dir)).sort()) {
    if (partialFile.test(file))
      partials[basename(file, extname(file))] = await readFile(join(dir, file), 'utf8');
  }
  return partials;
}
