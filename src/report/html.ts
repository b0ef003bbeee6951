/**
 * The report as one self-contained HTML page: inline CSS, plots as inline SVG, no scripts and
 * nothing fetched (no CDN, fonts from the system). Prints well and reads without a server.
 */
import { slug } from './format.js';
import type { Block, Cell, Report, Table } from './model.js';
import type { Versions } from './versions.js';

/** Text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
:root { --ink: #1d2329; --muted: #5b6570; --line: #d8dde3; --band: #f4f6f8; --accent: #2b5d8a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1240px; margin: 0 auto; padding: 28px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; color: var(--muted); }
p { margin: 8px 0; max-width: 80ch; }
.summary { color: var(--muted); }
nav ol { columns: 2; margin: 12px 0; padding-left: 20px; }
nav a, a { color: var(--accent); text-decoration: none; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 14px 0; padding: 10px 14px; background: var(--band); border-radius: 6px; font-size: 13px; }
.facts b { font-weight: 600; }
table { border-collapse: collapse; margin: 8px 0 4px; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0 6px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { white-space: normal; vertical-align: bottom; min-width: 4em; }
th { background: var(--band); text-align: left; font-weight: 600; }
td.n { text-align: right; }
tbody tr:nth-child(even) { background: #fafbfc; }
.note { font-size: 12px; color: var(--muted); margin: 2px 0 16px; }
.scroll { overflow-x: auto; }
figure.plot { margin: 16px 0 24px; }
figure.plot svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; max-width: 80ch; }
pre { background: var(--band); padding: 10px 14px; border-radius: 6px; font-size: 12px; overflow-x: auto; }
details summary { cursor: pointer; color: var(--accent); }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } figure.plot { break-inside: avoid; } }
`;

const isNumeric = (c: Cell): boolean => typeof c === 'number' || (typeof c === 'string' && /^[−+-]?[\d.]+( ?[±%].*)?$/.test(c.trim()));

function cell(c: Cell, header = false): string {
  const t = c === null ? '–' : String(c);
  return header ? `<th>${escapeHtml(t)}</th>` : `<td${isNumeric(c) ? ' class="n"' : ''}>${escapeHtml(t)}</td>`;
}

export function tableHtml(t: Table): string {
  const head = `<thead><tr>${t.columns.map((c) => cell(c, true)).join('')}</tr></thead>`;
  const body = `<tbody>${t.rows.map((r) => `<tr>${r.map((c) => cell(c)).join('')}</tr>`).join('\n')}</tbody>`;
  const note = t.note ? `<p class="note">${escapeHtml(t.note)}</p>` : '';
  return `<div class="scroll"><table id="table-${slug(t.caption)}"><caption>${escapeHtml(t.caption)}</caption>${head}${body}</table></div>${note}`;
}

function blockHtml(b: Block, svgs: ReadonlyMap<string, string>): string {
  if (b.kind === 'text') return `<p>${escapeHtml(b.text)}</p>`;
  if (b.kind === 'table') return tableHtml(b.table);
  const svg = svgs.get(b.plot.name) ?? '<p>(plot missing)</p>';
  return `<figure class="plot" id="plot-${b.plot.name}" data-plot="${b.plot.name}">${svg}<figcaption><b>${escapeHtml(b.plot.name)}</b>: ${escapeHtml(b.plot.caption)} <a href="plots/${b.plot.name}.png">PNG</a> · <a href="plots/${b.plot.name}.svg">SVG</a></figcaption></figure>`;
}

/** JSON for people: indented, but arrays of numbers and strings on one line. */
export function compactJson(v: unknown): string {
  return (JSON.stringify(v, null, 2) ?? 'null').replace(/\[\s*([^[\]{}]*?)\s*\]/g, (_m, items: string) => `[${items.split(/,\s*/).join(', ')}]`);
}

/** The "Run" section: seed, versions, timings and the options the study ran with. */
function runHtml(r: Report, v: Versions): string {
  const timings: Table = { caption: 'Timings', columns: ['step', 'seconds'], rows: Object.entries(r.run.timingsSeconds).map(([k, s]) => [k, Number.isFinite(s) ? Number(s.toPrecision(4)) : null]) };
  const vers: Table = { caption: 'Versions (of the renderer)', columns: ['package', 'version'], rows: [['ansatz', v.ansatz], ['Node.js', v.node], ['vega', v.vega], ['vega-lite', v.vegaLite]] };
  return `<section id="run"><h2>Run</h2>${tableHtml(vers)}${timings.rows.length ? tableHtml(timings) : ''}`
    + `<h3>Configuration</h3><details open><summary>options (results.json)</summary><pre>${escapeHtml(compactJson(r.run.options))}</pre></details></section>`;
}

/**
 * The whole page. `svgs` maps plot names to their SVG text (from render.ts).
 * @returns HTML text (UTF-8).
 */
export function reportHtml(r: Report, svgs: ReadonlyMap<string, string>, v: Versions): string {
  const toc = r.sections.map((s) => `<li><a href="#${slug(s.title)}">${escapeHtml(s.title)}</a></li>`).join('') + '<li><a href="#run">Run</a></li>';
  const total = r.run.timingsSeconds.total ?? Object.values(r.run.timingsSeconds).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const facts = [['study', r.run.study], ['seed', r.run.seed === null ? '–' : String(r.run.seed)], ['ansatz', v.ansatz], ['Node.js', v.node], ['vega', v.vega], ['vega-lite', v.vegaLite], ['total time', `${total.toFixed(1)} s`]]
    .map(([k, val]) => `<span><b>${escapeHtml(k!)}</b> ${escapeHtml(val!)}</span>`).join('');
  const sections = r.sections.map((s) => `<section id="${slug(s.title)}"><h2>${escapeHtml(s.title)}</h2>${s.blocks.map((b) => blockHtml(b, svgs)).join('\n')}</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(r.title)}</h1>
<p class="summary">${escapeHtml(r.summary)}</p>
<div class="facts">${facts}</div>
<nav><ol>${toc}</ol></nav>
${sections}
${runHtml(r, v)}
</main>
</body>
</html>
`;
}
