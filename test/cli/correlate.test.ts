import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Rng } from '../../src/engine/rng.js';
import { readTable } from '../../src/io/index.js';

const bin = resolve(__dirname, '../../bin/ansatz.js');
const ansatz = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('ansatz correlate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansatz-corr-'));
  const rng = new Rng(9);
  let text = 'pt1,pt2,pt1_hat,pt2_hat,s1,s2\n';
  for (let i = 0; i < 20000; i++) {
    const a = 700 + 100 * rng.normal(), b = a + 120 * rng.normal();
    text += `${a},${b},${a + 35 * rng.normal()},${b + 35 * rng.normal()},35,35\n`;
  }
  const data = join(dir, 'events.csv');
  writeFileSync(data, text);

  it('ansatz correlate --fit-lambda fits Λ ≈ 120 and writes corrected columns with the Gaussian closed form', () => {
    const out = join(dir, 'out.parquet');
    const r = ansatz('correlate', '--data', data, '--zhat', 'pt1_hat,pt2_hat', '--sigma', 's1,s2', '--fit-lambda', data, '--truth', 'pt1,pt2', '--out', out);
    expect(r.status).toBe(0);
    // Λ fitted on 2·10⁴ events: relative error ≈ 1/√(2n) ≈ 0.5 %; allow 3 %
    const lambda = Number(/Λ = ([\d.]+)/.exec(r.stderr)![1]);
    expect(Math.abs(lambda / 120 - 1)).toBeLessThan(0.03);
    const t = readTable(out);
    expect(t.names.slice(-5)).toEqual(['pt1_hat_corr', 'pt2_hat_corr', 's1_corr', 's2_corr', 'cov_corr']);
    // σ'² = σ²(1 − σ²/S²), S² = Λ² + 2σ²
    const s2 = lambda * lambda + 2 * 35 * 35;
    expect(t.columns.s1_corr![0]).toBeCloseTo(35 * Math.sqrt(1 - (35 * 35) / s2), 3); // Λ read back with 3 decimals
    // the correction shrinks the residual spread
    let before = 0, after = 0;
    for (let r2 = 0; r2 < t.rows; r2++) {
      before += (t.columns.pt1_hat![r2]! - t.columns.pt1![r2]!) ** 2;
      after += (t.columns.pt1_hat_corr![r2]! - t.columns.pt1![r2]!) ** 2;
    }
    expect(after).toBeLessThan(before);
  });

  it('ansatz correlate with a missing column names file and column and writes nothing', () => {
    const out = join(dir, 'never.csv');
    const r = ansatz('correlate', '--data', data, '--zhat', 'pt1_hat,nope', '--sigma', 's1,s2', '--lambda', '100', '--out', out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`file ${data}, column 'nope'`);
    expect(existsSync(out)).toBe(false);
  });
});
