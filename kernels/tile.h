/*
 * The register tile behind gemm_core and the matrix–vector path for n = 1 (output layers), where
 * an 8-wide panel would waste 7/8 of the work.
 */
#ifndef ANSATZ_KERNELS_TILE_H
#define ANSATZ_KERNELS_TILE_H

#include "activations.h"

/* Adds the start value (init) to four outputs, applies act, stores them to c (width ≤ 4 valid). */
INLINE void finish4(v128_t v, float *c, int width, int init, v128_t bias, int act) {
  float tmp[4];
  if (init == INIT_BIAS) {
    v = wasm_f32x4_add(v, bias);
  } else if (init == INIT_LOAD) {
    if (width == 4) {
      v = wasm_f32x4_add(v, wasm_v128_load(c));
    } else {
      for (int j = 0; j < 4; j++) tmp[j] = j < width ? c[j] : 0.0f;
      v = wasm_f32x4_add(v, wasm_v128_load(tmp));
    }
  }
  v = activate4(v, act);
  if (width == 4) {
    wasm_v128_store(c, v);
  } else {
    wasm_v128_store(tmp, v);
    for (int j = 0; j < width; j++) c[j] = tmp[j];
  }
}

/*
 * c[0..MR)×[0..width) = init + Σ_p A(r, p)·B(p, 0..8), then act. A(r, p) = a[p·m + r] when TA,
 * a[r·k + p] otherwise; bp is one packed panel (kc rows of 8); c has row stride ldc.
 */
INLINE void tile(const int MR, const int TA, int kc, const float *a, int m, int k, const float *bp,
                 float *c, int ldc, int width, int init, const float *bias, int act) {
  v128_t acc[4][2];
  for (int r = 0; r < 4; r++) acc[r][0] = acc[r][1] = wasm_f32x4_splat(0.0f);
  if (TA) {
    for (int p = 0; p < kc; p++, a += m, bp += 8) {
      v128_t b0 = wasm_v128_load(bp), b1 = wasm_v128_load(bp + 4);
      for (int r = 0; r < MR; r++) {
        v128_t ar = wasm_v128_load32_splat(a + r);
        acc[r][0] = MADD(ar, b0, acc[r][0]);
        acc[r][1] = MADD(ar, b1, acc[r][1]);
      }
    }
  } else {
    for (int p = 0; p < kc; p++, bp += 8) {
      v128_t b0 = wasm_v128_load(bp), b1 = wasm_v128_load(bp + 4);
      for (int r = 0; r < MR; r++) {
        v128_t ar = wasm_v128_load32_splat(a + (long)r * k + p);
        acc[r][0] = MADD(ar, b0, acc[r][0]);
        acc[r][1] = MADD(ar, b1, acc[r][1]);
      }
    }
  }
  v128_t bias0 = wasm_v128_load(bias), bias1 = wasm_v128_load(bias + 4);
  for (int r = 0; r < MR; r++) {
    float *cr = c + (long)r * ldc;
    finish4(acc[r][0], cr, width < 4 ? width : 4, init, bias0, act);
    if (width > 4) finish4(acc[r][1], cr + 4, width - 4, init, bias1, act);
  }
}

/* c (m) = init + op(A)·b (k), then act: the n = 1 case of gemm_core. */
static void gemv_core(int m, int k, const float *a, int transA, const float *b, float *c, int init,
                      const float *bias, int act) {
  v128_t bias4 = wasm_f32x4_splat(init == INIT_BIAS ? bias[0] : 0.0f);
  if (transA) {
    int i = 0;
    for (; i < m; i += 4) {
      int width = m - i < 4 ? m - i : 4;
      v128_t acc = wasm_f32x4_splat(0.0f);
      const float *ap = a + i;
      if (width == 4) {
        for (int p = 0; p < k; p++, ap += m) acc = MADD(wasm_v128_load(ap), wasm_v128_load32_splat(b + p), acc);
      } else {
        float tmp[4] = {0.0f, 0.0f, 0.0f, 0.0f};
        for (int p = 0; p < k; p++, ap += m) {
          for (int j = 0; j < width; j++) tmp[j] = ap[j];
          acc = MADD(wasm_v128_load(tmp), wasm_v128_load32_splat(b + p), acc);
        }
      }
      finish4(acc, c + i, width, init, bias4, act);
    }
    return;
  }
  for (int i = 0; i < m; i += 4) {
    int width = m - i < 4 ? m - i : 4;
    /* Four rows at once for four independent accumulator chains; missing rows repeat row i. */
    const float *rows[4];
    for (int r = 0; r < 4; r++) rows[r] = a + (long)(i + (r < width ? r : 0)) * k;
    v128_t acc[4];
    for (int r = 0; r < 4; r++) acc[r] = wasm_f32x4_splat(0.0f);
    int p = 0;
    for (; p + 4 <= k; p += 4) {
      v128_t bv = wasm_v128_load(b + p);
      for (int r = 0; r < 4; r++) acc[r] = MADD(wasm_v128_load(rows[r] + p), bv, acc[r]);
    }
    float lanes[16], sums[4];
    for (int r = 0; r < 4; r++) wasm_v128_store(lanes + 4 * r, acc[r]);
    for (int r = 0; r < 4; r++) {
      float s = (lanes[4 * r] + lanes[4 * r + 1]) + (lanes[4 * r + 2] + lanes[4 * r + 3]);
      for (int q = p; q < k; q++) s += rows[r][q] * b[q];
      sums[r] = s;
    }
    finish4(wasm_v128_load(sums), c + i, width, init, bias4, act);
  }
}

#endif
