/*
 * Fused dense-layer kernels: y = act(x·w + b) forward; backward turns dy into the
 * pre-activation gradient, accumulates db and dw = xᵀ·dy, and writes dx = dy·wᵀ.
 */
#include "activations.h"

/* Floats of scratch that gemm_core needs for an output of n columns. */
EXPORT(scratch_floats)
int scratch_floats(int n) {
  int padded = (n + 7) & ~7;
  return padded + 8 + KC * padded;
}

/* y (rows×out) = act(x (rows×in) · w (in×out) + bias). */
EXPORT(dense_forward)
void dense_forward(const float *x, const float *w, const float *bias, float *y, int rows, int in,
                   int out, int act, float *scratch) {
  gemm_core(rows, out, in, x, 0, w, 0, y, INIT_BIAS, bias, act, scratch);
}

/* dy ← dy·act'(y) in place, db += Σ_rows dy (row by row, the order of the JS backend). */
static void activation_backward(const float *y, float *dy, float *db, int rows, int out, int act) {
  float tmp_y[4], tmp_dy[4];
  for (int r = 0; r < rows; r++) {
    const float *yr = y + (long)r * out;
    float *dyr = dy + (long)r * out;
    int j = 0;
    for (; j + 4 <= out; j += 4) {
      v128_t d = activation_backward4(wasm_v128_load(yr + j), wasm_v128_load(dyr + j), act);
      wasm_v128_store(dyr + j, d);
      wasm_v128_store(db + j, wasm_f32x4_add(wasm_v128_load(db + j), d));
    }
    if (j < out) {
      int width = out - j;
      for (int q = 0; q < 4; q++) {
        tmp_y[q] = q < width ? yr[j + q] : 0.0f;
        tmp_dy[q] = q < width ? dyr[j + q] : 0.0f;
      }
      wasm_v128_store(tmp_dy, activation_backward4(wasm_v128_load(tmp_y), wasm_v128_load(tmp_dy), act));
      for (int q = 0; q < width; q++) {
        dyr[j + q] = tmp_dy[q];
        db[j + q] += tmp_dy[q];
      }
    }
  }
}

/* See Kernels.denseBackward in src/engine/kernels.ts; dx == 0 means no input gradient. */
EXPORT(dense_backward)
void dense_backward(const float *x, const float *w, const float *y, float *dy, float *dw, float *db,
                    float *dx, int rows, int in, int out, int act, float *scratch) {
  activation_backward(y, dy, db, rows, out, act);
  gemm_core(in, out, rows, x, 1, dy, 0, dw, INIT_LOAD, 0, ACT_LINEAR, scratch);
  if (dx) gemm_core(rows, in, out, dy, 0, w, 1, dx, INIT_ZERO, 0, ACT_LINEAR, scratch);
}
