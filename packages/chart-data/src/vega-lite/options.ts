/** Options every Vega-Lite spec builder of this package accepts. */
export interface VegaLiteSpecOptions {
  /** The chart's title; each builder has a default built from the rows. */
  readonly title?: string;
  /**
   * Lines shown under the title before the caption the builder always adds (the sources, and how
   * intervals are drawn), which cannot be turned off.
   */
  readonly subtitle?: string | readonly string[];
  /** Width of the plot area in pixels, or `container`. */
  readonly width?: number | 'container';
  /** Height in pixels, `container`, or `{ step }` pixels per bar. */
  readonly height?: number | 'container' | { readonly step: number };
  /** Text for screen readers; by default the title and caption. */
  readonly description?: string;
}
