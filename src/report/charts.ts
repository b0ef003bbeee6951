/**
 * Vega-Lite specs for the plots physicists expect: curves with error bars, step histograms and
 * heat maps, axis titles with units, a legend per series, log scales on request. Pure functions
 * of plain data; points that cannot be drawn (non-finite, or ≤ 0 on a log axis) are dropped.
 */
import type { TopLevelSpec } from 'vega-lite';
import { histogram } from '../baselines/histogram.js';

/** One point of one series; `lo`/`hi` draw an error bar. `group` splits a series by line style (e.g. train/validation). */
export interface SeriesPoint {
  series: string;
  x: number;
  y: number;
  lo?: number;
  hi?: number;
  group?: string;
}

export interface AxesOptions {
  xTitle: string;
  yTitle: string;
  /** Legend title of the colour (series) channel. */
  seriesTitle: string;
  logX?: boolean;
  logY?: boolean;
  /** Legend title of the line style channel, when points carry a `group`. */
  groupTitle?: string;
  /** A horizontal reference line (e.g. 0 for closure, 1 for a ratio). */
  referenceY?: number;
  /** Draw points on the curve (for binned values). */
  points?: boolean;
  /** Line interpolation: 'linear' for curves, 'step-after' for histograms. */
  interpolate?: 'linear' | 'step-after';
  /** Series (in order) whose colours are fixed across the report's plots. */
  seriesOrder?: string[];
}

export const WIDTH = 520;
export const HEIGHT = 300;
export const FONT = 'DejaVu Sans';

/** Line styles: solid, dashed, dotted, dash-dot. */
const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3]];

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The points a chart can draw with these axes. */
export function drawable(points: readonly SeriesPoint[], o: Pick<AxesOptions, 'logX' | 'logY'>): SeriesPoint[] {
  return points.filter((p) => finite(p.x) && finite(p.y) && (!o.logX || p.x > 0) && (!o.logY || p.y > 0));
}

/** Shared look: font, size, white background, light grid. */
export function baseConfig(): Record<string, unknown> {
  return {
    font: FONT,
    background: 'white',
    view: { stroke: '#888' },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', grid: true, gridColor: '#e6e6e6', tickColor: '#888', domainColor: '#888' },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', symbolStrokeWidth: 2, labelLimit: 320, titleLimit: 320 },
    title: { fontSize: 13, fontWeight: 'normal', anchor: 'start' },
    line: { strokeWidth: 1.6 },
  };
}

function scale(log: boolean | undefined, zero = false): Record<string, unknown> {
  return log ? { type: 'log' } : { zero, nice: true };
}

/** Linear axes print 1000, not 1,000 (GeV values are not money); log axes keep vega's labels. */
const axis = (log: boolean | undefined): Record<string, unknown> => (log ? {} : { axis: { format: '~f' } });

/** Curves (or step histograms) of several series, with optional error bars and reference line. */
export function seriesChart(points: readonly SeriesPoint[], o: AxesOptions): TopLevelSpec {
  const bar = (v: number | undefined, y: number): number => (finite(v) && (!o.logY || v > 0) ? v : y);
  const values = drawable(points, o).map((p) => ({ ...p, lo: bar(p.lo, p.y), hi: bar(p.hi, p.y), group: p.group ?? '' }));
  const domain = o.seriesOrder?.filter((s) => values.some((v) => v.series === s)) ?? [...new Set(values.map((v) => v.series))];
  const x = { field: 'x', type: 'quantitative', title: o.xTitle, scale: scale(o.logX), ...axis(o.logX) };
  const y = { field: 'y', type: 'quantitative', title: o.yTitle, scale: scale(o.logY), ...axis(o.logY) };
  const color = { field: 'series', type: 'nominal', title: o.seriesTitle, scale: { domain, scheme: 'tableau10' }, legend: { symbolType: 'stroke' } };
  // Line styles in order of first appearance: the first group (fitted, measured, train) is solid.
  const groups = [...new Set(values.map((v) => v.group))];
  const dash = o.groupTitle ? { strokeDash: { field: 'group', type: 'nominal', title: o.groupTitle, scale: { domain: groups, range: DASHES.slice(0, groups.length) } } } : {};
  const firstGroup = o.groupTitle ? [{ filter: { field: 'group', equal: groups[0] ?? '' } }] : [];
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'line', interpolate: o.interpolate ?? 'linear', clip: true }, encoding: { x, y, color, ...dash, detail: { field: 'group' } } },
  ];
  if (o.points) layers.push({ transform: firstGroup, mark: { type: 'point', filled: true, size: 22, clip: true }, encoding: { x, y, color } });
  if (values.some((v) => v.lo !== v.y || v.hi !== v.y)) {
    layers.push({ mark: { type: 'rule', clip: true }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } });
  }
  if (o.referenceY !== undefined) {
    layers.push({ data: { values: [{ ref: o.referenceY }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#555' }, encoding: { y: { field: 'ref', type: 'quantitative' } } });
  }
  return { width: WIDTH, height: HEIGHT, data: { values }, layer: layers, config: baseConfig() } as unknown as TopLevelSpec;
}

/** Histogram bins as step-curve points: (edge_k, value_k) and a last point at the upper edge. */
export function stepPoints(series: string, edges: readonly number[], values: readonly (number | null)[], group?: string): SeriesPoint[] {
  const n = Math.min(values.length, edges.length - 1);
  const out: SeriesPoint[] = [];
  for (let k = 0; k < n; k++) out.push({ series, x: edges[k]!, y: values[k] as number, ...(group !== undefined ? { group } : {}) });
  if (n > 0) out.push({ series, x: edges[n]!, y: values[n - 1] as number, ...(group !== undefined ? { group } : {}) });
  return out;
}

/** Step histograms of several series (each given by bin edges and per-bin values). */
export function histogramChart(hists: readonly { series: string; edges: readonly number[]; values: readonly (number | null)[]; group?: string }[], o: Omit<AxesOptions, 'interpolate'>): TopLevelSpec {
  return seriesChart(hists.flatMap((h) => stepPoints(h.series, h.edges, h.values, h.group)), { ...o, interpolate: 'step-after' });
}

/** Equal-width histogram of raw values over [lo, hi], normalised to unit area (density per unit of x). */
export function densityHistogram(values: readonly number[], lo: number, hi: number, bins: number): { edges: number[]; density: number[] } {
  const h = histogram(values, lo, hi, bins), width = (hi - lo) / bins;
  return { edges: h.edges, density: Array.from(h.sum, (c) => (h.total > 0 ? c / h.total / width : 0)) };
}

/** A [lo, hi] range that holds all but the outer `tail` fraction of each side of `values`. */
export function robustRange(values: readonly number[], tail = 0.005): [number, number] {
  const s = values.filter(finite).sort((a, b) => a - b);
  if (s.length === 0) return [0, 1];
  const lo = s[Math.floor(tail * (s.length - 1))]!, hi = s[Math.ceil((1 - tail) * (s.length - 1))]!;
  return lo < hi ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

/** A heat map of `value` on a grid of cells [x0, x1] × [y0, y1]. */
export interface HeatCell {
  x0: number; x1: number; y0: number; y1: number; value: number;
}

export function heatmapChart(cells: readonly HeatCell[], o: { xTitle: string; yTitle: string; valueTitle: string; logY?: boolean; nominal?: boolean }): TopLevelSpec {
  const values = cells.filter((c) => [c.x0, c.x1, c.y0, c.y1, c.value].every(finite) && (!o.logY || (c.y0 > 0 && c.y1 > 0)));
  return {
    width: WIDTH, height: HEIGHT, data: { values },
    mark: { type: 'rect', clip: true },
    encoding: {
      x: { field: 'x0', type: 'quantitative', title: o.xTitle, scale: { zero: false, nice: false }, ...axis(false) }, x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative', title: o.yTitle, scale: o.logY ? { type: 'log', nice: false } : { zero: false, nice: false }, ...axis(o.logY) }, y2: { field: 'y1' },
      color: o.nominal ? { field: 'value', type: 'nominal', title: o.valueTitle, scale: { scheme: 'tableau10' } } : { field: 'value', type: 'quantitative', title: o.valueTitle, scale: { scheme: 'viridis' } },
    },
    config: baseConfig(),
  } as unknown as TopLevelSpec;
}

/** Cells around grid points (edges halfway between neighbours; geometric midpoints on a log axis). */
export function gridEdges(centres: readonly number[], log = false): number[] {
  const t = centres.map((c) => (log ? Math.log(c) : c));
  const mid = t.slice(1).map((v, i) => 0.5 * (v + t[i]!));
  const first = t.length > 1 ? t[0]! - (mid[0]! - t[0]!) : t[0]! - 0.5;
  const last = t.length > 1 ? t[t.length - 1]! + (t[t.length - 1]! - mid[mid.length - 1]!) : t[0]! + 0.5;
  return [first, ...mid, last].map((v) => (log ? Math.exp(v) : v));
}
