import { describe, expect, it } from 'vitest';
import { MAX_NEWTON_STEP_SIGMAS, newtonStep } from '../../src/ansatz/replica.js';
import { softplus } from '../../src/engine/softplus.js';
import { precisionFromRaw } from '../../src/ansatz/quadratic.js';

describe('newtonStep (the argmax estimate ẑ = B + P⁻¹D)', () => {
  it('takes the step when it is shorter than MAX_NEWTON_STEP_SIGMAS σ̂ and keeps ẑ = B when it is longer (1-D)', () => {
    expect(MAX_NEWTON_STEP_SIGMAS).toBe(1);
    const cRaw = Float32Array.of(2, 2, -30); // P = softplus(c)² + ε; c = −30 leaves P ≈ ε, as far outside the training data
    const precision = (c: number): number => softplus(c) ** 2 + 1e-6;
    const d = Float32Array.of(0.1 * Math.sqrt(precision(2)), 3 * Math.sqrt(precision(2)), 0.01); // steps of 0.1σ̂, 3σ̂ and 10σ̂
    const b = Float32Array.of(1, 2, 3);
    const z = newtonStep(b, d, cRaw, 3, 1, 1e-6);
    expect(z[0]).toBeCloseTo(1 + d[0]! / precision(2), 6);
    expect(z[1]).toBe(2);
    expect(z[2]).toBe(3);
  });

  it('measures the step in the Mahalanobis norm √(DᵀP⁻¹D) for a 2-D z', () => {
    const raw = [1, 0.3, 0.5], p = precisionFromRaw(raw, 0, 2, 1e-6, new Float64Array(4));
    const det = p[0]! * p[3]! - p[1]! * p[2]!, inv = [p[3]! / det, -p[1]! / det, -p[2]! / det, p[0]! / det];
    const solve = (d: number[]): number[] => [inv[0]! * d[0]! + inv[1]! * d[1]!, inv[2]! * d[0]! + inv[3]! * d[1]!];
    const length = (d: number[]): number => Math.sqrt(solve(d)[0]! * d[0]! + solve(d)[1]! * d[1]!);
    const u = [0.4, -0.9], scaled = (sigmas: number): number[] => u.map((v) => (v * sigmas) / length(u));
    const d = Float32Array.from([...scaled(0.7), ...scaled(1.2)]);
    const z = newtonStep(Float32Array.of(1, 2, 1, 2), d, Float32Array.from([...raw, ...raw]), 2, 2, 1e-6);
    const step = solve(Array.from(d.subarray(0, 2)));
    expect(z[0]).toBeCloseTo(1 + step[0]!, 5);
    expect(z[1]).toBeCloseTo(2 + step[1]!, 5);
    expect(Array.from(z.subarray(2))).toEqual([1, 2]);
  });
});
