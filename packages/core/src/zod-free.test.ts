// `@icestat/core/internal` loads no zod: a loader's worker thread imports only it, and building the
// model's schemas would cost it most of its start-up. The hand-written types of the zod-free
// modules are checked here against the schemas they stand for (by `npm run typecheck`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { runtimeGraph, runtimeSpecifiers } from './__fixtures__/module-graph';
import * as core from './index';
import * as internal from './internal';

const src = fileURLToPath(new URL('.', import.meta.url));
const isZod = (specifier: string): boolean => specifier === 'zod' || specifier.startsWith('zod/');

describe('the runtime module graph of @icestat/core/internal', () => {
  const graph = runtimeGraph(join(src, 'internal.ts'), src);

  it('reaches the modules internal re-exports from, and the ones they load', () => {
    const files = graph.map((m) => m.file);
    for (const file of [
      'internal.ts',
      'errors.ts',
      'stats/tally.ts',
      'stats/time.ts',
      'model/calendar.ts',
      'records/table-specs.ts',
      'reference/aor-data.ts',
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it('imports no zod, nor any other package, from any module', () => {
    const withPackages = graph.filter((m) => m.packages.length > 0);
    expect(withPackages).toEqual([]);
    // Nor any module that builds a schema.
    expect(
      graph
        .map((m) => m.file)
        .filter((f) =>
          /^(model\/(primitives|period|criminality|arrest-record)|reference\/(aors|states)|records\/(aor-values|field-kinds|tables))\.ts$/.test(f),
        ),
    ).toEqual([]);
  });

  it('is told apart from the root, whose graph does load zod', () => {
    const root = runtimeGraph(join(src, 'index.ts'), src);
    const loadingZod = root.filter((m) => m.packages.some(isZod)).map((m) => m.file);
    expect(loadingZod).toContain('model/primitives.ts');
    expect(loadingZod).toContain('reference/aors.ts');
    // `import type * as z from 'zod'` is erased: errors.ts is in the root graph but loads no zod.
    expect(root.map((m) => m.file)).toContain('errors.ts');
    expect(loadingZod).not.toContain('errors.ts');
  });
});

describe('runtimeSpecifiers', () => {
  it('keeps the imports that load a module at runtime and drops the ones the build erases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icestat-graph-'));
    try {
      const file = join(dir, 'probe.ts');
      writeFileSync(
        file,
        [
          "import type * as z from 'zod';",
          "import { type ZodType, type ZodObject } from 'zod/v4';",
          "export type { ZodError } from 'zod/mini';",
          "// import * as commented from 'commented-out';",
          'const text = "import * as inString from \'in-a-string\'";',
          "import * as a from 'zod';",
          "import { type ZodType as T2, object } from 'zod/v4/core';",
          "import 'side-effect';",
          "export * from './star';",
          "export { b, type C } from './named';",
          'import {',
          '  one,',
          "  two } from './multi-line';",
          "const lazy = () => import('lazy');",
        ].join('\n'),
      );
      expect(runtimeSpecifiers(file).sort()).toEqual(['./multi-line', './named', './star', 'lazy', 'side-effect', 'zod', 'zod/v4/core'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the zod-free names', () => {
  it('are the same objects through @icestat/core and @icestat/core/internal', () => {
    expect(internal.IcestatError).toBe(core.IcestatError);
    expect(internal.createTally).toBe(core.createTally);
    expect(internal.recordTableNames).toBe(core.recordTableNames);
    for (const name of core.recordTableNames) {
      const spec = core.recordTables[name];
      const layout = internal.recordTableSpecs[name];
      expect(Object.keys(spec)).toEqual([
        'name',
        'recordName',
        'metric',
        'schema',
        ...Object.keys(layout).filter((k) => !['name', 'recordName', 'metric'].includes(k)),
      ]);
      expect(layout).not.toHaveProperty('schema');
      for (const key of Object.keys(layout) as (keyof typeof layout)[]) expect(spec[key], `${name}.${key}`).toBe(layout[key]);
    }
    expect(core.recordTables.arrests.schema).toBe(core.arrestRecordSchema);
    expect(core.recordTables.detentions.schema).toBe(core.detentionRecordSchema);
  });

  it('agree with the schemas built on them', () => {
    expect(core.criminalityClassSchema.options).toEqual([...core.criminalityClasses]);
    expect(core.stateCodeSchema.options).toEqual([...core.stateCodes]);
    expect(core.aorCodeSchema.options).toEqual([...core.aorCodes]);
    expect(core.redactedSchema.parse({ redacted: true, marker: '(b)(6)' })).toSatisfy(core.isRedacted);
    expect(core.unknownValueSchema.parse({ unknown: 'Springfield' })).toSatisfy(internal.isUnknownValue);
  });

  it('are typed as the schemas infer (checked by tsc)', () => {
    expectTypeOf<z.infer<typeof core.redactedSchema>>().toEqualTypeOf<core.Redacted>();
    expectTypeOf<z.infer<typeof core.criminalityClassSchema>>().toEqualTypeOf<core.CriminalityClass>();
    expectTypeOf<z.infer<typeof core.stateCodeSchema>>().toEqualTypeOf<core.StateCode>();
    expectTypeOf<z.infer<typeof core.aorCodeSchema>>().toEqualTypeOf<core.AorCode>();
    expectTypeOf<z.infer<typeof core.recordAorCodeSchema>>().toEqualTypeOf<core.RecordAorCode>();
    expectTypeOf<z.infer<typeof core.unknownValueSchema>>().toEqualTypeOf<core.UnknownValue>();
    expectTypeOf(internal.recordTableSpecs.removals).toEqualTypeOf<internal.RecordTableLayout<keyof typeof internal.removalFields>>();
    expectTypeOf<Omit<core.RecordTableSpec, 'schema'>>().toEqualTypeOf<internal.RecordTableLayout>();
  });
});
