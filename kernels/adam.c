/*
 * Fused Adam step with L2 (Kingma & Ba, arXiv:1412.6980; the PyTorch update form):
 * g = grad + 2·l2·p; m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
 * p −= (lr/c1)·m / (sqrt(v)/sqrt(c2) + eps), c1 = 1 − β1^t, c2 = 1 − β2^t.
 */
#include "common.h"

INLINE v128_t adam4(v128_t p, v128_t g, v128_t *m, v128_t *v, v128_t step_size, v128_t inv_sqrt_c2,
                    v128_t beta1, v128_t one_minus_beta1, v128_t beta2, v128_t one_minus_beta2,
                    v128_t eps, v128_t l2x2) {
  g = wasm_f32x4_add(g, wasm_f32x4_mul(l2x2, p));
  *m = wasm_f32x4_add(wasm_f32x4_mul(beta1, *m), wasm_f32x4_mul(one_minus_beta1, g));
  *v = wasm_f32x4_add(wasm_f32x4_mul(beta2, *v), wasm_f32x4_mul(wasm_f32x4_mul(one_minus_beta2, g), g));
  v128_t denom = wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_sqrt(*v), inv_sqrt_c2), eps);
  return wasm_f32x4_sub(p, wasm_f32x4_div(wasm_f32x4_mul(step_size, *m), denom));
}

/* 1 − β1 and 1 − β2 come from the caller in double precision: 1 − (float)0.999 is off by 1e-5. */
EXPORT(adam)
void adam(float *params, const float *grads, float *m, float *v, int length, float step_size,
          float inv_sqrt_c2, float beta1, float one_minus_beta1, float beta2, float one_minus_beta2,
          float eps, float l2x2) {
  v128_t s = wasm_f32x4_splat(step_size), ic2 = wasm_f32x4_splat(inv_sqrt_c2);
  v128_t b1 = wasm_f32x4_splat(beta1), omb1 = wasm_f32x4_splat(one_minus_beta1);
  v128_t b2 = wasm_f32x4_splat(beta2), omb2 = wasm_f32x4_splat(one_minus_beta2);
  v128_t e = wasm_f32x4_splat(eps), l2 = wasm_f32x4_splat(l2x2);
  int i = 0;
  for (; i + 4 <= length; i += 4) {
    v128_t mi = wasm_v128_load(m + i), vi = wasm_v128_load(v + i);
    v128_t p = adam4(wasm_v128_load(params + i), wasm_v128_load(grads + i), &mi, &vi, s, ic2, b1, omb1, b2, omb2, e, l2);
    wasm_v128_store(params + i, p);
    wasm_v128_store(m + i, mi);
    wasm_v128_store(v + i, vi);
  }
  for (; i < length; i++) {
    v128_t mi = wasm_f32x4_splat(m[i]), vi = wasm_f32x4_splat(v[i]);
    v128_t p = adam4(wasm_f32x4_splat(params[i]), wasm_f32x4_splat(grads[i]), &mi, &vi, s, ic2, b1, omb1, b2, omb2, e, l2);
    params[i] = wasm_f32x4_extract_lane(p, 0);
    m[i] = wasm_f32x4_extract_lane(mi, 0);
    v[i] = wasm_f32x4_extract_lane(vi, 0);
  }
}
