import { defineConfig } from 'tsup';

// Two entry points: the library (runs in Node and in browsers, so no node: imports)
// and the CLI (Node only). Dependencies stay external: tsup never bundles what
// package.json lists in `dependencies`.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
