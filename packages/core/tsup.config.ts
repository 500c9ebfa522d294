import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Keeps one output file per source module: every relative import stays an import of the sibling
 * output file (`.js` for ESM, `.cjs` for CommonJS). With `"sideEffects": false`, a bundler can then
 * drop whole modules a user does not import (and the zod schemas they build), which it could not
 * do inside one bundled file.
 */
const preserveModules: EsbuildPlugin = {
  name: 'icestat-preserve-modules',
  setup(build) {
    const extension = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /^\.\.?\// }, (args) => (args.kind === 'entry-point' ? undefined : { path: `${args.path}${extension}`, external: true }));
  },
};

export default defineConfig({
  entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/__fixtures__/**'],
  format: ['esm', 'cjs'],
  dts: { entry: ['src/index.ts', 'src/internal.ts', 'src/json-schema.ts'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  esbuildPlugins: [preserveModules],
  // `import { type X }` names only types: emit no bare `import './x.js'` for it, which bundlers
  // would report as an ignored import of a side-effect-free module.
  esbuildOptions(options) {
    delete options.tsconfig;
    options.tsconfigRaw = { compilerOptions: { verbatimModuleSyntax: false } };
  },
  // JSON Schema files are generated from the built zod schemas, so they never drift from them.
  onSuccess: 'node scripts/write-json-schema.mjs',
});
