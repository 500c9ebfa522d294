import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The published sources: everything under src but tests, fixtures and type-check fixtures. */
function published(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' ? [] : published(path);
    return /\.ts$/.test(e.name) && !/\.(test|test-d|fixture)\.ts$/.test(e.name) ? [path] : [];
  });
}

describe('published code', () => {
  const files = published(root);

  it('covers the three entry points', () => {
    const names = files.map((f) => relative(root, f).replaceAll('\\', '/'));
    expect(names).toEqual(expect.arrayContaining(['index.ts', 'vega-lite/index.ts', 'chartjs/index.ts']));
  });

  it.each(['vega-lite', 'chart.js', 'vega'])('imports only types from %s (vega-lite has top-level await; a runtime import breaks require)', (lib) => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(new RegExp(`^(import|export)\\b[^;]*?from '${lib.replace('.', '\\.')}';`, 'gms'))].map((m) => m[0]);
      for (const statement of imports) expect(statement, relative(root, file)).toMatch(/^(import|export) type\b/);
      expect(text, relative(root, file)).not.toMatch(new RegExp(`(require|import)\\(\\s*'${lib.replace('.', '\\.')}'`));
    }
  });

  it('has no default exports', () => {
    for (const file of files) expect(readFileSync(file, 'utf8'), relative(root, file)).not.toMatch(/export default/);
  });
});
