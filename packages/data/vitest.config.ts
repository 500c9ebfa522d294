import { defineConfig } from 'vitest/config';

// Resolve sibling packages to their TypeScript sources, so tests run without a build.
const conditions = ['@icestat/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  // Whole-dataset checks (Ajv compiling the JSON Schema, the CSV round trip) take seconds on a
  // loaded machine: a generous timeout, so no verdict depends on speed.
  test: { include: ['src/**/*.test.ts'], typecheck: { enabled: false }, testTimeout: 60_000, hookTimeout: 60_000 },
});
