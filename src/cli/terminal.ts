/**
 * Every line the CLI prints goes through here. Text from input (file names, story text quoted in
 * a message, lint findings) may hold terminal control sequences: an ESC in a headline could
 * recolour, retitle or clear the terminal of whoever lints the file. They are shown visibly.
 */

// C0 controls other than tab and newline, DEL, and C1 controls (U+0080–U+009F: a UTF-8 terminal
// may read U+009B as CSI, the same as ESC [).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * `text` with each control character written as a `\uXXXX` escape: ESC (`\x1b`) prints as the
 * six characters `\u001b`, so `ESC[2J` cannot clear the screen. Tab and newline are kept.
 *
 * @example
 * visible('Fed \x1b[31mholds'); // → 'Fed \\u001b[31mholds'
 */
export function visible(text: string): string {
  return text.replace(controls, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes `text` to standard output, controls shown visibly. */
export function print(text: string): void {
  process.stdout.write(visible(text));
}

/** Writes `text` to standard error, controls shown visibly. */
export function printError(text: string): void {
  process.stderr.write(visible(text));
}

/**
 * Writes `value` as indented JSON to standard output. JSON.stringify escapes C0 controls itself;
 * DEL and C1 controls are valid unescaped in JSON strings, so they are escaped here (they can
 * only occur inside strings, where `\uXXXX` means the same character).
 */
export function printJson(value: unknown): void {
  process.stdout.write(`${visible(JSON.stringify(value, null, 2))}\n`);
}

/**
 * Writes a document the command produced (html, a module) to standard output: byte for byte when
 * it goes to a file or a pipe, with controls shown visibly when a person reads it in a terminal.
 */
export function printDocument(text: string): void {
  process.stdout.write(process.stdout.isTTY ? visible(text) : text);
}
