import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // JSON Schema files are generated from the built zod schemas, so they never drift from them.
  onSuccess: 'node scripts/write-json-schema.mjs',
});
