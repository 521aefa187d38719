/**
 * The Nu HTML Checker (the W3C validator behind validator.w3.org/nu), run locally: the jar the
 * `vnu-jar` devDependency ships, on Debian's Java (17 or later; .ci/run installs
 * default-jre-headless). One JVM checks every file of a run (starting it costs about a second).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The path of vnu.jar inside node_modules. */
export const vnuJar: string = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
export const javaPath = process.env.JAVA ?? '/usr/bin/java';
export const javaInstall = 'apt-get install -y default-jre-headless (or set JAVA)';

/** One message of the checker's JSON output (https://github.com/validator/validator/wiki/Output-»-JSON). */
export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  /** `warning` on an info message makes it a warning. */
  subType?: 'warning' | 'fatal' | 'io' | 'schema' | 'internal';
  url: string;
  message: string;
  extract?: string;
  lastLine?: number;
  lastColumn?: number;
}

/** Errors (including fatal and non-document ones) and warnings, per file checked. */
export interface VnuReport {
  errors: VnuMessage[];
  warnings: VnuMessage[];
  version: string;
}

/** `file:line:col: message «extract»`, one line per message. */
export function formatMessage(m: VnuMessage): string {
  const where = `${m.url.replace(/^file:/, '')}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'}`;
  const extract = m.extract ? ` «${m.extract.replace(/\s+/g, ' ').trim()}»` : '';
  return `${where}: ${m.message}${extract}`;
}

/**
 * Checks html files (by path) with `--format json`. Files with `.xml` or `.svg` names would be
 * checked as XML: pass html only.
 */
export async function checkHtml(files: readonly string[]): Promise<VnuReport> {
  const { stdout: version } = await run(javaPath, ['-jar', vnuJar, '--version']);
  // vnu exits 1 when it finds errors; the JSON on stdout says what they are either way.
  const { stdout } = await run(javaPath, ['-jar', vnuJar, '--format', 'json', '--stdout', ...files], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    if (error.stdout) return { stdout: error.stdout };
    throw new Error(`vnu.jar failed: ${error.stderr || error.message}`);
  });
  const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] };
  return {
    errors: messages.filter((m) => m.type !== 'info'),
    warnings: messages.filter((m) => m.type === 'info' && m.subType === 'warning'),
    version: version.trim(),
  };
}
