import { defineConfig } from 'vitest/config';

// Resolve sibling packages to their TypeScript sources, so tests run without a build.
const conditions = ['@icestat/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  // Tests run on a loaded 2-core machine: no verdict may hang on wall-clock speed.
  test: { include: ['src/**/*.test.ts'], typecheck: { enabled: false }, testTimeout: 60_000 },
});
