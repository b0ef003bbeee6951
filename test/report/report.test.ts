import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, detectStudy, InputError, readResults, renderReport, reportPlots, reportTables, type Report } from '../../src/index.js';
import { runDijetsStudy, writeDijetsResults } from '../../src/studies/dijets/index.js';
import { jecFixture, writeJecFixtureDir, writePriorsFixtureDir } from './fixtures.js';
import { inkFraction, pngInfo } from './png.js';

const root = resolve(__dirname, '../..');
let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ansatz-report-'));
});

/** Runs `ansatz ARGS…` from the TypeScript sources (tsx), as the built binary would. */
function ansatz(...args: string[]) {
  const script = `const { main } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))}); await main(['node', 'ansatz', ...${JSON.stringify(args)}]);`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Checks every promise of a written report: HTML self-contained with every table and plot, PNG/SVG copies that decode. */
function checkWritten(dir: string, report: Report, written: { html: string; plots: string[] }): string {
  const html = readFileSync(written.html, 'utf8');
  expect(written.html).toBe(join(dir, 'report.html'));
  expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  expect(html).not.toMatch(/<script|<link|@import|url\(\s*["']?https?:/i);
  for (const t of reportTables(report)) expect(html).toContain(`<caption>${t.caption.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</caption>`);
  const plots = reportPlots(report);
  expect(written.plots).toEqual(plots.map((p) => join(dir, 'plots', `${p.name}.png`)));
  expect(html.match(/<figure class="plot"[^>]*><svg /g)?.length).toBe(plots.length);
  for (const p of plots) {
    const png = readFileSync(join(dir, 'plots', `${p.name}.png`));
    const svg = readFileSync(join(dir, 'plots', `${p.name}.svg`), 'utf8');
    const w = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(pngInfo(png).width).toBe(2 * w);
    expect(inkFraction(png)).toBeGreaterThan(0.01);
    expect(html).toContain(`data-plot="${p.name}"`);
  }
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.includes('.old'))).toEqual([]);
  return html;
}

describe('renderReport(dir) for the JEC study', () => {
  it('renderReport(dir) writes a self-contained report.html with every table and plot, and PNG/SVG copies that decode', async () => {
    const dir = writeJecFixtureDir(join(tmp, 'jec'));
    const report = buildReport(readResults(dir));
    const written = await renderReport(dir);
    const html = checkWritten(dir, report, written);
    expect(reportPlots(report).map((p) => p.name)).toEqual(['jec-sigma-window', 'jec-pulls', 'jec-closure', 'jec-resolution', 'jec-sigma-over-pt', 'jec-mi-per-bin', 'jec-training-loss', 'jec-training-mi']);
    for (const letter of ['698 ± 37.7', '30.8 ± 3.6', '1.32']) expect(html).toContain(letter);
    for (const fact of ['Node.js', process.version, 'vega-lite', 'Timings', 'train PFN-PID', '&quot;seed&quot;: 7']) expect(html).toContain(fact);
    expect(html).toContain('DejaVu Sans');
  });

  it('renderReport(dir) renders the same HTML twice (deterministic, replaces the old report)', async () => {
    const dir = join(tmp, 'jec');
    const first = readFileSync(join(dir, 'report.html'), 'utf8');
    await renderReport(dir);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(first);
  });

  it('jecReport(results) labels axes with units and skips the pulls when results.json has none', () => {
    const { pullsInWindow: _p, ...old } = jecFixture();
    const report = buildReport({ ...old });
    const names = reportPlots(report).map((p) => p.name);
    expect(names).not.toContain('jec-pulls');
    const closure = JSON.stringify(reportPlots(report).find((p) => p.name === 'jec-closure')!.spec);
    expect(closure).toContain('GEN pT [GeV]');
    expect(detectStudy({ ...old })).toBe('jec');
  });
});

describe('renderReport(dir) for the priors and dijets studies', () => {
  it('renderReport(dir) renders the priors study, m_jj spectra on a log scale', async () => {
    const dir = writePriorsFixtureDir(join(tmp, 'priors'));
    const report = buildReport(readResults(dir));
    checkWritten(dir, report, await renderReport(dir));
    const spectrum = reportPlots(report).find((p) => p.name === 'priors-ot-mjj-qcd')!;
    expect(JSON.stringify(spectrum.spec)).toContain('"type":"log"');
    expect(JSON.stringify(spectrum.spec)).toContain('reco m_jj [GeV]');
    expect(reportPlots(report).length).toBe(12);
  });

  it('renderReport(dir) renders the dijets study (run without its training)', async () => {
    const dir = join(tmp, 'dijets');
    writeDijetsResults(dir, await runDijetsStudy({ quick: true, trainEvents: 0, events: 3000, bootstrap: 5, seed: 2 }));
    expect(readResults(dir).study).toBe('dijets');
    const report = buildReport(readResults(dir));
    checkWritten(dir, report, await renderReport(dir));
    expect(reportTables(report).map((t) => t.caption)).toContain('Table I: asymmetry widths Λ_e (exponential) and Λ (Gaussian) per leading-pT bin');
  });
});

describe('errors', () => {
  it('renderReport(dir) throws InputError for a missing directory, a missing results.json and an unknown study', async () => {
    await expect(renderReport(join(tmp, 'nowhere'))).rejects.toThrow(InputError);
    mkdirSync(join(tmp, 'empty'), { recursive: true });
    await expect(renderReport(join(tmp, 'empty'))).rejects.toThrow(/No results.json/);
    mkdirSync(join(tmp, 'odd'), { recursive: true });
    writeFileSync(join(tmp, 'odd', 'results.json'), JSON.stringify({ study: 'tea' }));
    await expect(renderReport(join(tmp, 'odd'))).rejects.toThrow(/Unknown study "tea". Should be one of: jec, priors, dijets/);
    expect(existsSync(join(tmp, 'odd', 'report.html'))).toBe(false);
  });
});

describe('ansatz report DIR', () => {
  it('ansatz report DIR re-renders report.html and plots/ from results.json and prints the path', () => {
    const dir = writeJecFixtureDir(join(tmp, 'cli'));
    rmSync(join(dir, 'plots'), { recursive: true, force: true });
    const r = ansatz('report', dir);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'report.html'));
    expect(existsSync(join(dir, 'plots', 'jec-closure.png'))).toBe(true);
  });

  it('ansatz study dijets --out DIR writes report.html beside results.json and prints its path (no training: --train-events 0)', () => {
    const dir = join(tmp, 'cli-study');
    const r = ansatz('study', 'dijets', '--quick', '--train-events', '0', '--events', '3000', '--json', '--out', dir);
    expect(r.code).toBe(0);
    const done = JSON.parse(r.stdout.trim().split('\n').pop()!) as { report: string };
    expect(done.report).toBe(join(dir, 'report.html'));
    expect(readFileSync(done.report, 'utf8')).toContain('Calibrating two jets at once');
    expect(existsSync(join(dir, 'plots', 'dijets-toy-fig2.png'))).toBe(true);
  });

  it('ansatz report DIR exits 1 with a clear message when results.json is missing', () => {
    mkdirSync(join(tmp, 'cli-empty'), { recursive: true });
    const r = ansatz('report', join(tmp, 'cli-empty'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ansatz: error: No results.json in .*cli-empty/);
    expect(r.stderr).toMatch(/hint: Run `ansatz study/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    const missing = ansatz('report', join(tmp, 'cli-nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
  });
});
