/**
 * The optional peers that compile MJML templates: mjml, juice, html-minifier-terser and the full
 * Handlebars package. A plain `npm install newsbrief` leaves them out (the default templates ship
 * precompiled); the features that compile templates load them here, and name every one missing.
 */
import { NewsbriefError } from '../errors.js';

/** The compile step's packages, loaded. */
export interface CompilerPeers {
  mjml2html: typeof import('mjml');
  juice: typeof import('juice');
  handlebars: typeof import('handlebars');
  /** Loaded only when the templates are minified. */
  minify?: typeof import('html-minifier-terser')['minify'];
}

/** Each peer's loader. Literal specifiers: this module is in the Node build only. */
const loaders = {
  mjml: () => import('mjml'),
  juice: () => import('juice'),
  handlebars: () => import('handlebars'),
  'html-minifier-terser': () => import('html-minifier-terser'),
};
type PeerName = keyof typeof loaders;

const missingModule = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

async function load<Name extends PeerName>(
  name: Name,
  missing: string[],
): Promise<Awaited<ReturnType<(typeof loaders)[Name]>> | undefined> {
  try {
    return (await loaders[name]()) as Awaited<ReturnType<(typeof loaders)[Name]>>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === undefined || !missingModule.has(code)) throw error;
    missing.push(name);
    return undefined;
  }
}

/**
 * Loads the compile step's peers, or throws a `NewsbriefError` that says what `reason` needs and
 * the exact `npm install` line for the missing ones.
 */
export async function loadCompilerPeers(
  reason: string,
  options: { minify: boolean },
): Promise<CompilerPeers> {
  const missing: string[] = [];
  const [mjml, juice, handlebars, minifier] = await Promise.all([
    load('mjml', missing),
    load('juice', missing),
    load('handlebars', missing),
    options.minify ? load('html-minifier-terser', missing) : undefined,
  ]);
  if (mjml === undefined || juice === undefined || handlebars === undefined || missing.length > 0) {
    throw new NewsbriefError(
      `${reason} compiles templates with MJML, which needs packages that are not installed: ${missing.join(', ')}. Install them with \`npm install ${missing.join(' ')}\`.`,
    );
  }
  return {
    mjml2html: mjml.default,
    juice: juice.default,
    handlebars: handlebars.default,
    minify: minifier?.minify,
  };
}
