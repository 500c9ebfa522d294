// The parallel tally's worker thread must be ready to read soon after it starts: every module it
// loads reaches core only through `@icestat/core/internal`, which loads no zod. The root
// `@icestat/core` would build the whole model's schemas first (tens of milliseconds per worker).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimeGraph } from '../../../../core/src/__fixtures__/module-graph';

const src = fileURLToPath(new URL('../../', import.meta.url));

describe('the tally worker thread', () => {
  const graph = runtimeGraph(join(src, 'csv/records/tally-worker.ts'), src);
  const files = graph.map((m) => m.file);
  const packages = new Set(graph.flatMap((m) => m.packages));

  it('reaches the reader, the tokenizer, the table plan and the tally', () => {
    for (const file of [
      'csv/records/parallel.ts',
      'csv/records/row-reader.ts',
      'csv/records/tokenizer.ts',
      'csv/records/normalise.ts',
      'csv/records/tally-text.ts',
      'tables/plan.ts',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(packages).toContain('@icestat/core/internal');
  });

  it('loads core only through @icestat/core/internal, and no zod', () => {
    const loadingRoot = graph.filter((m) => m.packages.some((p) => p === '@icestat/core' || p === 'zod' || p.startsWith('zod/'))).map((m) => m.file);
    expect(loadingRoot).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('@icestat/')).sort()).toEqual(['@icestat/core/internal']);
  });

  it('is told apart from the record reader, which loads the root of core', () => {
    const reader = runtimeGraph(join(src, 'csv/records/read.ts'), src);
    expect(reader.flatMap((m) => m.packages)).toContain('@icestat/core');
  });
});
