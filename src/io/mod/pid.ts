/**
 * Particle ID → one small number per particle for PFN-PID, in the spirit of EnergyFlow's
 * `pids2floats`: each PDG code of the MOD files gets its own value in [0, 1.3], charge
 * conjugates adjacent. Unknown codes map to 1.5.
 */
const PID_FLOATS = new Map<number, number>([
  [22, 0.0], [211, 0.1], [-211, 0.2], [321, 0.3], [-321, 0.4], [130, 0.5], [2112, 0.6], [-2112, 0.7],
  [2212, 0.8], [-2212, 0.9], [11, 1.0], [-11, 1.1], [13, 1.2], [-13, 1.3],
]);

export function pidToFloat(pdg: number): number {
  return PID_FLOATS.get(pdg) ?? 1.5;
}
