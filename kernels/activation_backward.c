/* The element-wise part of a dense layer's backward pass. */
#include "activations.h"

/* dy ← dy·act'(y) in place, db += Σ_rows dy (row by row, the order of the JS backend) */
void activation_backward(const float *y, float *dy, float *db, int rows, int out, int act) {
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

