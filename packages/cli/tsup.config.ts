import { defineConfig } from 'tsup';

export default defineConfig({
  // cli.ts is what bin/icestat.js runs; each command is its own chunk, loaded only when asked for,
  // so `icestat --version` starts without parsing the loaders, vega or vega-lite.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'es2022',
  platform: 'node',
});
