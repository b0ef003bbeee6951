import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import {
  type LogDensityConstraint, boostedResolutionScan, correlateNumerically, gaussianDifferenceConstraint, maximizeLikelihood,
  productConstraint, sumConstraints,
} from '../../src/dijets/index.js';

/** Central finite differences of a scalar function: gradient and Hessian (step h per coordinate). */
function finiteDifferences(f: (z: Float64Array) => number, z: Float64Array, h: number) {
  const n = z.length, grad = new Float64Array(n), hess = new Float64Array(n * n);
  const at = (da: number, ea: number, db: number, eb: number) => {
    const y = Float64Array.from(z);
    y[da]! += ea;
    y[db]! += eb;
    return f(y);
  };
  for (let a = 0; a < n; a++) {
    grad[a] = (at(a, h, a, 0) - at(a, -h, a, 0)) / (2 * h);
    for (let b = 0; b < n; b++) {
      hess[a * n + b] = (at(a, h, b, h) - at(a, h, b, -h) - at(a, -h, b, h) + at(a, -h, b, -h)) / (4 * h * h);
    }
  }
  return { grad, hess };
}

function checkDerivatives(c: LogDensityConstraint, z: Float64Array, h: number, tol: number): void {
  const n = z.length, g = new Float64Array(n), H = new Float64Array(n * n);
  c.gradient(z, g);
  c.hessian(z, H);
  const fd = finiteDifferences((y) => c.value(y), z, h);
  const scale = Math.max(1e-300, ...Array.from(H, Math.abs));
  for (let a = 0; a < n; a++) expect(Math.abs(g[a]! - fd.grad[a]!)).toBeLessThan(tol * Math.max(1, Math.abs(g[a]!)));
  for (let a = 0; a < n * n; a++) expect(Math.abs(H[a]! - fd.hess[a]!) / scale).toBeLessThan(tol);
}

describe('constraints', () => {
  it('productConstraint(0, 2, mu, lambdaMu) gradient and Hessian match finite differences of its value', () => {
    const rng = new Rng(31);
    for (let k = 0; k < 20; k++) {
      const z = Float64Array.of(rng.uniformIn(400, 900), rng.uniformIn(400, 900), rng.uniformIn(400, 900));
      checkDerivatives(productConstraint(0, 2, rng.uniformIn(2e5, 6e5), rng.uniformIn(1e4, 1e5)), z, 1e-2, 1e-5);
    }
  });

  it('sumConstraints of two gaussianDifferenceConstraint matches finite differences of its value', () => {
    const c = sumConstraints([gaussianDifferenceConstraint(0, 1, 3), gaussianDifferenceConstraint(2, 1, 5)], 3);
    checkDerivatives(c, Float64Array.of(1, 4, -2), 1e-3, 1e-6);
  });

  it('productConstraint(1, 1, ...) throws a RangeError', () => {
    expect(() => productConstraint(1, 1, 1, 1)).toThrow(RangeError);
  });
});

describe('maximizeLikelihood with the product constraint', () => {
  it('maximizeLikelihood(zhat, sigma, productConstraint) is a stationary point with covariance = −(finite-difference Hessian)⁻¹', () => {
    const rng = new Rng(32);
    for (let k = 0; k < 30; k++) {
      const zhat = Float64Array.of(rng.uniformIn(500, 900), rng.uniformIn(500, 900));
      const sigma = Float64Array.of(rng.uniformIn(20, 60), rng.uniformIn(20, 60));
      const mu = rng.uniformIn(0.7, 1.3) * zhat[0]! * zhat[1]!;
      const c = productConstraint(0, 1, mu, rng.uniformIn(0.01, 0.3) * mu);
      const r = maximizeLikelihood(zhat, sigma, c);
      expect(r.converged).toBe(true);
      const f = (z: Float64Array) => -0.5 * (((z[0]! - zhat[0]!) / sigma[0]!) ** 2 + ((z[1]! - zhat[1]!) / sigma[1]!) ** 2) + c.value(z);
      const fd = finiteDifferences(f, r.z, 1e-2);
      // Stationary: the numerical gradient is at the level of its own truncation/rounding error.
      expect(Math.abs(fd.grad[0]!) * sigma[0]!).toBeLessThan(1e-6);
      expect(Math.abs(fd.grad[1]!) * sigma[1]!).toBeLessThan(1e-6);
      // Σ'·(−H_fd) = I to the finite-difference accuracy.
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const s = -(r.covariance[i * 2]! * fd.hess[j]! + r.covariance[i * 2 + 1]! * fd.hess[2 + j]!);
          expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-4);
        }
      }
    }
  });

  it('maximizeLikelihood from a start where the Hessian is indefinite still converges to the maximum', () => {
    // At z = (0.3, 0.2): ∂²f/∂z1∂z2 = −w·z1z2 − w(z1z2 − μ) = 8800 while the diagonal is (−500, −1000),
    // so −H is not positive definite and the damped step is exercised. (Newton finds a local
    // maximum: a start near (−1, −1) would end on the other branch of z1z2 = μ.)
    const zhat = Float64Array.of(1, 1), sigma = Float64Array.of(0.1, 0.1);
    const c = productConstraint(0, 1, 1, 0.01);
    const near = maximizeLikelihood(zhat, sigma, c);
    const far = maximizeLikelihood(zhat, sigma, c, { start: Float64Array.of(0.3, 0.2) });
    expect(far.converged).toBe(true);
    expect(far.z[0]).toBeCloseTo(near.z[0]!, 9);
    expect(far.z[1]).toBeCloseTo(near.z[1]!, 9);
  });

  it('boostedResolutionScan at x1 = x2 = √μ and μ/Λ_μ = 1e4 gives σ1\'/σ1 = 1/√2', () => {
    // At ẑ = (1, 1) the optimum is ẑ itself (z1z2 = μ), so Σ' = (D + w·11ᵀ)⁻¹ → σ²(I − 11ᵀ/2) as w = 1/Λ_μ² → ∞.
    const scan = boostedResolutionScan({ x1OverRootMu: Float64Array.of(1), muOverLambdaMu: Float64Array.of(1e4) });
    expect(scan.converged[0]).toBe(1);
    expect(scan.resolutionRatio[0]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('correlateNumerically throws a RangeError on columns of different lengths', () => {
    const a = Float64Array.of(1, 2), b = Float64Array.of(1);
    expect(() => correlateNumerically([a, b], [a, a], gaussianDifferenceConstraint(0, 1, 1))).toThrow(/object 1 has 1 estimates/);
  });
});
