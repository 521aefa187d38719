/** Errors for authoring text that cannot be read as a briefing. */
import { NewsbriefError } from '../errors.js';

/** A `NewsbriefError` whose message starts with the source line it is about: `Line 3: …`. */
export function parseError(line: number, message: string): NewsbriefError {
  return new NewsbriefError(`Line ${line}: ${message}`);
}
