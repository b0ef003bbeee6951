/**
 * Closed forms of the Gaussian example of arXiv:2205.05084 Sec. IV: truth z ~ N(μ, σ²) and
 * response x|z ~ N(z, ε²), so x ~ N(μ, σ² + ε²) (Eq. (29)). The paper's example: μ = 0, σ = 1, ε = 2.
 */

/** Parameters of the Gaussian example: prior mean μ and width σ, detector resolution ε. */
export interface GaussianExample {
  readonly mu: number;
  readonly sigma: number;
  readonly epsilon: number;
}

/** MSE calibration f_MSE(x) = E[z|x] = (ε²μ + σ²x)/(ε² + σ²) (Eq. (30)); slope σ²/(σ²+ε²). */
export function fMse(x: number, g: GaussianExample): number {
  const e2 = g.epsilon ** 2;
  const s2 = g.sigma ** 2;
  return (e2 * g.mu + s2 * x) / (e2 + s2);
}

/** Bias of the MSE calibration in bins of truth, b(z) = ε²/(σ²+ε²)·(μ − z) (Eq. (39)). */
export function biasMse(z: number, g: GaussianExample): number {
  const e2 = g.epsilon ** 2;
  return (e2 / (g.sigma ** 2 + e2)) * (g.mu - z);
}

/** Point resolution of the MSE calibration in bins of x, Σ_MSE(x) = εσ/sqrt(ε² + σ²) (Eq. (32)). */
export function resolutionMse(g: GaussianExample): number {
  return (g.epsilon * g.sigma) / Math.sqrt(g.epsilon ** 2 + g.sigma ** 2);
}

/** Resolution of the MSE calibration in bins of truth, Σ_MSE(z) = σ²ε/(ε² + σ²) (Eq. (40)). */
export function resolutionMseInZ(g: GaussianExample): number {
  const s2 = g.sigma ** 2;
  return (s2 * g.epsilon) / (g.epsilon ** 2 + s2);
}

/** Maximum-likelihood calibration f_MLC(x) = x (Eq. (31)): prior independent and unbiased (Eq. (13)). */
export function fMle(x: number): number {
  return x;
}

/** Resolution of the maximum-likelihood calibration, Σ = ε in bins of x or z (Eqs. (33), (41)). */
export function resolutionMle(g: GaussianExample): number {
  return g.epsilon;
}

/** Mutual information I(X;Z) = ½ ln(1 + σ²/ε²) in nats. */
export function mutualInformationNats(g: GaussianExample): number {
  return 0.5 * Math.log1p((g.sigma / g.epsilon) ** 2);
}

/** 1-D OT map between Gaussians A → B: h(x) = (x − μ_A)/σ_A · σ_B + μ_B (Eq. (42)). */
export function gaussianOtMap(x: number, a: { mu: number; sigma: number }, b: { mu: number; sigma: number }): number {
  return ((x - a.mu) / a.sigma) * b.sigma + b.mu;
}

/** Parameters of the data-based example: shared prior N(μ, σ²), resolutions ε_sim and ε_data. */
export interface GaussianOtExample {
  readonly mu: number;
  readonly sigma: number;
  readonly epsilonSim: number;
  readonly epsilonData: number;
}

/** α = sqrt(σ² + ε_data²)/sqrt(σ² + ε_sim²), the slope of the analytic OT map (Eq. (43)). */
export function otSlope(g: GaussianOtExample): number {
  return Math.sqrt(g.sigma ** 2 + g.epsilonData ** 2) / Math.sqrt(g.sigma ** 2 + g.epsilonSim ** 2);
}

/** The OT map sim → data for prior mean μ: h(x) = αx + μ(1 − α) (Eqs. (43)–(44)). */
export function otMap(x: number, g: GaussianOtExample): number {
  const alpha = otSlope(g);
  return alpha * x + g.mu * (1 - alpha);
}
