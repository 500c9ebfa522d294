import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'json/index': 'src/json/index.ts', 'csv/index': 'src/csv/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // node:fs is imported lazily by the path loaders only, so browser bundles never reach it.
  external: ['node:fs', 'node:fs/promises', 'node:stream', 'node:readline'],
});
