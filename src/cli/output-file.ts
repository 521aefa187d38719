/** Files the CLI writes (`-o`, `--text`): their folder is created first, as `mkdir -p` would. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { onFile } from './failure.js';

/** Writes `content` to `file`, creating missing folders; a failure names the file. */
export async function writeOutput(file: string, content: string): Promise<void> {
  await onFile(file, async () => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  });
}
