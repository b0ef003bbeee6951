/**
 * The published numbers of Gambhir & Nachman, "Calibrating two jets at once" (arXiv:2402.14067),
 * CMS 2011 open simulation, printed beside ours. Not used in any computation.
 */
export const PAPER = {
  /** Table I: leading-pT bin, Λ_e and Λ in GeV. */
  lambdaTable: [
    { ptLowGeV: 600, ptHighGeV: 700, lambdaExponentialGeV: 105.1, lambdaGaussianGeV: 117.6 },
    { ptLowGeV: 700, ptHighGeV: 800, lambdaExponentialGeV: 137.0, lambdaGaussianGeV: 153.9 },
    { ptLowGeV: 800, ptHighGeV: 900, lambdaExponentialGeV: 110.9, lambdaGaussianGeV: 124.3 },
    { ptLowGeV: 900, ptHighGeV: 1000, lambdaExponentialGeV: 131.2, lambdaGaussianGeV: 147.7 },
    { ptLowGeV: 600, ptHighGeV: 1000, lambdaExponentialGeV: 111.9, lambdaGaussianGeV: 125.8 },
  ],
  /** Relative resolution improvement 1 − σ'/σ per bin, both forms (Fig. 8). */
  relativeImprovement: [0.03, 0.05] as const,
  /** Quadrature improvement sqrt(σ² − σ'²)/σ (Eq. 24). */
  quadratureImprovement: 0.35,
  /** Fig. 9: standard deviation of the reconstructed pT at GEN pT ∈ [695, 705] GeV, before → after. */
  windowStdGeV: { before: 40.1, after: 37.5 },
} as const;
