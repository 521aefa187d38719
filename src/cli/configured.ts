/** Errors in render or lint options, named after the config file that set them. */
import { NewsbriefError } from '../errors.js';
import type { LoadedConfig } from './config.js';
import { CommandError, fileFailure } from './failure.js';

/**
 * Runs `work` (which applies the options); a newsbrief error from it that is not already worded
 * for the terminal is reported at the config file, or at `newsbrief` when options came from flags.
 */
export async function configured<T>(loaded: LoadedConfig, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CommandError || !(error instanceof NewsbriefError)) throw error;
    throw fileFailure(loaded.file ?? 'newsbrief', error, loaded.locate);
  }
}
