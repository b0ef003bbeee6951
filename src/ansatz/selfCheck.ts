import type { EpochReport } from '../train/fit.js';
import { cholesky, type Prediction } from './inference.js';

/**
 * The self-check of a trained Gaussian Ansatz on labelled rows: does ẑ, Σ̂ behave as a
 * maximum-likelihood estimate with its resolution should? For a calibrated model the pulls
 * (ẑ − z)/σ̂ have mean 0 and width 1, ±1σ̂ holds 68.3 % of the truths, ±2σ̂ 95.4 %, and the
 * Σ̂-ellipsoid of credibility level q holds a fraction q of them (the expected-coverage curve).
 * These hold conditionally on the truth z, whatever the prior, so the binned checks bin in z;
 * binned in ẑ they would not (a bin of ẑ near the edge of a falling spectrum holds truths pulled
 * toward its bulk, a shift of the posterior that a correct estimate must not follow).
 *
 * Every check has a tolerance: three standard errors of the statistic on the rows at hand (so the
 * tolerance shrinks with more data) plus a fixed allowance for what the method itself gets within
 * on the known-answer problems (src/studies/knownAnswers.ts): ẑ within 0.15σ, σ̂ within 12 %.
 */
export interface SelfCheckItem {
  name: string;
  value: number;
  /** The allowed range, in words ("|value| ≤ 0.17"). */
  expected: string;
  passed: boolean;
}

export interface SelfCheck {
  passed: boolean;
  rows: number;
  checks: SelfCheckItem[];
  /** The expected-coverage curve: credibility level, fraction of truths inside Σ̂'s ellipsoid at it. */
  coverageCurve: { level: number; observed: number }[];
  /** What failed, with what to try, in sentences (empty when everything passed). */
  advice: string[];
}

/**
 * Allowances of the method on top of the statistical error (see the interface comment). The step
 * from B to the maximum of T is taken by one Newton step, exact for a T quadratic in z; on the
 * skewed likelihood of a 20 %-wide log-normal response a step of 0.5σ̂ lands 0.08σ from the
 * maximum (0.03σ for 0.3σ̂), so D may move ẑ by up to half a resolution.
 */
export const SELF_CHECK_ALLOWANCE = {
  pullMean: 0.15,
  pullWidth: 0.12,
  coverage1: 0.05,
  coverage2: 0.025,
  curve: 0.05,
  newtonStepSigma: 0.5,
} as const;
/** Standard errors that a statistic may stray before it fails. */
const STANDARD_ERRORS = 3;
export const COVERAGE_LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];
const ONE_SIGMA = 0.682689492137086, TWO_SIGMA = 0.954499736103642;

export interface SelfCheckInputs {
  prediction: Prediction;
  /** The truths, rows × N. */
  z: ArrayLike<number>;
  zNames: string[];
  weights?: ArrayLike<number>;
  /**
   * rows × N: ẑ − B, the step from B to the maximum of T (omitted: not checked, as where C does not
   * see z and the step is exact).
   */
  newtonStep?: ArrayLike<number>;
  /** The training history and how its stages ended, for the plateau check (omitted: not checked). */
  history?: EpochReport[];
  stageEnds?: ('plateau' | 'epochs')[];
  minImprovement?: number;
  /** Quantile bins of each z column for the binned checks (0: none). */
  bins?: number;
}

/** Runs every check on the rows given. */
export function selfCheck(inp: SelfCheckInputs): SelfCheck {
  const { prediction: p, z } = inp;
  const n = p.zDim, rows = p.rows;
  const w = inp.weights ?? new Float64Array(rows).fill(1);
  const checks: SelfCheckItem[] = [];
  const all = Int32Array.from({ length: rows }, (_, i) => i);
  for (let c = 0; c < n; c++) {
    const name = inp.zNames[c] ?? `z${c}`;
    checks.push(...pullChecks(p, z, w, all, c, name));
    const bins = inp.bins ?? 5;
    if (bins > 1)
      for (const bin of quantileBins(z, n, c, w, bins))
        checks.push(...pullChecks(p, z, w, bin.rows, c, `${name} ∈ [${fmt(bin.lo)}, ${fmt(bin.hi)}]`));
  }
  const curve = coverageCurve(p, z, w);
  const nEff = effectiveCount(w, all);
  const curveWorst = Math.max(
    ...curve.map(
      (pt) => Math.abs(pt.observed - pt.level) - STANDARD_ERRORS * Math.sqrt((pt.level * (1 - pt.level)) / nEff),
    ),
  );
  checks.push({
    name: 'expected coverage (Σ̂ ellipsoids, levels 0.1–0.99): worst |observed − level| beyond its standard ' +
      'error',
    value: Math.max(0, curveWorst),
    expected: `≤ ${SELF_CHECK_ALLOWANCE.curve}`,
    passed: curveWorst <= SELF_CHECK_ALLOWANCE.curve,
  });
  if (inp.newtonStep) {
    const step = rmsStepInSigma(p, inp.newtonStep, w);
    checks.push({
      name: 'size of D: RMS step from B to the maximum of T, in σ̂',
      value: step,
      expected: `≤ ${SELF_CHECK_ALLOWANCE.newtonStepSigma}`,
      passed: step <= SELF_CHECK_ALLOWANCE.newtonStepSigma,
    });
  }
  if (inp.history) checks.push(plateauCheck(inp.history, inp.stageEnds ?? [], inp.minImprovement ?? 1e-4));
  const passed = checks.every((c) => c.passed);
  return { passed, rows, checks, coverageCurve: curve, advice: passed ? [] : adviceFor(checks) };
}

function pullChecks(
  p: Prediction,
  z: ArrayLike<number>,
  w: ArrayLike<number>,
  rows: ArrayLike<number>,
  c: number,
  label: string,
): SelfCheckItem[] {
  const n = p.zDim;
  let sw = 0,
    s = 0,
    s2 = 0,
    in1 = 0,
    in2 = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!,
      wr = w[r]!;
    const pull = (p.zHat[r * n + c]! - z[r * n + c]!) / p.sigma[r * n + c]!;
    sw += wr;
    s += wr * pull;
    s2 += wr * pull * pull;
    if (Math.abs(pull) <= 1) in1 += wr;
    if (Math.abs(pull) <= 2) in2 += wr;
  }
  if (!(sw > 0)) return [];
  const mean = s / sw,
    width = Math.sqrt(Math.max(0, s2 / sw - mean * mean)),
    nEff = effectiveCount(w, rows);
  // Standard errors for unit-normal pulls: 1/√n for the mean, 1/√(2n) for the width, binomial for the coverages.
  const tolMean = SELF_CHECK_ALLOWANCE.pullMean + STANDARD_ERRORS / Math.sqrt(nEff);
  const tolWidth = SELF_CHECK_ALLOWANCE.pullWidth + STANDARD_ERRORS / Math.sqrt(2 * nEff);
  const tol1 = SELF_CHECK_ALLOWANCE.coverage1 + STANDARD_ERRORS * Math.sqrt((ONE_SIGMA * (1 - ONE_SIGMA)) / nEff);
  const tol2 = SELF_CHECK_ALLOWANCE.coverage2 + STANDARD_ERRORS * Math.sqrt((TWO_SIGMA * (1 - TWO_SIGMA)) / nEff);
  const c1 = in1 / sw,
    c2 = in2 / sw;
  return [
    {
      name: `pull mean, ${label}`,
      value: mean,
      expected: `|value| ≤ ${fmt(tolMean)}`,
      passed: Math.abs(mean) <= tolMean,
    },
    {
      name: `pull width, ${label}`,
      value: width,
      expected: `${fmt(1 - tolWidth)} – ${fmt(1 + tolWidth)}`,
      passed: Math.abs(width - 1) <= tolWidth,
    },
    {
      name: `±1σ̂ coverage, ${label}`,
      value: c1,
      expected: `${fmt(ONE_SIGMA - tol1)} – ${fmt(ONE_SIGMA + tol1)}`,
      passed: Math.abs(c1 - ONE_SIGMA) <= tol1,
    },
    {
      name: `±2σ̂ coverage, ${label}`,
      value: c2,
      expected: `${fmt(TWO_SIGMA - tol2)} – ${fmt(Math.min(1, TWO_SIGMA + tol2))}`,
      passed: Math.abs(c2 - TWO_SIGMA) <= tol2,
    },
  ];
}

/** Kish's effective number of rows, (Σw)²/Σw². */
function effectiveCount(w: ArrayLike<number>, rows: ArrayLike<number>): number {
  let s = 0, s2 = 0;
  for (let k = 0; k < rows.length; k++) {
    const v = w[rows[k]!]!;
    s += v;
    s2 += v * v;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** Rows split into `bins` weighted-quantile bins of z column c. */
export function quantileBins(
  z: ArrayLike<number>,
  n: number,
  c: number,
  w: ArrayLike<number>,
  bins: number,
): { lo: number; hi: number; rows: Int32Array }[] {
  const rows = z.length / n;
  const order = Int32Array.from({ length: rows }, (_, i) => i).sort((a, b) => z[a * n + c]! - z[b * n + c]!);
  let total = 0;
  for (let r = 0; r < rows; r++) total += w[r]!;
  const out: { lo: number; hi: number; rows: Int32Array }[] = [];
  let start = 0,
    acc = 0;
  for (let b = 1; b <= bins; b++) {
    let end = start;
    const target = (total * b) / bins;
    while (end < rows && (b === bins || acc + w[order[end]!]! <= target)) acc += w[order[end++]!]!;
    if (end > start)
      out.push({ lo: z[order[start]! * n + c]!, hi: z[order[end - 1]! * n + c]!, rows: order.slice(start, end) });
    start = end;
  }
  return out;
}

/**
 * The expected-coverage curve of a Gaussian posterior: for each level q, the weighted fraction of
 * rows whose truth lies inside the ellipsoid (z − ẑ)ᵀ Σ̂⁻¹ (z − ẑ) ≤ χ²_N(q).
 */
export function coverageCurve(
  p: Prediction,
  z: ArrayLike<number>,
  w: ArrayLike<number>,
  levels: readonly number[] = COVERAGE_LEVELS,
): { level: number; observed: number }[] {
  const n = p.zDim,
    d2 = mahalanobisSquared(p.covariance, n, p.rows, z, p.zHat);
  const thresholds = levels.map((q) => chiSquaredQuantile(q, n));
  const inside = new Float64Array(levels.length);
  let sw = 0;
  for (let r = 0; r < p.rows; r++) {
    sw += w[r]!;
    for (let k = 0; k < levels.length; k++) if (d2[r]! <= thresholds[k]!) inside[k] += w[r]!;
  }
  return levels.map((level, k) => ({ level, observed: inside[k]! / sw }));
}

/**
 * dᵀ Σ̂⁻¹ d per row with d = u − v (rows × N each), by a Cholesky solve (Σ̂ is positive-definite by
 * construction).
 */
function mahalanobisSquared(
  covariance: Float64Array,
  n: number,
  rows: number,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(rows),
    l = new Float64Array(n * n),
    y = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    if (!cholesky(covariance.subarray(r * n * n, (r + 1) * n * n), n, l))
      throw new RangeError(`mahalanobisSquared: Σ̂ of row ${r} is not positive-definite`);
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      let s = u[r * n + i]! - v[r * n + i]!;
      for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
      y[i] = s / l[i * n + i]!;
      d2 += y[i]! * y[i]!;
    }
    out[r] = d2;
  }
  return out;
}

/**
 * RMS over rows of √(Δᵀ Σ̂⁻¹ Δ), Δ = ẑ − B: how far D moves the maximum of T from B, in units of σ̂.
 */
function rmsStepInSigma(p: Prediction, step: ArrayLike<number>, w: ArrayLike<number>): number {
  const d2 = mahalanobisSquared(p.covariance, p.zDim, p.rows, step, new Float64Array(p.rows * p.zDim));
  let s = 0, sw = 0;
  for (let r = 0; r < p.rows; r++) {
    s += w[r]! * d2[r]!;
    sw += w[r]!;
  }
  return Math.sqrt(s / sw);
}

/**
 * Whether the validation loss had stopped improving: yes when the last stage ended on its plateau;
 * otherwise the drop of its best validation loss over the last epochs must be within a few
 * `minImprovement`s (a training cut short by --epochs is still improving).
 */
function plateauCheck(
  history: EpochReport[],
  stageEnds: ('plateau' | 'epochs')[],
  minImprovement: number,
): SelfCheckItem {
  const train = history.filter((h) => h.phase === 'train');
  const name = 'validation loss at its plateau: drop of the best loss over the last 5 epochs of the last stage (nats)';
  const allowed = 5 * Math.max(minImprovement, 1e-5);
  if (train.length === 0) return { name, value: NaN, expected: `≤ ${allowed}`, passed: false };
  const lastStage = train[train.length - 1]!.stage;
  const stage = train.filter((h) => h.stage === lastStage).map((h) => h.valLoss);
  const best = (k: number): number => Math.min(...stage.slice(0, k));
  // Fewer than 3 epochs in the last stage: too few to tell a plateau from a slow start.
  const k = Math.min(5, stage.length - 1);
  const drop = stage.length >= 3 ? best(stage.length - k) - best(stage.length) : NaN;
  const onPlateau = stageEnds[stageEnds.length - 1] === 'plateau';
  return {
    name,
    value: drop,
    expected: onPlateau ? 'the last stage ended on its plateau' : `≤ ${allowed}`,
    passed: onPlateau || drop <= allowed,
  };
}

/** What to try, for each kind of failed check. */
function adviceFor(checks: SelfCheckItem[]): string[] {
  const failed = checks.filter((c) => !c.passed).map((c) => c.name);
  const out: string[] = [];
  if (failed.some((n) => n.startsWith('validation loss')))
    out.push(
      'The validation loss was still falling when training stopped: raise --epochs (it is a maximum; ' +
        'training stops by itself on a plateau).',
    );
  if (failed.some((n) => n.startsWith('size of D')))
    out.push('D is far from 0, so B is not yet the maximum of T: train longer, or raise --d-penalty.');
  if (failed.some((n) => n.startsWith('pull width') || n.startsWith('±') || n.startsWith('expected coverage')))
    out.push(
      'σ̂ does not match the spread of ẑ − z: if this data comes from the training detector, train ' +
        'longer or on more rows; if from another detector, the model does not describe it. A likelihood ' +
        'with tails beyond a Gaussian core also gives pull widths above 1 (σ̂ is the curvature at the ' +
        'maximum): cUsesZ: false fits one Gaussian over its bulk instead.',
    );
  if (failed.some((n) => n.startsWith('pull mean')))
    out.push(
      'ẑ is biased against the truth: in a bin at an edge of the truths seen in training (the end of ' +
        'the spectrum, or a selection cut on z) this is expected (the likelihood is not known beyond ' +
        'it); elsewhere train longer or on more rows.',
    );
  return out;
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toPrecision(4) : v.toFixed(3);
}

/**
 * The q-quantile of the χ² distribution with k degrees of freedom (bisection on the regularised lower
 * gamma function).
 */
export function chiSquaredQuantile(q: number, k: number): number {
  let lo = 0, hi = Math.max(10, 10 * k);
  while (regularizedLowerGamma(k / 2, hi / 2) < q) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (regularizedLowerGamma(k / 2, mid / 2) < q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** P(a, x) = γ(a, x)/Γ(a): the series for x < a + 1, the continued fraction (Lentz) beyond. */
export function regularizedLowerGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a, sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > 1e-16 * Math.abs(sum); n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * Math.exp(logPrefix);
  }
  let b = x + 1 - a, c = 1e300, d = 1 / b, h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm = x - 1;
  let a = g[0]!;
  const t = xm + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (xm + i);
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(a);
}
