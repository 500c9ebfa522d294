import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'vega-lite/index': 'src/vega-lite/index.ts', 'chartjs/index': 'src/chartjs/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The chart libraries lend types only; published code never loads them (vega-lite has top-level await).
  external: ['vega-lite', 'chart.js'],
});
