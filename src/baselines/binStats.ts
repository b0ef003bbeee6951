/** Per-bin Σw and weighted means of z and y; bin[i] is sample i's bin (every sample in a bin). */
export function binCentroids(bin: Int32Array, z: Float64Array, y: Float64Array, w: Float64Array, nb: number) {
  const sw = new Float64Array(nb);
  const sz = new Float64Array(nb);
  const sy = new Float64Array(nb);
  bin.forEach((b, i) => {
    sw[b]! += w[i]!;
    sz[b]! += w[i]! * z[i]!;
    sy[b]! += w[i]! * y[i]!;
  });
  return { w: sw, z: sz.map((s, b) => s / sw[b]!), y: sy.map((s, b) => s / sw[b]!) };
}

/** Per-bin weighted population std of r. */
export function binStd(bin: Int32Array, r: Float64Array, w: Float64Array, nb: number): Float64Array {
  const sw = new Float64Array(nb);
  const sr = new Float64Array(nb);
  const srr = new Float64Array(nb);
  bin.forEach((b, i) => {
    sw[b]! += w[i]!;
    sr[b]! += w[i]! * r[i]!;
  });
  const mean = sr.map((s, b) => s / sw[b]!);
  bin.forEach((b, i) => {
    srr[b]! += w[i]! * (r[i]! - mean[b]!) ** 2;
  });
  return srr.map((s, b) => Math.sqrt(s / sw[b]!));
}

/** Weighted covariance Σw(a−ā)(b−b̄)/Σw. */
export function weightedCov(a: Float64Array, b: Float64Array, w: Float64Array): number {
  let sw = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    sw += w[i]!;
    sa += w[i]! * a[i]!;
    sb += w[i]! * b[i]!;
  }
  let c = 0;
  for (let i = 0; i < a.length; i++) c += w[i]! * (a[i]! - sa / sw) * (b[i]! - sb / sw);
  return c / sw;
}
