/** Starts the built CLI's `newsbrief preview` on a free port, for tests that talk to it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../artifacts/build/cli.js', import.meta.url));

/** Starts `newsbrief preview <file> --port 0 ...flags`; resolves with the server and its URL. */
export async function startServer(
  file: string,
  flags: string[] = [],
): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn('node', [cli, 'preview', file, '--port', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve(match[0]);
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
  });
  return { server, url };
}
