import { describe, expect, it } from 'vitest';
import { MAX_NEWTON_STEP, newtonStep } from '../../src/ansatz/replica.js';
import { softplus } from '../../src/engine/softplus.js';
import { precisionFromRaw } from '../../src/ansatz/quadratic.js';

describe('newtonStep (the argmax estimate ẑ = B + P⁻¹D)', () => {
  it('takes the full step up to MAX_NEWTON_STEP and shortens a longer one to that length (1-D)', () => {
    expect(MAX_NEWTON_STEP).toBe(10);
    const cRaw = Float32Array.of(0.5, 0.5, -30); // c = −30 leaves P ≈ ε, as far outside the training data
    const p = softplus(0.5) ** 2 + 1e-6;
    const d = Float32Array.of(3 * p, -9.5 * p, 0.01); // steps of 3, −9.5 and 0.01/ε = 10⁴
    const z = newtonStep(Float32Array.of(1, 2, 3), d, cRaw, 3, 1, 1e-6);
    expect(z[0]).toBeCloseTo(4, 5);
    expect(z[1]).toBeCloseTo(-7.5, 5);
    expect(z[2]).toBeCloseTo(3 + MAX_NEWTON_STEP, 4);
  });

  it('solves P⁻¹D through the full precision and shortens it along its direction for a 2-D z', () => {
    const raw = [1, 0.3, 0.5], p = precisionFromRaw(raw, 0, 2, 1e-6, new Float64Array(4));
    const det = p[0]! * p[3]! - p[1]! * p[2]!;
    const solve = (d: number[]): number[] => [(p[3]! * d[0]! - p[1]! * d[1]!) / det, (p[0]! * d[1]! - p[2]! * d[0]!) / det];
    const small = [0.4, -0.9], large = [40, -90];
    const z = newtonStep(Float32Array.of(1, 2, 1, 2), Float32Array.from([...small, ...large]), Float32Array.from([...raw, ...raw]), 2, 2, 1e-6);
    const s = solve(small);
    expect(z[0]).toBeCloseTo(1 + s[0]!, 5);
    expect(z[1]).toBeCloseTo(2 + s[1]!, 5);
    const l = solve(large), length = Math.hypot(l[0]!, l[1]!);
    expect(length).toBeGreaterThan(MAX_NEWTON_STEP);
    expect(z[2]).toBeCloseTo(1 + (l[0]! * MAX_NEWTON_STEP) / length, 4);
    expect(z[3]).toBeCloseTo(2 + (l[1]! * MAX_NEWTON_STEP) / length, 4);
  });
});
