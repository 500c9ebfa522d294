import * as z from 'zod';
import { derivedClaimSchema } from './claim';
import { claimArity } from './derivation';
import { operationSchema, seriesSchema } from './operation';
import { textSchema, partialDateSchema } from './primitives';
import { sourceSchema } from './source';
import { statisticalTableSchema } from './table';
import { breakdownsOf, figuresOf } from './walk';

/** The version of the dataset format this build of icestat reads and writes. */
export const SCHEMA_VERSION = '1.0.0';

/**
 * A dataset: sources, operations, series and statistical tables, plus claims that span operations. This is icestat's
 * JSON format. Beyond each part's own checks, parsing a dataset checks that ids are unique, every
 * reference (source, cited source, breakdown total, claim input) resolves, and every breakdown
 * part is in its total's unit (or in percent: a stated share of the total).
 *
 * @example
 * const dataset = datasetSchema.parse(JSON.parse(text));
 * dataset.operations.map((o) => o.name);
 */
export const datasetSchema = z
  .object({
    schemaVersion: z.string().regex(/^1\.\d+\.\d+$/, `must be a 1.x.y version this build reads (it writes ${SCHEMA_VERSION})`),
    title: textSchema,
    description: textSchema.optional(),
    created: partialDateSchema.optional(),
    license: textSchema.optional(),
    sources: z.array(sourceSchema),
    operations: z.array(operationSchema),
    series: z.array(seriesSchema).default([]),
    /** Publishers' statistical tables (ICE's yearly detention statistics, a per-AOR count table). */
    tables: z.array(statisticalTableSchema).optional(),
    /** Claims about figures of more than one operation or series. */
    claims: z.array(derivedClaimSchema).default([]),
    note: textSchema.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Map<string, string>();
    const unique = (id: string, path: (string | number)[], what: string): void => {
      const first = seen.get(id);
      if (first) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate id "${id}" (${what}); first used at ${first}` });
      else seen.set(id, pathText(path));
    };
    const sourceIds = new Set(d.sources.map((s) => s.id));
    const needSource = (id: string | undefined, path: (string | number)[]): void => {
      if (id !== undefined && !sourceIds.has(id)) {
        ctx.addIssue({ code: 'custom', path, message: `names source "${id}", which is not in the dataset's sources` });
      }
    };

    d.sources.forEach((s, i) => {
      unique(s.id, ['sources', i], 'source');
      s.cites?.forEach((c, j) => {
        needSource(c, ['sources', i, 'cites', j]);
      });
    });
    d.operations.forEach((o, i) => {
      unique(o.id, ['operations', i], 'operation');
      o.sources.forEach((s, j) => {
        needSource(s, ['operations', i, 'sources', j]);
      });
      if (o.target) needSource(o.target.source, ['operations', i, 'target', 'source']);
      o.namedOffences?.forEach((n, j) => {
        needSource(n.source, ['operations', i, 'namedOffences', j, 'source']);
      });
    });
    d.series.forEach((s, i) => {
      unique(s.id, ['series', i], 'series');
    });
    d.tables?.forEach((t, i) => {
      unique(t.id, ['tables', i], 'table');
      t.sources.forEach((s, j) => {
        needSource(s, ['tables', i, 'sources', j]);
      });
    });

    const figures = figuresOf(d);
    const figureIds = new Set<string>();
    for (const { figure, path } of figures) {
      unique(figure.id, [...path], 'figure');
      figureIds.add(figure.id);
      needSource(figure.source, [...path, 'source']);
      needSource(figure.citing, [...path, 'citing']);
    }

    for (const { breakdown, path, total, parent, operation } of breakdownsOf(d)) {
      unique(breakdown.id, [...path], 'breakdown');
      if (!parent && breakdown.total === undefined) {
        // The report gives the parts but states no total (Chicago: 106 men and 1 woman).
      } else if (parent && breakdown.total !== undefined && breakdown.total !== parent.figure.id) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'total'],
          message: `a nested breakdown splits the part above it ("${parent.figure.id}"); omit total or name that figure`,
        });
      } else if (!total) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'total'],
          message: `names figure "${breakdown.total}", which is not a figure of ${'kind' in operation ? 'operation' : 'table'} "${operation.id}"`,
        });
      }
      breakdown.uncounted?.forEach((u, ui) => {
        needSource(u.source, [...path, 'uncounted', ui, 'source']);
      });
      if (!total) continue;
      breakdown.parts.forEach((part, pi) => {
        const unit = part.figure.quantity.unit;
        // A part in percent under a count states its share of the total ("approximately 75 percent").
        if (unit !== total.quantity.unit && unit !== 'percent') {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'parts', pi, 'figure', 'quantity', 'unit'],
            message: `must be the unit of the total "${total.id}" (${total.quantity.unit}), or percent for a share of it; got ${unit}`,
          });
        }
      });
    }

    for (const { figure, path } of figures) {
      const d = figure.derivedFrom;
      if (!d) continue;
      d.inputs.forEach((input, k) => {
        if (input === figure.id) {
          ctx.addIssue({ code: 'custom', path: [...path, 'derivedFrom', 'inputs', k], message: 'a figure cannot be derived from itself' });
        } else if (!figureIds.has(input)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'derivedFrom', 'inputs', k], message: `names figure "${input}", which is not in the dataset` });
        }
      });
      const [min, max] = claimArity[d.operation];
      if (d.inputs.length < min || d.inputs.length > max) {
        const want = max === Infinity ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'derivedFrom', 'inputs'],
          message: `a ${d.operation} takes ${want} input figure${min === 1 && max === 1 ? '' : 's'}; got ${d.inputs.length}`,
        });
      }
    }

    const claimSets: [readonly z.infer<typeof derivedClaimSchema>[], (string | number)[]][] = [
      ...d.operations.map((o, i): [typeof o.claims, (string | number)[]] => [o.claims, ['operations', i, 'claims']]),
      ...d.series.map((s, i): [typeof s.claims, (string | number)[]] => [s.claims, ['series', i, 'claims']]),
      ...(d.tables ?? []).map((t, i): [typeof t.claims, (string | number)[]] => [t.claims, ['tables', i, 'claims']]),
      [d.claims, ['claims']],
    ];
    for (const [claims, base] of claimSets) {
      claims.forEach((c, ci) => {
        const path = [...base, ci];
        unique(c.id, path, 'claim');
        needSource(c.source, [...path, 'source']);
        needSource(c.citing, [...path, 'citing']);
        c.inputs.forEach((input, k) => {
          if (!figureIds.has(input)) {
            ctx.addIssue({ code: 'custom', path: [...path, 'inputs', k], message: `names figure "${input}", which is not in the dataset` });
          }
        });
      });
    }
  });
export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetInput = z.input<typeof datasetSchema>;

function pathText(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

interface DefLike {
  readonly type?: string;
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly out?: unknown;
  readonly options?: readonly unknown[];
  readonly getter?: () => unknown;
}

let keys: ReadonlySet<string> | undefined;

/**
 * Every key the dataset format knows, at any depth (`evidence`, `derivedFrom`, `exhaustive`, …):
 * what a misspelt key is compared with to say "did you mean".
 *
 * @returns The keys.
 * @example
 * datasetKeys().has('evidence'); // => true
 */
export function datasetKeys(): ReadonlySet<string> {
  if (keys) return keys;
  const out = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (schema: unknown): void => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    const def = (schema as { _zod?: { def?: DefLike } })._zod?.def;
    if (!def) return;
    if (def.shape) {
      for (const [k, v] of Object.entries(def.shape)) {
        out.add(k);
        visit(v);
      }
    }
    for (const child of [def.element, def.innerType, def.in, def.out, ...(def.options ?? [])]) visit(child);
    if (def.type === 'lazy' && def.getter) visit(def.getter());
  };
  visit(datasetSchema);
  keys = out;
  return out;
}
