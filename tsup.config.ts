import { defineConfig } from 'tsup';

// Two entry points: the library (runs in Node and in browsers, so no node: imports)
// and the CLI (Node only). Dependencies stay external: tsup never bundles what
// package.json lists in `dependencies`.
// The Node-only files (CLI, batch worker) bundle salve, saxes and xregexp (see the CLI entry
// for why); their CommonJS needs a `require`, which an ES module lacks: the shim makes one.
const BUNDLED_IN_NODE_FILES = ['salve-annos', 'saxes', 'xregexp'];
const REQUIRE_SHIM = "import { createRequire as __teikitCreateRequire } from 'node:module';\nconst require = __teikitCreateRequire(import.meta.url);";

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // No clean: tsup's clean empties dist/ while another build's tests may be reading it;
    // CI builds in a fresh clone, so stale files never reach a release.
    clean: false,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    // salve (with xregexp) and saxes go into cli.js itself, on purpose: Node reads and
    // compiles one file instead of some hundred modules, and `teikit validate` starts in
    // 0.2 s instead of 0.35 s. Their CommonJS needs `require`, which an ES module lacks:
    // the banner makes one. The library entry keeps them external, so browser bundlers
    // pick up salve's browser build.
    noExternal: BUNDLED_IN_NODE_FILES,
    banner: { js: `#!/usr/bin/env node\n${REQUIRE_SHIM}` },
  },
  // teikit/batch (Node only): the API, and the worker thread it and the CLI start,
  // found beside them as dist/batch-worker.js. The worker bundles salve like the CLI,
  // so each thread starts from one file.
  {
    entry: { batch: 'src/batch/index.ts' },
    format: ['esm'],
    dts: true,
    // The library itself is imported from dist/index.js, not bundled again: one
    // TeikitError class, so `instanceof` holds for errors batch() throws.
    esbuildPlugins: [
      {
        name: 'library-entry-external',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
            args.importer.includes('/src/batch/') ? { path: './index.js', external: true } : undefined,
          );
        },
      },
    ],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
  },
  {
    entry: { 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    noExternal: BUNDLED_IN_NODE_FILES,
    banner: { js: REQUIRE_SHIM },
  },
  // teikit/suggest (Node and browsers): the suggester with its Brown Corpus model
  // (2 MB) embedded, kept out of dist/index.js so `import { encode } from 'teikit'`
  // does not load it. No source map: it would carry the model a second time.
  {
    entry: { suggest: 'src/suggest/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
  },
]);
