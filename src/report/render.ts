/**
 * Vega-Lite → Vega → SVG (headless, vega's 'none' renderer) → PNG (resvg, with the system's
 * DejaVu fonts, so that text renders the same everywhere). Nothing is fetched: specs carry their data.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT } from './charts.js';
import type { Plot } from './model.js';

/** Where Debian installs DejaVu (fonts-dejavu-core); system fonts are loaded as well. */
export const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu'];

/** The plot as SVG text (a standalone <svg> element with width, height and viewBox). */
export async function svgFromSpec(spec: TopLevelSpec): Promise<string> {
  const withFont = { ...spec, config: { ...(spec.config ?? {}), font: FONT } } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(withFont).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Makes the ids of one SVG unique within an HTML page that holds several, and the same on every
 * rendering (vega numbers clip paths with a counter that lives as long as the process): the k-th
 * id becomes `PREFIX-k`, in `id="…"`, `url(#…)` and `href="#…"` alike.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}-${ids.size + 1}`);
  const to = (id: string): string => ids.get(id) ?? id;
  return svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${to(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${to(id)})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${to(id)}"`);
}

/** PNG of an SVG at `scale` × its size (2: sharp on screens and in slides), white background. */
export function pngFromSvg(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, fontDirs: FONT_DIRS, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return resvg.render().asPng();
}

export interface RenderedPlot {
  plot: Plot;
  /** SVG with ids scoped to the plot's name (safe to inline beside other plots). */
  svg: string;
  png: Uint8Array;
}

/** Renders every plot, one after the other (vega views are cheap; resvg is the slow part). */
export async function renderPlots(plots: readonly Plot[]): Promise<RenderedPlot[]> {
  const out: RenderedPlot[] = [];
  for (const plot of plots) {
    const svg = scopeSvgIds(await svgFromSpec(plot.spec), plot.name);
    out.push({ plot, svg, png: pngFromSvg(svg) });
  }
  return out;
}
