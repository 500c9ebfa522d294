import { defineConfig } from 'vitest/config';

// Resolve sibling packages to their TypeScript sources, so tests run without a build.
const conditions = ['@icestat/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: { include: ['src/**/*.test.ts'], typecheck: { enabled: false } },
});
