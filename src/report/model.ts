/**
 * The report model: what a study's report says, independent of how it is drawn. A report is a
 * title, facts about the run (configuration, seed, versions, timings) and sections of text,
 * tables and plots; plots are Vega-Lite specs (https://vega.github.io/vega-lite/), rendered to
 * SVG and PNG by render.ts and laid out as HTML by html.ts.
 */
import type { TopLevelSpec } from 'vega-lite';

/** A table cell: numbers are formatted by the builder, so cells are text (null shows as "–"). */
export type Cell = string | number | null;

export interface Table {
  /** Shown above the table; also its anchor. */
  caption: string;
  columns: string[];
  rows: Cell[][];
  /** A note under the table (e.g. the paper's numbers or the definition of a column). */
  note?: string;
}

/** One plot. `name` is the file stem of plots/NAME.svg and plots/NAME.png: [a-z0-9-] only. */
export interface Plot {
  name: string;
  caption: string;
  spec: TopLevelSpec;
}

export type Block = { kind: 'text'; text: string } | { kind: 'table'; table: Table } | { kind: 'plot'; plot: Plot };

export interface Section {
  title: string;
  blocks: Block[];
}

/** Facts about the run printed in the report's header and its "Run" section. */
export interface RunInfo {
  study: string;
  seed: number | null;
  /** The options the study ran with, as written to results.json. */
  options: unknown;
  /** Wall-clock seconds by step. */
  timingsSeconds: Record<string, number>;
}

export interface Report {
  title: string;
  /** One paragraph under the title: what the study is and which paper it reproduces. */
  summary: string;
  run: RunInfo;
  sections: Section[];
}

export const text = (t: string): Block => ({ kind: 'text', text: t });
export const table = (t: Table): Block => ({ kind: 'table', table: t });
export const plot = (p: Plot): Block => ({ kind: 'plot', plot: p });

/** Every plot of a report, in order. */
export function reportPlots(r: Report): Plot[] {
  return r.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'plot' ? [b.plot] : [])));
}

/** Every table of a report, in order. */
export function reportTables(r: Report): Table[] {
  return r.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
