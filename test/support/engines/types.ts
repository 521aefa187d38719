/** The common face of the three rendering engines the tests and `npm run shots` drive. */

export type EngineName = 'webkit' | 'gecko' | 'chromium';
export type Scheme = 'light' | 'dark';

export interface OpenOptions {
  /**
   * Block image requests the way a client with remote images off does. Chromium aborts them
   * (request interception); the page server already points the other engines' images at
   * addresses that cannot load.
   */
  blockImages?: boolean;
}

/** One open page in a viewport of a given CSS width. */
export interface EnginePage {
  /** Sets the viewport (layout) width in CSS px; the height is left to the engine. */
  resize(width: number): Promise<void>;
  /** Evaluates a JavaScript expression in the page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** A PNG of the whole page at the current width. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/** A running browser of one engine in one colour scheme; open pages one at a time. */
export interface EngineBrowser {
  readonly engine: EngineName;
  readonly scheme: Scheme;
  /** Engine and browser version, e.g. `WebKitGTK 2.50.6 (MiniBrowser)`. */
  readonly version: string;
  open(url: string, width: number, options?: OpenOptions): Promise<EnginePage>;
  close(): Promise<void>;
}

/** How to find and start an engine. */
export interface EngineLauncher {
  readonly engine: EngineName;
  /** Human name for messages and labels: `WebKit`, `Gecko`, `Chromium`. */
  readonly label: string;
  /** Programs the engine needs; all must exist for it to run. */
  readonly binaries: readonly string[];
  /** How to install them (Debian). */
  readonly install: string;
  launch(scheme: Scheme): Promise<EngineBrowser>;
}
