/** Errors for authoring text that cannot be read as a briefing. */
import { NewsbriefError } from '../errors.js';

/**
 * A `NewsbriefError` about one place in the source; the message starts with its line: `Line 3: …`.
 * Internal (the editor and the CLI read `line` and `column`), so it keeps the public name
 * `NewsbriefError`.
 */
export class SourceLineError extends NewsbriefError {
  /** The 1-based source line, for editors that point at it. */
  readonly line: number;
  /** The 1-based column on that line; 1 when the whole line is at fault. */
  readonly column: number;
  /** The message without the `Line n: ` prefix, for `file:line:col: message` output. */
  readonly reason: string;

  constructor(line: number, message: string, column = 1) {
    super(`Line ${line}: ${message}`);
    this.line = line;
    this.column = column;
    this.reason = message;
  }
}

/** The error for authoring text that cannot be read, at `line` (and `column`). */
export function parseError(line: number, message: string, column?: number): SourceLineError {
  return new SourceLineError(line, message, column);
}
