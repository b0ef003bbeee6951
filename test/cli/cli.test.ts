import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Rng } from '../../src/engine/rng.js';
import { readMod } from '../../src/io/mod/index.js';
import { modDifference } from '../helpers/modData.js';

/** Runs the built CLI (npm test compiles to dist/ first), as a user would. */
const bin = resolve(__dirname, '../../bin/ansatz.js');
function ansatz(...args: string[]) {
  return ansatzWithEnv({}, ...args);
}
function ansatzWithEnv(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ansatz-cli-'));
  const rng = new Rng(4);
  let text = 'x,z,w\n';
  for (let i = 0; i < 3000; i++) {
    const z = rng.normal();
    text += `${z + 0.5 * rng.normal()},${z},${0.5 + rng.uniform()}\n`;
  }
  csv('good.csv', text);
});

describe('ansatz train / predict / evaluate', () => {
  it('ansatz train, predict and evaluate --json run end to end', () => {
    const model = join(dir, 'model');
    const t = ansatz('train', '--data', join(dir, 'good.csv'), '--x', 'x', '--z', 'z', '--weight', 'w', '--epochs', '2', '--lr', '1e-3', '--batch-size', '256', '--quiet', '--out', model);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(readdirSync(model).sort()).toEqual(['manifest.json', 'weights.bin']);
    const out = join(dir, 'pred.parquet');
    expect(ansatz('predict', '--model', model, '--data', join(dir, 'good.csv'), '--out', out, '--quiet').code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const e = ansatz('evaluate', '--model', model, '--data', join(dir, 'good.csv'), '--json');
    expect(e.code).toBe(0);
    const record = JSON.parse(e.stdout.trim());
    expect(record.rows).toBe(3000);
    expect(Number.isFinite(record.mutual_information_nats)).toBe(true);
    expect(record.dv_loss).toBeCloseTo(-record.mutual_information_nats, 12);
    expect(typeof record.self_check.passed).toBe('boolean');
    expect(record.self_check.checks.length).toBeGreaterThan(5);
    for (const c of record.self_check.checks) expect(Object.keys(c).sort()).toEqual(['expected', 'name', 'passed', 'value']);
    expect(record.self_check.passed).toBe(record.self_check.checks.every((c: { passed: boolean }) => c.passed));
  });

  it('ansatz train says which kernels ran, and why not the native ones when they are off', () => {
    const out = join(dir, 'model-no-native');
    const r = ansatzWithEnv({ ANSATZ_NATIVE: '0' }, 'train', '--data', join(dir, 'good.csv'), '--x', 'x', '--z', 'z', '--epochs', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/kernels wasm-simd(-fma)? \(native kernels: disabled by ANSATZ_NATIVE=0\)/);
  });

  it('ansatz predict writes <z>_hat and <z>_sigma beside every input column', () => {
    const model = join(dir, 'model');
    const out = join(dir, 'pred.csv');
    expect(ansatz('predict', '--model', model, '--data', join(dir, 'good.csv'), '--out', out, '--quiet').code).toBe(0);
    const header = readFileSync(out, 'utf8').split('\n')[0];
    expect(header).toBe('x,z,w,z_hat,z_sigma');
  });
});

describe('ansatz train rejects bad input with a clear error, a non-zero exit and no output', () => {
  const cases: [string, string, string[], RegExp][] = [
    ['a missing column', 'x,z\n1,2\n3,4\n', ['--z', 'nope'], /column 'nope'/i],
    ['a non-numeric cell', 'x,z\n1,2\n3,abc\n5,6\n', [], /abc.*column 'z'.*row 2|row 2.*column 'z'/i],
    ['a NaN cell', 'x,z\n1,2\nNaN,4\n5,6\n', [], /column 'x'.*row 2/i],
    ['an Inf cell', 'x,z\n1,2\n3,Infinity\n5,6\n', [], /column 'z'.*row 2/i],
    ['an empty file', '', [], /empty|no header|no rows/i],
    ['a z column with zero variance', 'x,z\n1,2\n3,2\n5,2\n', [], /zero variance.*column 'z'|column 'z'.*zero variance/i],
    ['a column in both --x and --z', 'x,z\n1,2\n3,4\n5,6\n', ['--z', 'x'], /column 'x' is in both --x and --z/],
    ['a column named twice', 'x,z\n1,2\n3,4\n5,6\n', ['--x', 'x,x'], /--x names column 'x' twice/],
  ];
  for (const [what, content, extra, message] of cases) {
    it(`ansatz train with ${what}`, () => {
      const data = csv(`${what.replace(/\W+/g, '_')}.csv`, content);
      const out = join(dir, `out_${what.replace(/\W+/g, '_')}`);
      const r = ansatz('train', '--data', data, '--x', 'x', '--z', 'z', ...extra, '--epochs', '1', '--out', out);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(data);
      expect(r.stderr).not.toMatch(/\n\s+at /); // an expected error prints no stack
      expect(existsSync(out)).toBe(false);
    });
  }

  it('ansatz train with a parameter out of range names it, what is allowed and what came in', () => {
    const out = join(dir, 'out_lr');
    const r = ansatz('train', '--data', join(dir, 'good.csv'), '--x', 'x', '--z', 'z', '--lr', '-1', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The 'learningRate' parameter of GaussianAnsatz must be a number > 0. Got -1 instead.");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('ansatz train --backend native is accepted (and runs where the addon is built)', () => {
    const out = join(dir, 'out_native');
    const r = ansatz('train', '--data', join(dir, 'good.csv'), '--x', 'x', '--z', 'z', '--backend', 'native', '--epochs', '1', '--out', out);
    expect(r.stderr).not.toMatch(/must be|invalid option/);
    if (r.code === 0) expect(r.stderr).toMatch(/kernels native/);
    else expect(r.stderr).toMatch(/native/i);
  });

  it('ansatz train with an unknown flag', () => {
    const out = join(dir, 'out_flag');
    const r = ansatz('train', '--data', join(dir, 'good.csv'), '--x', 'x', '--z', 'z', '--epochz', '3', '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown option '--epochz'/);
    expect(existsSync(out)).toBe(false);
  });

  it('ansatz predict with a model directory that does not exist', () => {
    const out = join(dir, 'never.csv');
    const r = ansatz('predict', '--model', join(dir, 'nowhere'), '--data', join(dir, 'good.csv'), '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/manifest\.json is missing/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('ansatz simulate → train → predict on a MOD file', () => {
  it('simulates a MOD file, trains a PFN-PID on its particles and writes ẑ, σ̂ for its selected jets', () => {
    const mod = join(dir, 'sim.h5');
    const s = ansatz('simulate', '--events', '600', '--spectrum', 'flat', '--pt-range', '450,1100', '--seed', '3', '--out', mod, '--json');
    expect(s.code).toBe(0);
    const done = JSON.parse(s.stdout.trim().split('\n').at(-1)!);
    expect(done).toMatchObject({ event: 'done', out: mod, events: 600 });
    expect(done.jets).toBeGreaterThan(1100); // two jets per event, a few events with fewer
    const model = join(dir, 'pfn-pid');
    const t = ansatz('train', '--data', mod, '--x', 'particles', '--pid', '--z', 'gen_jet_pt', '--arch', 'pfn-pid', '--phi', '8,8', '--f', '8,8', '--epochs', '1', '--batch-size', '128', '--lr', '1e-3', '--quiet', '--out', model);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    const out = join(dir, 'sim-pred.csv');
    expect(ansatz('predict', '--model', model, '--data', mod, '--out', out, '--quiet').code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['jet_pt', 'gen_jet_pt', 'gen_jet_pt_hat', 'gen_jet_pt_sigma']));
    // The default selection keeps jets at GEN pT 500–1000 GeV: fewer rows than jets, every one in range.
    const gen = header.indexOf('gen_jet_pt'), hat = header.indexOf('gen_jet_pt_hat');
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThan(done.jets);
    for (const r of rows) {
      expect(r[gen]!).toBeGreaterThanOrEqual(500);
      expect(r[gen]!).toBeLessThanOrEqual(1000);
      expect(Number.isFinite(r[hat]!)).toBe(true);
    }
  });
});

describe('ansatz simulate --threads', () => {
  it('writes the same datasets in the main thread (0) and on 2 worker threads, and names a bad --threads', async () => {
    const files = ['0', '2'].map((threads) => {
      const out = join(dir, `sim-threads-${threads}.h5`);
      const r = ansatz('simulate', '--events', '2100', '--seed', '8', '--threads', threads, '--out', out, '--quiet');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return out;
    });
    const [inMain, onWorkers] = await Promise.all(files.map((f) => readMod(f)));
    expect(modDifference(onWorkers!, inMain!)).toBe('');
    const bad = ansatz('simulate', '--events', '10', '--threads', 'two', '--out', join(dir, 'never.h5'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--threads/);
    expect(existsSync(join(dir, 'never.h5'))).toBe(false);
  });
});

describe('ansatz simulate interrupted', () => {
  it('exits with 130 on SIGINT and leaves neither the output nor its temporary file', async () => {
    const sub = mkdtempSync(join(dir, 'interrupt-'));
    const child = spawn(process.execPath, [bin, 'simulate', '--events', '1000000', '--out', join(sub, 'big.h5'), '--quiet']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait for the temporary file to be written to (the run takes minutes), then interrupt.
    const deadline = Date.now() + 60_000;
    while (!readdirSync(sub).some((f) => f.endsWith('.tmp')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(sub).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted \(SIGINT\)/);
    expect(readdirSync(sub)).toEqual([]);
  });
});

describe('ansatz demo', () => {
  it('ansatz demo --help offers the quick JEC study with --out and the Gaussian example with --gaussian', () => {
    const r = ansatz('demo', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/jet energy calibration/i);
    expect(r.stdout).toContain('--out <dir>');
    expect(r.stdout).toContain('--gaussian');
  });

  it('ansatz demo --gaussian --json runs the papers\' Gaussian example: ẑ ≈ x and σ̂ ≈ 2', () => {
    const r = ansatz('demo', '--gaussian', '--json');
    expect(r.code).toBe(0);
    const done = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((e) => e.event === 'done');
    expect(done).toBeDefined();
    for (const row of done.rows) {
      expect(Math.abs(row.zHat - row.zHatAnalytic)).toBeLessThan(0.5);
      expect(Math.abs(row.sigma - row.sigmaAnalytic)).toBeLessThan(0.5);
    }
  });
});
