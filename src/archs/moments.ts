/**
 * Moment pooling (Gambhir, Osathapan, Thaler, "Moments of Clarity", part III): besides the
 * energy-weighted sum of Φ, the pooled latent carries the weighted sums of products
 * Φ_a Φ_b (a ≤ b), Φ_a Φ_b Φ_c (a ≤ b ≤ c), … up to order k, so a latent of size L carries
 * ~L^k features. This file enumerates those index tuples.
 */

/** All non-decreasing index tuples of lengths 1..order over 0..L−1, shortest first. */
export function momentTuples(latent: number, order: number): number[][] {
  const out: number[][] = [];
  const grow = (prefix: number[], start: number, length: number): void => {
    if (prefix.length === length) {
      out.push([...prefix]);
      return;
    }
    for (let a = start; a < latent; a++) {
      prefix.push(a);
      grow(prefix, a, length);
      prefix.pop();
    }
  };
  for (let m = 1; m <= order; m++) grow([], 0, m);
  return out;
}
