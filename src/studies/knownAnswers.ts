import { Rng } from '../engine/rng.js';
import type { Matrix } from '../ansatz/inputs.js';

/**
 * Problems whose maximum-likelihood answer is known exactly: the yardstick of the default
 * training recipe. Each draws (x, z) pairs from a prior and a likelihood p(x|z), and gives for
 * any x the exact maximum-likelihood estimate ẑ(x) = argmax_z p(x|z) and its observed-information
 * covariance Σ(x) = (−∂²/∂z² log p(x|z) at ẑ)⁻¹ — what the Gaussian Ansatz learns, independently
 * of the prior. The comparison is made on x points whose ẑ lies inside the bulk of the prior, where
 * the training sample holds enough z around it to learn the likelihood.
 */
export interface KnownAnswerProblem {
  name: string;
  /** One line: prior and likelihood. */
  description: string;
  xDim: number;
  zDim: number;
  sample(rows: number, rng: Rng): { x: Matrix; z: Matrix };
  /** Exact ẑ (rows × N) and Σ (rows × N × N) at the rows of x. */
  exact(x: Matrix): { zHat: Float64Array; covariance: Float64Array };
  /** The x points at which the learned answer is compared with the exact one. */
  grid: Matrix;
}

const column = (values: number[]): Matrix => ({ data: Float64Array.from(values), rows: values.length, cols: 1 });
const linspace = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

/** A one-dimensional problem x = draw(z), with ẑ and σ in closed form or by Newton's method. */
function oneDimensional(
  name: string,
  description: string,
  drawZ: (rng: Rng) => number,
  drawX: (z: number, rng: Rng) => number,
  exact: (x: number) => { zHat: number; sigma: number },
  grid: number[],
): KnownAnswerProblem {
  return {
    name,
    description,
    xDim: 1,
    zDim: 1,
    sample(rows, rng) {
      const x = new Float64Array(rows),
        z = new Float64Array(rows);
      for (let i = 0; i < rows; i++) {
        z[i] = drawZ(rng);
        x[i] = drawX(z[i]!, rng);
      }
      return { x: { data: x, rows, cols: 1 }, z: { data: z, rows, cols: 1 } };
    },
    exact(x) {
      const zHat = new Float64Array(x.rows),
        covariance = new Float64Array(x.rows);
      for (let r = 0; r < x.rows; r++) {
        const e = exact(x.data[r]!);
        zHat[r] = e.zHat;
        covariance[r] = e.sigma * e.sigma;
      }
      return { zHat, covariance };
    },
    grid: column(grid),
  };
}

/** The papers' Gaussian example: z ~ N(0, 1), x|z ~ N(z, 2²); ẑ = x, σ = 2. */
export const gaussianExample: KnownAnswerProblem = oneDimensional(
  'gaussian', 'z ~ N(0, 1), x|z ~ N(z, 2²): ẑ = x, σ = 2',
  (rng) => rng.normal(), (z, rng) => z + 2 * rng.normal(), (x) => ({ zHat: x, sigma: 2 }), linspace(-2, 2, 9));

/** Resolution of the heteroscedastic problem, s(z) = 0.2 + 0.1 z: from 0.2 at z = 0 to 1.2 at z = 10. */
const heteroscedasticSigma = (z: number): number => 0.2 + 0.1 * z;

/**
 * The maximum of log p(x|z) = −log s(z) − (x − z)²/(2 s(z)²) with s(z) = a + b z, and its
 * observed information, by Newton's method from z = x (the log-likelihood is concave there).
 */
export function heteroscedasticMle(x: number, a = 0.2, b = 0.1): { zHat: number; sigma: number } {
  // With u = x − z, s = a + b z: f' = −b/s + u/s² + b u²/s³; f'' = b²/s² − 1/s² − 4 b u/s³ − 3 b²
  // u²/s⁴.
  const derivatives = (z: number): [number, number] => {
    const s = a + b * z, u = x - z;
    return [
      -b / s + u / (s * s) + (b * u * u) / (s * s * s),
      (b * b) / (s * s) - 1 / (s * s) - (4 * b * u) / (s * s * s) - (3 * b * b * u * u) / (s * s * s * s),
    ];
  };
  let z = x;
  for (let i = 0; i < 100; i++) {
    const [g, h] = derivatives(z);
    const step = h < 0 ? -g / h : 0.1 * Math.sign(g);
    z += step;
    if (Math.abs(step) < 1e-12 * (1 + Math.abs(z))) break;
  }
  return { zHat: z, sigma: 1 / Math.sqrt(-derivatives(z)[1]) };
}

/** Heteroscedastic Gaussian noise on a flat prior: z ~ U(0, 10), x|z ~ N(z, (0.2 + 0.1 z)²). */
export const heteroscedastic: KnownAnswerProblem = oneDimensional(
  'heteroscedastic',
  'z ~ U(0, 10), x|z ~ N(z, (0.2 + 0.1 z)²): ẑ and σ by Newton on the exact likelihood',
  (rng) => rng.uniformIn(0, 10),
  (z, rng) => z + heteroscedasticSigma(z) * rng.normal(),
  (x) => heteroscedasticMle(x),
  linspace(2, 8, 13),
);

/** One Gaussian likelihood, x|z ~ N(z, 1), under a falling prior: z ~ Exp(mean 2). */
export const fallingPrior: KnownAnswerProblem = oneDimensional(
  'falling-prior', 'z ~ Exp(mean 2), x|z ~ N(z, 1): ẑ = x, σ = 1',
  (rng) => rng.exponential(2), (z, rng) => z + rng.normal(), (x) => ({ zHat: x, sigma: 1 }), linspace(1.5, 5, 8));

/** The same likelihood, x|z ~ N(z, 1), under a flat prior: z ~ U(0, 10). */
export const flatPrior: KnownAnswerProblem = oneDimensional(
  'flat-prior', 'z ~ U(0, 10), x|z ~ N(z, 1): ẑ = x, σ = 1',
  (rng) => rng.uniformIn(0, 10), (z, rng) => z + rng.normal(), (x) => ({ zHat: x, sigma: 1 }), linspace(1.5, 5, 8));

/**
 * A log-normal response, x = z·e^{sε} (log x ~ N(log z, s²), s = 0.2) on z ~ U(1, 10): a likelihood
 * skewed in z. log p(x|z) = −(log x − log z)²/(2s²) + const: ẑ = x, and −∂²/∂z² at ẑ = 1/(s x)²,
 * so σ = s·x.
 */
export const logNormal: KnownAnswerProblem = oneDimensional(
  'log-normal',
  'z ~ U(1, 10), log x|z ~ N(log z, 0.2²): ẑ = x, σ = 0.2 x',
  (rng) => rng.uniformIn(1, 10),
  (z, rng) => z * Math.exp(0.2 * rng.normal()),
  (x) => ({ zHat: x, sigma: 0.2 * x }),
  linspace(2.5, 7, 10),
);

/**
 * Counts: x ~ Poisson(z) on z ~ U(5, 50). log p(x|z) = x log z − z + const: ẑ = x, and
 * −∂²/∂z² at ẑ = x/ẑ² = 1/x, so σ = √x.
 */
export const poissonCounts: KnownAnswerProblem = oneDimensional(
  'poisson',
  'z ~ U(5, 50), x|z ~ Poisson(z): ẑ = x, σ = √x',
  (rng) => rng.uniformIn(5, 50),
  (z, rng) => rng.poisson(z),
  (x) => ({ zHat: x, sigma: Math.sqrt(x) }),
  linspace(15, 40, 6),
);

/** Noise of the two-dimensional problem: σ₁ = 0.5, σ₂ = 0.8, correlation 0.6. */
const NOISE_2D = { s1: 0.5, s2: 0.8, rho: 0.6 };

/** z ∈ R² with correlated Gaussian noise: z ~ N(0, I₂), x = z + ε, ε ~ N(0, Σ); ẑ = x, Σ̂ = Σ. */
export const correlated2d: KnownAnswerProblem = {
  name: 'correlated-2d', description: 'z ~ N(0, I₂), x|z ~ N(z, Σ), σ = (0.5, 0.8), ρ = 0.6: ẑ = x, Σ̂ = Σ',
  xDim: 2, zDim: 2,
  sample(rows, rng) {
    const { s1, s2, rho } = NOISE_2D;
    const x = new Float64Array(2 * rows), z = new Float64Array(2 * rows);
    for (let i = 0; i < rows; i++) {
      const z1 = rng.normal(),
        z2 = rng.normal(),
        e1 = rng.normal(),
        e2 = rho * e1 + Math.sqrt(1 - rho * rho) * rng.normal();
      z[2 * i] = z1;
      z[2 * i + 1] = z2;
      x[2 * i] = z1 + s1 * e1;
      x[2 * i + 1] = z2 + s2 * e2;
    }
    return { x: { data: x, rows, cols: 2 }, z: { data: z, rows, cols: 2 } };
  },
  exact(x) {
    const { s1, s2, rho } = NOISE_2D;
    const covariance = new Float64Array(4 * x.rows);
    for (let r = 0; r < x.rows; r++) covariance.set([s1 * s1, rho * s1 * s2, rho * s1 * s2, s2 * s2], 4 * r);
    return { zHat: Float64Array.from(x.data), covariance };
  },
  // a 5 × 5 grid over [−1, 1]²: inside the prior's bulk in both components
  grid: (() => {
    const pts = linspace(-1, 1, 5), data: number[] = [];
    for (const a of pts) for (const b of pts) data.push(a, b);
    return { data: Float64Array.from(data), rows: pts.length * pts.length, cols: 2 };
  })(),
};

export const KNOWN_ANSWER_PROBLEMS: readonly KnownAnswerProblem[] = [
  gaussianExample,
  heteroscedastic,
  fallingPrior,
  flatPrior,
  correlated2d,
  logNormal,
  poissonCounts,
];

/** How far a learned ẑ, Σ̂ are from the exact answer on a problem's grid. */
export interface KnownAnswerScore {
  /** max over grid points and components of |ẑ − ẑ_exact| / σ_exact. */
  worstBiasSigma: number;
  /** max over grid points and components of |σ̂/σ_exact − 1|. */
  worstSigmaError: number;
  /** max over grid points of |ρ̂ − ρ| (N ≥ 2; 0 in one dimension). */
  worstCorrelationError: number;
}

/** Scores learned ẑ (rows × N) and Σ̂ (rows × N × N) at the grid against the exact answer. */
export function scoreAgainstExact(
  problem: KnownAnswerProblem,
  zHat: ArrayLike<number>,
  covariance: ArrayLike<number>,
): KnownAnswerScore {
  const exact = problem.exact(problem.grid);
  const n = problem.zDim,
    rows = problem.grid.rows;
  let bias = 0,
    sigma = 0,
    corr = 0;
  for (let r = 0; r < rows; r++) {
    const c = r * n * n;
    for (let i = 0; i < n; i++) {
      const sExact = Math.sqrt(exact.covariance[c + i * n + i]!),
        sHat = Math.sqrt(covariance[c + i * n + i]!);
      bias = Math.max(bias, Math.abs(zHat[r * n + i]! - exact.zHat[r * n + i]!) / sExact);
      sigma = Math.max(sigma, Math.abs(sHat / sExact - 1));
      for (let j = 0; j < i; j++) {
        const rhoHat = covariance[c + i * n + j]! / (sHat * Math.sqrt(covariance[c + j * n + j]!));
        const rhoExact = exact.covariance[c + i * n + j]! / (sExact * Math.sqrt(exact.covariance[c + j * n + j]!));
        corr = Math.max(corr, Math.abs(rhoHat - rhoExact));
      }
    }
  }
  return { worstBiasSigma: bias, worstSigmaError: sigma, worstCorrelationError: corr };
}

/**
 * The largest |ẑ_a − ẑ_b| / σ over the grid: how far two trainings' estimates are apart (prior
 * independence).
 */
export function worstGapSigma(problem: KnownAnswerProblem, zHatA: ArrayLike<number>, zHatB: ArrayLike<number>): number {
  const exact = problem.exact(problem.grid), n = problem.zDim;
  let gap = 0;
  for (let r = 0; r < problem.grid.rows; r++)
    for (let i = 0; i < n; i++)
      gap = Math.max(
        gap,
        Math.abs(zHatA[r * n + i]! - zHatB[r * n + i]!) / Math.sqrt(exact.covariance[r * n * n + i * n + i]!),
      );
  return gap;
}
