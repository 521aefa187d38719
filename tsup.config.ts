import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** The package version, written into the CLI build for `newsbrief --version` (src/cli/version.ts). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Runtime dependencies are bundled: valibot, js-yaml and the Handlebars runtime; for
 * `briefingFromFeed`, feedsmith's parsers with fast-xml-parser (and the small packages under it)
 * and entities. Their licenses are in THIRD_PARTY_NOTICES.md. `npm install newsbrief` then brings
 * only commander, for the CLI, and importing resolves no package; a bundler that tree-shakes drops
 * what an app does not import (the feed reader, from a bundle of renderBriefing alone). MJML,
 * juice, the minifier and the full Handlebars compiler stay external: optional peers, loaded by
 * the Node build only to compile templates.
 */
const bundled = [
  'valibot',
  'js-yaml',
  /^handlebars\/runtime/,
  'feedsmith',
  'entities',
  /^entities\//,
  'fast-xml-parser',
  'fast-xml-builder',
  'strnum',
  'anynum',
  '@nodable/entities',
  'is-unsafe',
  'path-expression-matcher',
  'xml-naming',
];
const peers = ['mjml', 'juice', 'html-minifier-terser', /^handlebars$/];

export default defineConfig([
  {
    // index: the portable build (browsers, edge workers, the `default` condition); it imports no
    // Node module. node: the `node` condition and `newsbrief/node`, the core plus the compile
    // step. cli: the `newsbrief` command. preview: the editor component (`newsbrief/preview`),
    // portable too; `newsbrief preview` serves this file. One ESM build, so all share the core's chunk.
    entry: {
      index: 'src/index.ts',
      node: 'src/node/index.ts',
      cli: 'src/cli/index.ts',
      preview: 'src/preview/index.ts',
    },
    format: ['esm'],
    // neutral, not node: index and preview run in browsers and workers, so bundled packages
    // resolve without the `node` condition (their ESM builds, by `module`), and `node:` imports
    // stay as written.
    platform: 'neutral',
    esbuildOptions(options) {
      options.mainFields = ['module', 'main'];
      // Every shared or lazily loaded chunk is chunk-*.js: `newsbrief preview` serves those files.
      options.chunkNames = 'chunk-[hash]';
    },
    target: 'node20',
    splitting: true,
    dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts', preview: 'src/preview/index.ts' } },
    sourcemap: false,
    define: { __NEWSBRIEF_VERSION__: JSON.stringify(version) },
    noExternal: bundled,
    external: [...peers, /^node:/],
  },
  {
    // `require('newsbrief')` on Node, and `require('newsbrief/preview')` for CommonJS front-end code.
    entry: { node: 'src/node/index.ts', preview: 'src/preview/index.ts' },
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: false,
    noExternal: bundled,
    external: peers,
  },
]);
