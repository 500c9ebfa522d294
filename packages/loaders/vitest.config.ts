import { defineConfig } from 'vitest/config';

// Resolve sibling packages to their TypeScript sources, so tests run without a build.
const conditions = ['@icestat/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['src/**/*.test.ts', 'fuzz/**/*.test.ts'],
    typecheck: { enabled: false },
    // CI runs every workspace at once on two loaded cores: a property test that takes 1 s alone can
    // take 10 there. No verdict depends on speed, so no test fails for being slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
