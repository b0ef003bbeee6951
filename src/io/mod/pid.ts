/**
 * PDG particle ID → one small float per particle, the PFN-PID input feature. The table is
 * EnergyFlow's `pid2float` map (`energyflow.utils.remap_pids`, used by arXiv:1810.05165 and the
 * Gaussian Ansatz letter arXiv:2205.03413): each PDG code of the MOD files gets its own value in
 * [0, 1.3] with charge conjugates adjacent:
 *
 *   γ 22 → 0.0;  π± ±211 → 0.1/0.2;  K± ±321 → 0.3/0.4;  K⁰_L 130 → 0.5;  n/n̄ ±2112 → 0.6/0.7;
 *   p/p̄ ±2212 → 0.8/0.9;  e∓ ±11 → 1.0/1.1;  μ∓ ±13 → 1.2/1.3.
 *
 * Any other code (e.g. a GEN-level hyperon) maps to PID_OTHER = 1.5, where EnergyFlow would
 * raise; clouds here are never zero-padded, so γ = 0 is not confused with padding.
 */
const PID_FLOATS = new Map<number, number>([
  [22, 0.0], [211, 0.1], [-211, 0.2], [321, 0.3], [-321, 0.4], [130, 0.5], [2112, 0.6], [-2112, 0.7],
  [2212, 0.8], [-2212, 0.9], [11, 1.0], [-11, 1.1], [13, 1.2], [-13, 1.3],
]);

/** The PID feature of PDG codes outside the table. */
export const PID_OTHER = 1.5;

/** The PID feature of one PDG code (see the table above); PID_OTHER for unknown codes. */
export function pidToFloat(pdg: number): number {
  return PID_FLOATS.get(pdg) ?? PID_OTHER;
}
