/** Small kinematics helpers on (pT, η, φ, m); angles in radians, momenta in GeV. */

const TWO_PI = 2 * Math.PI;

/** φ wrapped into [0, 2π). */
export function wrapPhi(phi: number): number {
  // Shortcuts for one turn either way, where φ % 2π (a library call) is φ, φ − 2π (exact by
  // Sterbenz's lemma) or φ itself again: the same numbers as the general line.
  if (phi >= 0) {
    if (phi < TWO_PI) return phi;
    if (phi < 2 * TWO_PI) return phi - TWO_PI;
  } else if (phi > -TWO_PI) return phi + TWO_PI;
  const w = phi % TWO_PI;
  return w < 0 ? w + TWO_PI : w;
}

/** Signed Δφ = φa − φb wrapped into [−π, π). */
export function deltaPhi(phiA: number, phiB: number): number {
  let d = (phiA - phiB) % TWO_PI;
  if (d >= Math.PI) d -= TWO_PI;
  else if (d < -Math.PI) d += TWO_PI;
  return d;
}

/** Rapidity y = ½ ln((E + pz)/(E − pz)) of a particle with transverse momentum pT, pseudorapidity η and mass m. */
export function rapidityFromEta(ptGeV: number, eta: number, massGeV: number): number {
  if (massGeV === 0) return eta;
  const pz = ptGeV * Math.sinh(eta);
  const mt = Math.sqrt(ptGeV * ptGeV + massGeV * massGeV);
  return Math.asinh(pz / mt);
}

/** Pseudorapidity η from rapidity y: pz = mT sinh y, η = asinh(pz / pT). */
export function etaFromRapidity(ptGeV: number, y: number, massGeV: number): number {
  if (massGeV === 0) return y;
  const mt = Math.sqrt(ptGeV * ptGeV + massGeV * massGeV);
  return Math.asinh((mt * Math.sinh(y)) / ptGeV);
}
