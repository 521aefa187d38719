/**
 * Issue 19, proof: every web page newsbrief writes (each edition page and each index page) passes
 * the Nu HTML Checker with 0 errors. Warnings are printed, not failed. Needs Java 17+ (Debian's
 * default-jre-headless); without it a developer's run skips with a message, CI fails.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolAvailable } from './support/tools.js';
import { checkHtml, formatMessage, javaInstall, javaPath, type VnuReport } from './support/vnu.js';
import { buildWebPages, type WebPage } from './support/web-pages.js';

describe.runIf(toolAvailable('Nu HTML Checker', javaPath, javaInstall))('Nu HTML Checker', () => {
  let root: string;
  let pages: WebPage[];
  let report: VnuReport;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'newsbrief-vnu-'));
    pages = await buildWebPages(root);
    const started = performance.now();
    report = await checkHtml(pages.map((p) => p.file));
    console.log(
      `vnu ${report.version}: ${pages.length} pages, ${report.errors.length} errors, ${report.warnings.length} warnings, ${Math.round(performance.now() - started)} ms`,
    );
    for (const w of report.warnings) console.log(`warning: ${formatMessage(w).replace(root, '')}`);
  }, 120_000);
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('checks edition pages (one right to left) and index pages', () => {
    expect(pages.filter((p) => p.kind === 'edition').length).toBeGreaterThanOrEqual(2);
    expect(pages.some((p) => p.kind === 'edition' && p.dir === 'rtl')).toBe(true);
    expect(pages.some((p) => p.kind === 'index')).toBe(true);
  });

  it('finds 0 errors in every page', () => {
    expect(report.errors.map((m) => formatMessage(m).replace(root, ''))).toEqual([]);
  });

  it('catches a broken page (the checker runs and reports errors)', async () => {
    const broken = join(root, 'broken.html');
    await writeFile(broken, '<!doctype html><html lang="en"><title>x</title><p><div>block in p</p></span>');
    const { errors } = await checkHtml([broken]);
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);
});
