import { defineConfig } from 'vitest/config';

// Unit tests resolve sibling packages to their TypeScript sources; the end-to-end tests run the
// built bin (test/global-setup.ts builds it and what it depends on first).
const conditions = ['@icestat/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    typecheck: { enabled: false },
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
