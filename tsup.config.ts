import { defineConfig } from 'tsup';

/**
 * Small pure-JS dependencies of the render path are bundled: resolving and loading them as
 * separate packages cost about 30 ms of a cold start here (import + first render went from ~78 to
 * ~48 ms over bare node). Their licenses are in THIRD_PARTY_NOTICES.md. MJML, juice, the minifier
 * and the full Handlebars compiler stay external: they load only for template overrides.
 */
const bundled = ['valibot', 'marked', /^handlebars\/runtime/];

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    // `import.meta.url` (createRequire for the lazily loaded YAML parser) must work in CJS too.
    shims: true,
    sourcemap: false,
    noExternal: bundled,
  },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: bundled,
  },
]);
