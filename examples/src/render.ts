// Renders Vega-Lite specs to SVG in Node, headless: vega-lite compiles, vega draws with no canvas.
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

/** Compiles a Vega-Lite spec and renders it to an SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vegaSpec } = compile(spec);
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
