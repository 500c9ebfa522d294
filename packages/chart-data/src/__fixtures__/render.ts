// Compile a Vega-Lite spec with vega-lite and render it to SVG with vega, headless, for tests.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The compiled spec's SVG and the warnings vega-lite logged while compiling it. */
export interface Rendered {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/** Compiles with vega-lite (collecting warnings) and renders to SVG with vega's headless renderer. */
export async function render(spec: TopLevelSpec): Promise<Rendered> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
  };
  const compiled = compile(spec, { logger: logger as never });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}

/** The mark groups of a rendered chart whose class is `mark-<type> role-mark <name>…`, with their items. */
function groups(svg: string, type: string, name: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<g class="mark-${type} role-mark ${name}[^"]*"[^>]*?(/?)>`, 'g');
  for (let m = open.exec(svg); m; m = open.exec(svg)) {
    if (m[1] === '/') {
      out.push('');
      continue;
    }
    // Groups of leaf marks hold only items, so the first closing tag ends the group.
    const end = svg.indexOf('</g>', open.lastIndex);
    out.push(svg.slice(open.lastIndex, end));
  }
  return out;
}

/**
 * How many items the named mark drew: the `<path>` (rect, area, line, symbol), `<line>` (rule)
 * or `<text>` elements inside every `mark-<type> role-mark <name>…` group of the SVG. A line or
 * area draws one item per series.
 */
export function countMarks(svg: string, type: 'rect' | 'rule' | 'text' | 'symbol' | 'line' | 'area', name: string): number {
  return groups(svg, type, name).reduce((n, g) => n + (g.match(/<(path|line|text)\b/g)?.length ?? 0), 0);
}

/** The aria labels of the items of a named mark, in drawing order. */
export function markLabels(svg: string, type: 'rect' | 'rule' | 'text' | 'symbol' | 'line' | 'area', name: string): string[] {
  return groups(svg, type, name).flatMap((g) => [...g.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1] ?? ''));
}

/** Whether a mark group of that name exists at all. */
export function hasMark(svg: string, type: 'rect' | 'rule' | 'text' | 'symbol' | 'line' | 'area', name: string): boolean {
  return groups(svg, type, name).length > 0;
}
