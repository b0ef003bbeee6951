/*
 * Vector activations and their derivatives expressed through the output y, four lanes at a time.
 * softplus(u) = max(u, 0) + log1p(exp(−|u|)); its derivative from y is 1 − e^(−y) = −expm1(−y).
 * exp/expm1 use Cephes-style range reduction x = n·ln2 + r, |r| ≤ ln2/2, with a degree-7 Taylor
 * polynomial for expm1(r) (truncation < 2e-8 relative); log1p(t) = 2·atanh(t / (2 + t)).
 */
#ifndef ANSATZ_KERNELS_ACTIVATIONS_H
#define ANSATZ_KERNELS_ACTIVATIONS_H

#include "common.h"

/* For x ≤ 0 (clamped below at −104, where e^x rounds to 0 in float32): *pm1 = expm1(r), *scale = 2^n. */
INLINE void exp_parts_nonpositive(v128_t x, v128_t *pm1, v128_t *scale) {
  x = wasm_f32x4_max(x, wasm_f32x4_splat(-104.0f));
  v128_t n = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504088896341f)));
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693359375f)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(-2.12194440e-4f)));
  v128_t q = wasm_f32x4_splat(1.0f / 5040.0f);
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 720.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 120.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 24.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 6.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(0.5f));
  *pm1 = wasm_f32x4_add(r, wasm_f32x4_mul(wasm_f32x4_mul(r, r), q));
  /* 2^n for n in [−150, 0] as a product of two normal powers of two (exact down to 2^−149). */
  v128_t ni = wasm_i32x4_trunc_sat_f32x4(n);
  v128_t n1 = wasm_i32x4_shr(ni, 1);
  v128_t n2 = wasm_i32x4_sub(ni, n1);
  v128_t bias = wasm_i32x4_splat(127);
  v128_t s1 = wasm_i32x4_shl(wasm_i32x4_add(n1, bias), 23);
  v128_t s2 = wasm_i32x4_shl(wasm_i32x4_add(n2, bias), 23);
  *scale = wasm_f32x4_mul(s1, s2);
}

/* e^x − 1 for x ≤ 0, accurate relative to the result also for tiny |x|. */
INLINE v128_t expm1_nonpositive(v128_t x) {
  v128_t p, s;
  exp_parts_nonpositive(x, &p, &s);
  return wasm_f32x4_add(wasm_f32x4_mul(p, s), wasm_f32x4_sub(s, wasm_f32x4_splat(1.0f)));
}

/* log(1 + t) for t in [0, 1], accurate relative to the result also for tiny t. */
INLINE v128_t log1p_unit(v128_t t) {
  v128_t s = wasm_f32x4_div(t, wasm_f32x4_add(t, wasm_f32x4_splat(2.0f)));
  v128_t s2 = wasm_f32x4_mul(s, s);
  v128_t q = wasm_f32x4_splat(1.0f / 15.0f);
  q = wasm_f32x4_add(wasm_f32x4_mul(q, s2), wasm_f32x4_splat(1.0f / 13.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, s2), wasm_f32x4_splat(1.0f / 11.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, s2), wasm_f32x4_splat(1.0f / 9.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, s2), wasm_f32x4_splat(1.0f / 7.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, s2), wasm_f32x4_splat(1.0f / 5.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, s2), wasm_f32x4_splat(1.0f / 3.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, s2), wasm_f32x4_splat(1.0f));
  return wasm_f32x4_mul(wasm_f32x4_add(s, s), q);
}

INLINE v128_t softplus4(v128_t u) {
  v128_t p, s;
  exp_parts_nonpositive(wasm_f32x4_neg(wasm_f32x4_abs(u)), &p, &s);
  v128_t e = wasm_f32x4_mul(wasm_f32x4_add(p, wasm_f32x4_splat(1.0f)), s);
  return wasm_f32x4_add(wasm_f32x4_max(u, wasm_f32x4_splat(0.0f)), log1p_unit(e));
}

/* act(u); relu and leakyRelu send NaN to 0 and NaN·slope like the JS backend (!(u > 0)). */
INLINE v128_t activate4(v128_t u, int act) {
  switch (act) {
    case ACT_RELU:
      return wasm_f32x4_pmax(wasm_f32x4_splat(0.0f), u);
    case ACT_LEAKY_RELU: {
      v128_t positive = wasm_f32x4_gt(u, wasm_f32x4_splat(0.0f));
      return wasm_v128_bitselect(u, wasm_f32x4_mul(u, wasm_f32x4_splat(LEAKY_SLOPE)), positive);
    }
    case ACT_SOFTPLUS:
      return softplus4(u);
    default:
      return u;
  }
}

/* dy · act'(u) with act' written through the output y. */
INLINE v128_t activation_backward4(v128_t y, v128_t dy, int act) {
  switch (act) {
    case ACT_RELU:
      return wasm_v128_and(dy, wasm_f32x4_gt(y, wasm_f32x4_splat(0.0f)));
    case ACT_LEAKY_RELU: {
      v128_t positive = wasm_f32x4_gt(y, wasm_f32x4_splat(0.0f));
      return wasm_v128_bitselect(dy, wasm_f32x4_mul(dy, wasm_f32x4_splat(LEAKY_SLOPE)), positive);
    }
    case ACT_SOFTPLUS:
      return wasm_f32x4_mul(dy, wasm_f32x4_neg(expm1_nonpositive(wasm_f32x4_neg(y))));
    default:
      return dy;
  }
}

#endif
