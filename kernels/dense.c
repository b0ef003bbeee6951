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
  gemm_core(rows, out, in, x, 0, w, 0, y, INIT_BIAS, bias, act, scratch, 0);
}

/* See Kernels.denseBackward in src/engine/kernels.ts; dx == 0 means no input gradient. */
EXPORT(dense_backward)
void dense_backward(const float *x, const float *w, const float *y, float *dy, float *dw, float *db,
                    float *dx, int rows, int in, int out, int act, float *scratch) {
  if (out == 1 || rows == 0) {
    activation_backward(y, dy, db, rows, out, act);
    gemm_core(in, out, rows, x, 1, dy, 0, dw, INIT_LOAD, 0, ACT_LINEAR, scratch, 0);
  } else {
    DyFusion fusion = {y, db, act};
    gemm_core(in, out, rows, x, 1, dy, 0, dw, INIT_LOAD, 0, ACT_LINEAR, scratch, &fusion);
  }
  if (dx) gemm_core(rows, in, out, dy, 0, w, 1, dx, INIT_ZERO, 0, ACT_LINEAR, scratch, 0);
}
