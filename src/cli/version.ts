/**
 * The version `newsbrief --version` prints: the package.json version the CLI was built from.
 * tsup writes it into the build (`define` in tsup.config.ts), so the installed CLI reads no file at
 * run time and cannot pick up another package's package.json. Run from source (tsx), where nothing
 * defines it, the CLI says so instead.
 */
declare const __NEWSBRIEF_VERSION__: string | undefined;

export const cliVersion: string =
  typeof __NEWSBRIEF_VERSION__ === 'string' ? __NEWSBRIEF_VERSION__ : '0.0.0-source';
