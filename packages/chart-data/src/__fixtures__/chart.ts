// Runs Chart.js headless on a stub 2D context, to check how it parses the configurations.
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

Chart.register(...registerables);

/** A canvas whose 2D context accepts every call and measures text roughly. */
function stubCanvas(): object {
  const canvas: Record<string, unknown> = { width: 800, height: 400, style: {} };
  const state: Record<string | symbol, unknown> = {};
  const context = new Proxy(state, {
    get(target, key) {
      if (key === 'canvas') return canvas;
      if (key === 'measureText') return (text: string) => ({ width: String(text).length * 6, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 });
      if (key in target) return target[key];
      return () => undefined;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  });
  canvas.getContext = () => context;
  return canvas;
}

/** What Chart.js made of one dataset: its parsed values (floating bars as `[start, end]`), and which points it will draw. */
export interface Parsed {
  readonly label: string;
  readonly values: (number | [number, number] | null)[];
}

/** Builds the chart (no animation, fixed size) and reports each dataset as Chart.js parsed it. */
export function parseWithChartJs(config: ChartConfiguration<'bar' | 'line', unknown[], string>): Parsed[] {
  const copy = structuredClone(config) as ChartConfiguration<'bar' | 'line', unknown[], string>;
  copy.options = { ...copy.options, animation: false, responsive: false };
  const chart = new Chart(stubCanvas() as HTMLCanvasElement, copy as never);
  try {
    return chart.data.datasets.map((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      const axis = meta.vScale?.axis ?? 'y';
      const values = (meta._parsed as Record<string, unknown>[]).map((p) => {
        const custom = p._custom as { start: number; end: number } | undefined;
        if (custom && typeof custom === 'object') return [custom.start, custom.end] as [number, number];
        const v = p[axis];
        return typeof v === 'number' && !Number.isNaN(v) ? v : null;
      });
      return { label: String(dataset.label), values };
    });
  } finally {
    chart.destroy();
  }
}
