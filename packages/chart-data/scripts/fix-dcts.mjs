// The bundled .d.cts files import types from vega-lite and chart.js, whose types are ESM only.
// tsup drops the `resolution-mode` attribute written in the sources, so it is put back here:
// without it a CommonJS consumer on TypeScript ≤ 5.7 or "module": "node16" gets TS1479.
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of ['dist/vega-lite/index.d.cts', 'dist/chartjs/index.d.cts']) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(
    /^import \{ ([^}]+) \} from '(vega-lite|chart\.js)';$/gm,
    (_, names, lib) => `import type { ${names.trim()} } from '${lib}' with { 'resolution-mode': 'import' };`,
  );
  if (fixed === text && /from '(vega-lite|chart\.js)'/.test(text)) throw new Error(`${file}: the chart library import was not rewritten`);
  writeFileSync(file, fixed);
}
