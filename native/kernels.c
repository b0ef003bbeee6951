/*
 * Native x86-64 kernels (AVX2 + FMA) behind the 'native' backend (src/engine/native/): the same
 * operations as the WebAssembly kernels in kernels/ (C), with 256-bit vectors. GEMM runs 6×16
 * register tiles (twelve 8-lane accumulators) over B packed into 16-column panels, one KC block of
 * k at a time; the epilogue fuses the start value (C, zero or a bias row) and the activation.
 *
 * Only the kernels are compiled for AVX2 + FMA (the KERNEL attribute); the module itself is plain
 * x86-64, so loading it on an older CPU does not fault: `supported` tells the loader to decline.
 * Built at install by scripts/build-native.mjs; the N-API glue is at the end of this file. The same
 * addon carries the simulator's functions (sim.h), which need no AVX2.
 */
#include <immintrin.h>
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include "sim.h"

#define KERNEL __attribute__((target("avx2,fma")))
#define INLINE static inline __attribute__((always_inline, target("avx2,fma")))

/* Activation codes, as ACTIVATION_CODES in src/engine/native/nativeKernels.ts. */
enum { ACT_LINEAR = 0, ACT_RELU = 1, ACT_LEAKY_RELU = 2, ACT_SOFTPLUS = 3 };
/* The negative-side slope of leakyRelu (LEAKY_SLOPE in src/engine/kernels.ts). */
#define LEAKY_SLOPE 0.01f
/* How a GEMM output tile starts: from C's current values, from zero, or from the bias row. */
enum { INIT_LOAD = 0, INIT_ZERO = 1, INIT_BIAS = 2 };

#define MR 6
#define NR 16
/* Rows of k per packed block of B: a block of four panels (KC × 64 floats) stays in L2. */
#define KC 256

/* ---------------------------------------------------------------- vector maths (8 lanes) */

INLINE __m256 splat(float v) { return _mm256_set1_ps(v); }

/* Lanes [0, width) set: for loads and stores of a partial vector. */
INLINE __m256i lane_mask(int width) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(width), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

/*
 * For x ≤ 0 (clamped at −104, where e^x rounds to 0 in float32): *pm1 = expm1(r), *scale = 2^n with
 * x = n·ln2 + r, |r| ≤ ln2/2; degree-7 Taylor polynomial for expm1(r) (kernels/activations.h).
 */
INLINE void exp_parts_nonpositive(__m256 x, __m256 *pm1, __m256 *scale) {
  x = _mm256_max_ps(x, splat(-104.0f));
  __m256 n = _mm256_round_ps(_mm256_mul_ps(x, splat(1.44269504088896341f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256 r = _mm256_sub_ps(x, _mm256_mul_ps(n, splat(0.693359375f)));
  r = _mm256_sub_ps(r, _mm256_mul_ps(n, splat(-2.12194440e-4f)));
  __m256 q = splat(1.0f / 5040.0f);
  q = _mm256_add_ps(_mm256_mul_ps(q, r), splat(1.0f / 720.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, r), splat(1.0f / 120.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, r), splat(1.0f / 24.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, r), splat(1.0f / 6.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, r), splat(0.5f));
  *pm1 = _mm256_add_ps(r, _mm256_mul_ps(_mm256_mul_ps(r, r), q));
  /* 2^n for n in [−150, 0] as a product of two normal powers of two (exact down to 2^−149). */
  __m256i ni = _mm256_cvttps_epi32(n);
  __m256i n1 = _mm256_srai_epi32(ni, 1);
  __m256i n2 = _mm256_sub_epi32(ni, n1);
  __m256i bias = _mm256_set1_epi32(127);
  __m256 s1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n1, bias), 23));
  __m256 s2 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n2, bias), 23));
  *scale = _mm256_mul_ps(s1, s2);
}

/* e^x − 1 for x ≤ 0, accurate relative to the result also for tiny |x|. */
INLINE __m256 expm1_nonpositive(__m256 x) {
  __m256 p, s;
  exp_parts_nonpositive(x, &p, &s);
  return _mm256_add_ps(_mm256_mul_ps(p, s), _mm256_sub_ps(s, splat(1.0f)));
}

/* log(1 + t) for t in [0, 1] as 2·atanh(t / (2 + t)), accurate relative to the result for tiny t. */
INLINE __m256 log1p_unit(__m256 t) {
  __m256 s = _mm256_div_ps(t, _mm256_add_ps(t, splat(2.0f)));
  __m256 s2 = _mm256_mul_ps(s, s);
  __m256 q = splat(1.0f / 15.0f);
  q = _mm256_add_ps(_mm256_mul_ps(q, s2), splat(1.0f / 13.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, s2), splat(1.0f / 11.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, s2), splat(1.0f / 9.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, s2), splat(1.0f / 7.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, s2), splat(1.0f / 5.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, s2), splat(1.0f / 3.0f));
  q = _mm256_add_ps(_mm256_mul_ps(q, s2), splat(1.0f));
  return _mm256_mul_ps(_mm256_add_ps(s, s), q);
}

INLINE __m256 neg(__m256 v) { return _mm256_xor_ps(v, splat(-0.0f)); }

/* softplus(u) = max(u, 0) + log1p(exp(−|u|)). */
INLINE __m256 softplus8(__m256 u) {
  __m256 p, s;
  exp_parts_nonpositive(_mm256_or_ps(u, splat(-0.0f)), &p, &s);
  __m256 e = _mm256_mul_ps(_mm256_add_ps(p, splat(1.0f)), s);
  return _mm256_add_ps(_mm256_max_ps(u, _mm256_setzero_ps()), log1p_unit(e));
}

/* act(u); relu and leakyRelu send NaN to 0 and NaN·slope like the JS backend (!(u > 0)). */
INLINE __m256 activate8(__m256 u, int act) {
  switch (act) {
    case ACT_RELU:
      return _mm256_max_ps(u, _mm256_setzero_ps()); /* the second operand when u is NaN */
    case ACT_LEAKY_RELU:
      return _mm256_blendv_ps(_mm256_mul_ps(u, splat(LEAKY_SLOPE)), u, _mm256_cmp_ps(u, _mm256_setzero_ps(), _CMP_GT_OQ));
    case ACT_SOFTPLUS:
      return softplus8(u);
    default:
      return u;
  }
}

/* dy · act'(u), with act' written through the output y. */
INLINE __m256 activation_backward8(__m256 y, __m256 dy, int act) {
  switch (act) {
    case ACT_RELU:
      return _mm256_and_ps(dy, _mm256_cmp_ps(y, _mm256_setzero_ps(), _CMP_GT_OQ));
    case ACT_LEAKY_RELU:
      return _mm256_blendv_ps(_mm256_mul_ps(dy, splat(LEAKY_SLOPE)), dy, _mm256_cmp_ps(y, _mm256_setzero_ps(), _CMP_GT_OQ));
    case ACT_SOFTPLUS:
      return _mm256_mul_ps(dy, neg(expm1_nonpositive(neg(y))));
    default:
      return dy;
  }
}

/* ---------------------------------------------------------------- GEMM */

/* Per-thread work space (each worker thread calls the kernels on its own thread). */
static _Thread_local float *scratch_floats_;
static _Thread_local size_t scratch_capacity_;

static float *scratch(size_t floats) {
  if (floats > scratch_capacity_) {
    free(scratch_floats_);
    size_t bytes = (floats * sizeof(float) + 63) & ~(size_t)63;
    scratch_floats_ = aligned_alloc(64, bytes);
    scratch_capacity_ = scratch_floats_ ? floats : 0;
  }
  return scratch_floats_;
}

/* dst[panel][p][0..16) = op(B)(p0 + p, 16·panel + c), zero past column n. */
KERNEL static void pack_b(const float *b, int transB, int n, int k, int p0, int kc, float *dst) {
  int panels = (n + NR - 1) / NR;
  for (int jp = 0; jp < panels; jp++) {
    int j0 = jp * NR, width = n - j0 < NR ? n - j0 : NR;
    float *d = dst + (long)jp * kc * NR;
    if (!transB && width == NR) {
      const float *s = b + (long)p0 * n + j0;
      for (int p = 0; p < kc; p++, s += n, d += NR) {
        _mm256_store_ps(d, _mm256_loadu_ps(s));
        _mm256_store_ps(d + 8, _mm256_loadu_ps(s + 8));
      }
      continue;
    }
    for (int p = 0; p < kc; p++, d += NR) {
      for (int c = 0; c < NR; c++) {
        float value = 0.0f;
        if (c < width) value = transB ? b[(long)(j0 + c) * k + p0 + p] : b[(long)(p0 + p) * n + j0 + c];
        d[c] = value;
      }
    }
  }
}

/* Adds the start value to eight outputs, applies act and stores them to c (width ≤ 8 valid). */
INLINE void finish8(__m256 v, float *c, int width, int init, __m256 bias, int act) {
  if (width >= 8) {
    if (init == INIT_BIAS) v = _mm256_add_ps(v, bias);
    else if (init == INIT_LOAD) v = _mm256_add_ps(v, _mm256_loadu_ps(c));
    _mm256_storeu_ps(c, activate8(v, act));
    return;
  }
  __m256i mask = lane_mask(width);
  if (init == INIT_BIAS) v = _mm256_add_ps(v, bias);
  else if (init == INIT_LOAD) v = _mm256_add_ps(v, _mm256_maskload_ps(c, mask));
  _mm256_maskstore_ps(c, mask, activate8(v, act));
}

/*
 * c[0..mr)×[0..width) = init + Σ_p A(r, p)·B(p, 0..16), then act. A(r, p) = a[p·m + r] when ta,
 * a[r·k + p] otherwise; bp is one packed panel (kc rows of 16); c has row stride ldc. With
 * halves = 1 (width ≤ 8) only the panel's first 8 columns are computed.
 */
INLINE void tile(const int mr, const int ta, const int halves, int kc, const float *a, int m, int k, const float *bp,
                 float *c, int ldc, int width, int init, const float *bias, int act) {
  __m256 acc[MR][2];
#pragma GCC unroll 6
  for (int r = 0; r < MR; r++) acc[r][0] = acc[r][1] = _mm256_setzero_ps();
  if (ta) {
    for (int p = 0; p < kc; p++, a += m, bp += NR) {
      __m256 b0 = _mm256_load_ps(bp), b1 = halves == 2 ? _mm256_load_ps(bp + 8) : b0;
#pragma GCC unroll 6
      for (int r = 0; r < mr; r++) {
        __m256 ar = _mm256_broadcast_ss(a + r);
        acc[r][0] = _mm256_fmadd_ps(ar, b0, acc[r][0]);
        if (halves == 2) acc[r][1] = _mm256_fmadd_ps(ar, b1, acc[r][1]);
      }
    }
  } else {
    for (int p = 0; p < kc; p++, bp += NR) {
      __m256 b0 = _mm256_load_ps(bp), b1 = halves == 2 ? _mm256_load_ps(bp + 8) : b0;
#pragma GCC unroll 6
      for (int r = 0; r < mr; r++) {
        __m256 ar = _mm256_broadcast_ss(a + (long)r * k + p);
        acc[r][0] = _mm256_fmadd_ps(ar, b0, acc[r][0]);
        if (halves == 2) acc[r][1] = _mm256_fmadd_ps(ar, b1, acc[r][1]);
      }
    }
  }
  /* The epilogue indexes rows at run time: it reads a copy, so the accumulators stay in registers in the loop above. */
  __m256 sums[MR][2];
#pragma GCC unroll 6
  for (int r = 0; r < mr; r++) sums[r][0] = acc[r][0], sums[r][1] = acc[r][1];
  __m256 bias0 = _mm256_load_ps(bias), bias1 = _mm256_load_ps(bias + 8);
  for (int r = 0; r < mr; r++) {
    float *cr = c + (long)r * ldc;
    finish8(sums[r][0], cr, width < 8 ? width : 8, init, bias0, act);
    if (width > 8) finish8(sums[r][1], cr + 8, width - 8, init, bias1, act);
  }
}

/* c (m) = init + op(A)·b (k), then act: the n = 1 case, where a 16-wide panel would waste 15/16. */
KERNEL static void gemv(int m, int k, const float *a, int transA, const float *b, float *c, int init, const float *bias, int act) {
  __m256 bias8 = splat(init == INIT_BIAS ? bias[0] : 0.0f);
  if (transA) {
    for (int i = 0; i < m; i += 8) {
      int width = m - i < 8 ? m - i : 8;
      __m256i mask = lane_mask(width);
      __m256 acc = _mm256_setzero_ps();
      const float *ap = a + i;
      for (int p = 0; p < k; p++, ap += m) acc = _mm256_fmadd_ps(_mm256_maskload_ps(ap, mask), _mm256_broadcast_ss(b + p), acc);
      finish8(acc, c + i, width, init, bias8, act);
    }
    return;
  }
  for (int i = 0; i < m; i += 8) {
    int width = m - i < 8 ? m - i : 8;
    float sums[8];
    for (int r = 0; r < 8; r++) {
      const float *row = a + (long)(i + (r < width ? r : 0)) * k;
      __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
      int p = 0;
      for (; p + 16 <= k; p += 16) {
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(row + p), _mm256_loadu_ps(b + p), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(row + p + 8), _mm256_loadu_ps(b + p + 8), acc1);
      }
      if (p + 8 <= k) {
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(row + p), _mm256_loadu_ps(b + p), acc0);
        p += 8;
      }
      __m256 acc = _mm256_add_ps(acc0, acc1);
      __m128 h = _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
      h = _mm_add_ps(h, _mm_movehl_ps(h, h));
      h = _mm_add_ss(h, _mm_movehdup_ps(h));
      float s = _mm_cvtss_f32(h);
      for (; p < k; p++) s += row[p] * b[p];
      sums[r] = s;
    }
    finish8(_mm256_loadu_ps(sums), c + i, width, init, bias8, act);
  }
}

#define TILE_ROWS(TA, H)                                                                        \
  switch (rows) {                                                                              \
    case 6: tile(6, TA, H, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break;  \
    case 5: tile(5, TA, H, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break;  \
    case 4: tile(4, TA, H, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break;  \
    case 3: tile(3, TA, H, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break;  \
    case 2: tile(2, TA, H, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break;  \
    default: tile(1, TA, H, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break; \
  }

#define RUN_TILES(TA)                                                                          \
  for (int i = 0; i < m; i += MR) {                                                            \
    int rows = m - i < MR ? m - i : MR;                                                        \
    const float *ai = TA ? a + p0 * (long)m + i : a + (long)i * k + p0;                       \
    for (int jp = 0; jp < panels; jp++) {                                                      \
      int j0 = jp * NR, width = n - j0 < NR ? n - j0 : NR;                                     \
      const float *bp = packed + (long)jp * kc * NR;                                           \
      float *ct = c + (long)i * n + j0;                                                        \
      const float *bias_j = bias_padded + j0;                                                  \
      if (width > 8) {                                                                         \
        TILE_ROWS(TA, 2)                                                                       \
      } else {                                                                                 \
        TILE_ROWS(TA, 1)                                                                       \
      }                                                                                        \
    }                                                                                          \
  }

/*
 * c (m×n) = init + op(A)·op(B), then act. op(A) is a stored m×k, or k×m when transA; op(B) is b
 * stored k×n, or n×k when transB; bias (n floats) is read only when init == INIT_BIAS.
 * Returns 0, or −1 when the work space cannot be allocated.
 */
KERNEL static int gemm_core(int m, int n, int k, const float *a, int transA, const float *b, int transB,
                            float *c, int init, const float *bias, int act) {
  if (m == 0 || n == 0) return 0;
  if (n == 1) {
    gemv(m, k, a, transA, b, c, init, bias, act);
    return 0;
  }
  int panels = (n + NR - 1) / NR;
  int kc_max = k < KC ? (k > 0 ? k : 1) : KC;
  float *work = scratch((size_t)panels * NR + (size_t)kc_max * panels * NR);
  if (!work) return -1;
  float *bias_padded = work;
  float *packed = work + panels * NR;
  for (int j = 0; j < panels * NR; j++) bias_padded[j] = init == INIT_BIAS && j < n ? bias[j] : 0.0f;
  int p0 = 0;
  do {
    int kc = k - p0 < KC ? k - p0 : KC;
    int init_blk = p0 == 0 ? init : INIT_LOAD;
    int act_blk = p0 + kc >= k ? act : ACT_LINEAR;
    pack_b(b, transB, n, k, p0, kc, packed);
    if (transA) {
      RUN_TILES(1)
    } else {
      RUN_TILES(0)
    }
    p0 += kc;
  } while (p0 < k);
  return 0;
}

/* dy ← dy·act'(y) in place (rows×out), db += Σ_rows dy in row order (the order of the JS backend). */
KERNEL static void activation_backward(const float *y, float *dy, float *db, int rows, int out, int act) {
  for (int r = 0; r < rows; r++) {
    const float *yr = y + (long)r * out;
    float *dyr = dy + (long)r * out;
    for (int j = 0; j < out; j += 8) {
      int width = out - j < 8 ? out - j : 8;
      __m256i mask = lane_mask(width);
      __m256 d = activation_backward8(_mm256_maskload_ps(yr + j, mask), _mm256_maskload_ps(dyr + j, mask), act);
      _mm256_maskstore_ps(dyr + j, mask, d);
      _mm256_maskstore_ps(db + j, mask, _mm256_add_ps(_mm256_maskload_ps(db + j, mask), d));
    }
  }
}

/* See Kernels.denseBackward in src/engine/kernels.ts; dx == NULL means no input gradient. */
KERNEL static int dense_backward(const float *x, const float *w, const float *y, float *dy, float *dw, float *db,
                                 float *dx, int rows, int in, int out, int act) {
  activation_backward(y, dy, db, rows, out, act);
  if (gemm_core(in, out, rows, x, 1, dy, 0, dw, INIT_LOAD, 0, ACT_LINEAR) != 0) return -1;
  if (dx && gemm_core(rows, in, out, dy, 0, w, 1, dx, INIT_ZERO, 0, ACT_LINEAR) != 0) return -1;
  return 0;
}

/*
 * Fused Adam step with L2 (the PyTorch update form, as kernels/adam.c): g = grad + 2·l2·p;
 * m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; p −= (lr/c1)·m / (sqrt(v)/sqrt(c2) + eps).
 */
INLINE __m256 adam8(__m256 p, __m256 g, __m256 *m, __m256 *v, const float *k) {
  g = _mm256_add_ps(g, _mm256_mul_ps(splat(k[8]), p));
  *m = _mm256_add_ps(_mm256_mul_ps(splat(k[2]), *m), _mm256_mul_ps(splat(k[3]), g));
  *v = _mm256_add_ps(_mm256_mul_ps(splat(k[4]), *v), _mm256_mul_ps(_mm256_mul_ps(splat(k[5]), g), g));
  __m256 denom = _mm256_add_ps(_mm256_mul_ps(_mm256_sqrt_ps(*v), splat(k[1])), splat(k[6]));
  return _mm256_sub_ps(p, _mm256_div_ps(_mm256_mul_ps(splat(k[0]), *m), denom));
}

/* k = {step_size, inv_sqrt_c2, β1, 1−β1, β2, 1−β2, eps, unused, 2·l2}; 1−β in double precision by the caller. */
KERNEL static void adam(float *params, const float *grads, float *m, float *v, int length, const float *k) {
  for (int i = 0; i < length; i += 8) {
    int width = length - i < 8 ? length - i : 8;
    __m256i mask = lane_mask(width);
    __m256 mi = _mm256_maskload_ps(m + i, mask), vi = _mm256_maskload_ps(v + i, mask);
    __m256 p = adam8(_mm256_maskload_ps(params + i, mask), _mm256_maskload_ps(grads + i, mask), &mi, &vi, k);
    _mm256_maskstore_ps(params + i, mask, p);
    _mm256_maskstore_ps(m + i, mask, mi);
    _mm256_maskstore_ps(v + i, mask, vi);
  }
}

/* ---------------------------------------------------------------- N-API glue */

/* Throws a JS error and returns 0 when a call fails; the kernels never see a bad argument. */
#define CHECK(env, call, message)                     \
  do {                                                \
    if ((call) != napi_ok) {                          \
      napi_throw_type_error((env), NULL, (message));  \
      return 0;                                       \
    }                                                 \
  } while (0)

static int get_int(napi_env env, napi_value v, int *out) {
  CHECK(env, napi_get_value_int32(env, v, out), "ansatz native kernels: expected an integer argument");
  if (*out < 0) {
    napi_throw_range_error(env, NULL, "ansatz native kernels: dimensions must be non-negative");
    return 0;
  }
  return 1;
}

static int get_float(napi_env env, napi_value v, float *out) {
  double d;
  CHECK(env, napi_get_value_double(env, v, &d), "ansatz native kernels: expected a number argument");
  *out = (float)d;
  return 1;
}

/* The data of a Float32Array holding at least `need` floats (a safety net behind the TS checks). */
static int get_f32_length(napi_env env, napi_value v, size_t need, float **out, size_t *out_length) {
  bool is_typed;
  napi_typedarray_type type;
  size_t length;
  void *data;
  napi_value buffer;
  size_t offset;
  CHECK(env, napi_is_typedarray(env, v, &is_typed), "ansatz native kernels: expected a Float32Array");
  if (!is_typed) {
    napi_throw_type_error(env, NULL, "ansatz native kernels: expected a Float32Array");
    return 0;
  }
  CHECK(env, napi_get_typedarray_info(env, v, &type, &length, &data, &buffer, &offset), "ansatz native kernels: unreadable Float32Array");
  if (type != napi_float32_array) {
    napi_throw_type_error(env, NULL, "ansatz native kernels: expected a Float32Array");
    return 0;
  }
  if (length < need) {
    napi_throw_range_error(env, NULL, "ansatz native kernels: an array is shorter than the call needs");
    return 0;
  }
  *out = data;
  if (out_length) *out_length = length;
  return 1;
}

static int get_f32(napi_env env, napi_value v, size_t need, float **out) { return get_f32_length(env, v, need, out, NULL); }

static napi_value args(napi_env env, napi_callback_info info, size_t expected, napi_value *argv) {
  size_t argc = expected;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != expected) {
    napi_throw_type_error(env, NULL, "ansatz native kernels: wrong number of arguments");
    return NULL;
  }
  return argv[0];
}

static napi_value out_of_memory(napi_env env) {
  napi_throw_error(env, NULL, "ansatz native kernels: out of memory for the GEMM work space");
  return NULL;
}

/* gemm(m, n, k, a, b, c, flags): flag 1 a stored k×m, 2 b stored n×k, 4 c += instead of c =. */
static napi_value js_gemm(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  int m, n, k, flags;
  float *a, *b, *c;
  if (!args(env, info, 7, argv)) return NULL;
  if (!get_int(env, argv[0], &m) || !get_int(env, argv[1], &n) || !get_int(env, argv[2], &k) || !get_int(env, argv[6], &flags)) return NULL;
  if (!get_f32(env, argv[3], (size_t)m * k, &a) || !get_f32(env, argv[4], (size_t)k * n, &b) || !get_f32(env, argv[5], (size_t)m * n, &c)) return NULL;
  if (gemm_core(m, n, k, a, flags & 1, b, flags & 2, c, flags & 4 ? INIT_LOAD : INIT_ZERO, 0, ACT_LINEAR) != 0) return out_of_memory(env);
  return NULL;
}

/* denseForward(x, w, b, y, rows, in, out, act) */
static napi_value js_dense_forward(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  int rows, in, out, act;
  float *x, *w, *bias, *y;
  if (!args(env, info, 8, argv)) return NULL;
  if (!get_int(env, argv[4], &rows) || !get_int(env, argv[5], &in) || !get_int(env, argv[6], &out) || !get_int(env, argv[7], &act)) return NULL;
  if (!get_f32(env, argv[0], (size_t)rows * in, &x) || !get_f32(env, argv[1], (size_t)in * out, &w) ||
      !get_f32(env, argv[2], (size_t)out, &bias) || !get_f32(env, argv[3], (size_t)rows * out, &y)) return NULL;
  if (gemm_core(rows, out, in, x, 0, w, 0, y, INIT_BIAS, bias, act) != 0) return out_of_memory(env);
  return NULL;
}

/* denseBackward(x, w, y, dy, dw, db, dx | null, rows, in, out, act) */
static napi_value js_dense_backward(napi_env env, napi_callback_info info) {
  napi_value argv[11];
  int rows, in, out, act;
  float *x, *w, *y, *dy, *dw, *db, *dx = NULL;
  napi_valuetype dx_type;
  if (!args(env, info, 11, argv)) return NULL;
  if (!get_int(env, argv[7], &rows) || !get_int(env, argv[8], &in) || !get_int(env, argv[9], &out) || !get_int(env, argv[10], &act)) return NULL;
  if (!get_f32(env, argv[0], (size_t)rows * in, &x) || !get_f32(env, argv[1], (size_t)in * out, &w) ||
      !get_f32(env, argv[2], (size_t)rows * out, &y) || !get_f32(env, argv[3], (size_t)rows * out, &dy) ||
      !get_f32(env, argv[4], (size_t)in * out, &dw) || !get_f32(env, argv[5], (size_t)out, &db)) return NULL;
  CHECK(env, napi_typeof(env, argv[6], &dx_type), "ansatz native kernels: unreadable dx");
  if (dx_type != napi_null && !get_f32(env, argv[6], (size_t)rows * in, &dx)) return NULL;
  if (dense_backward(x, w, y, dy, dw, db, dx, rows, in, out, act) != 0) return out_of_memory(env);
  return NULL;
}

/* adam(params, grads, m, v, stepSize, invSqrtC2, β1, 1−β1, β2, 1−β2, eps, 2·l2) */
static napi_value js_adam(napi_env env, napi_callback_info info) {
  napi_value argv[12];
  float *p, *g, *m, *v, k[9] = {0};
  size_t length;
  if (!args(env, info, 12, argv)) return NULL;
  if (!get_f32_length(env, argv[0], 0, &p, &length)) return NULL;
  if (length > INT32_MAX) {
    napi_throw_range_error(env, NULL, "ansatz native kernels: too many parameters");
    return NULL;
  }
  if (!get_f32(env, argv[1], length, &g) || !get_f32(env, argv[2], length, &m) || !get_f32(env, argv[3], length, &v)) return NULL;
  static const int slots[8] = {0, 1, 2, 3, 4, 5, 6, 8};
  for (int i = 0; i < 8; i++) if (!get_float(env, argv[4 + i], &k[slots[i]])) return NULL;
  adam(p, g, m, v, (int)length, k);
  return NULL;
}

static int cpu_supported(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

NAPI_MODULE_INIT() {
  napi_value fn, flag;
  struct { const char *name; napi_callback cb; } fns[] = {
    {"gemm", js_gemm}, {"denseForward", js_dense_forward}, {"denseBackward", js_dense_backward}, {"adam", js_adam},
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
    if (napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].cb, NULL, &fn) != napi_ok) return NULL;
    if (napi_set_named_property(env, exports, fns[i].name, fn) != napi_ok) return NULL;
  }
  if (napi_get_boolean(env, cpu_supported(), &flag) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "supported", flag) != napi_ok) return NULL;
  if (!register_hugepage_functions(env, exports) || !register_antikt_functions(env, exports)) return NULL;
  return exports;
}
