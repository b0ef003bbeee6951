// The peer's benchmark data and initial weights (../shared/peer/gen_data.py, float32 .bin files +
// manifest.json in $PEER_DATA), or, where the peer cannot run, data of the same shapes and
// distributions generated here (then the comparison with the peer is not made).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEER_DATA = process.env.PEER_DATA ?? '/tmp/ansatz-peer-data';

const f32 = (name) => {
  const b = readFileSync(join(PEER_DATA, name));
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

/** True when gen_data.py's files are there. */
export function havePeerData() {
  return existsSync(join(PEER_DATA, 'manifest.json'));
}

/** DNN case: x (N×3), z (N×1), the flat initial weights of A, B, C, D (3→64→64→64→1, C 4→…). */
export function loadDnn() {
  const m = JSON.parse(readFileSync(join(PEER_DATA, 'manifest.json'), 'utf8')).dnn;
  return { n: m.N, x: f32('dnn_x.bin'), z: f32('dnn_z.bin'), params: f32('dnn_params.bin'), source: PEER_DATA };
}

/**
 * PFN case, with the padding dropped: particles of jet r are its first mult_r rows (the mask is
 * a prefix), packed one jet after the other. Weights per net: Φ (3→50→50→64) then F.
 */
export function loadPfn() {
  const m = JSON.parse(readFileSync(join(PEER_DATA, 'manifest.json'), 'utf8')).pfn;
  const { N: n, P: p, F: f } = m;
  const padded = f32('pfn_x.bin'), mask = f32('pfn_mask.bin');
  const offsets = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    let k = 0;
    while (k < p && mask[r * p + k] > 0) k++;
    offsets[r + 1] = offsets[r] + k;
  }
  const particles = new Float32Array(offsets[n] * f);
  for (let r = 0; r < n; r++) particles.set(padded.subarray(r * p * f, (r * p + offsets[r + 1] - offsets[r]) * f), offsets[r] * f);
  return { n, particles, offsets, dim: f, z: f32('pfn_z.bin'), params: f32('pfn_params.bin'), meanMultiplicity: m.mean_mult, source: PEER_DATA };
}

/** A seeded normal generator (Box–Muller over a 32-bit LCG) for the fallback data. */
function normals(seed) {
  let s = seed >>> 0;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** gen_data.py's DNN distributions, generated here: x ~ N(0, I₃), z = x₀ + x₁/2 − 0.3x₂² + (0.3 + 0.2|x₀|)·N(0,1). */
export function generateDnn(n = 100_000) {
  const g = normals(1), x = new Float32Array(n * 3), z = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < 3; k++) x[3 * r + k] = g();
    const [a, b, c] = x.subarray(3 * r, 3 * r + 3);
    z[r] = a + 0.5 * b - 0.3 * c * c + (0.3 + 0.2 * Math.abs(a)) * g();
  }
  return { n, x, z, params: undefined, source: 'generated (peer data missing)' };
}

/** gen_data.py's PFN distributions: 10–150 particles per jet, |N(0,1)|, N(0,1), N(0,1) features. */
export function generatePfn(n = 20_000) {
  const g = normals(2), offsets = new Int32Array(n + 1), mult = new Int32Array(n);
  let state = 7;
  for (let r = 0; r < n; r++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    mult[r] = 10 + (state % 141);
    offsets[r + 1] = offsets[r] + mult[r];
  }
  const particles = new Float32Array(offsets[n] * 3), z = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    let s0 = 0, s1 = 0;
    for (let k = offsets[r]; k < offsets[r + 1]; k++) {
      particles[3 * k] = Math.abs(g());
      particles[3 * k + 1] = g();
      particles[3 * k + 2] = g();
      s0 += particles[3 * k];
      s1 += particles[3 * k + 1];
    }
    z[r] = 0.02 * s0 + (0.1 * s1) / Math.sqrt(mult[r]) + 0.2 * g();
  }
  return { n, particles, offsets, dim: 3, z, params: undefined, meanMultiplicity: offsets[n] / n, source: 'generated (peer data missing)' };
}
