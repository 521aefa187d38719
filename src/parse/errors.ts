/** Errors for authoring text that cannot be read as a briefing. */
import { NewsbriefError } from '../errors.js';

/**
 * A `NewsbriefError` about one line of the source; the message starts with it: `Line 3: …`.
 * Internal (the editor reads `line`), so it keeps the public name `NewsbriefError`.
 */
export class SourceLineError extends NewsbriefError {
  /** The 1-based source line, for editors that point at it. */
  readonly line: number;

  constructor(line: number, message: string) {
    super(`Line ${line}: ${message}`);
    this.line = line;
  }
}

/** The error for authoring text that cannot be read, at `line`. */
export function parseError(line: number, message: string): SourceLineError {
  return new SourceLineError(line, message);
}
