/*
 * Shared definitions of the WebAssembly SIMD kernels (src/engine/wasm/ wraps them).
 * Built twice by scripts/build-wasm.mjs: with -DUSE_FMA (relaxed-SIMD fused multiply-add) and
 * without (plain SIMD multiply then add). All matrices are row-major float32.
 */
#ifndef ANSATZ_KERNELS_COMMON_H
#define ANSATZ_KERNELS_COMMON_H

#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))
#define INLINE static inline __attribute__((always_inline))

/* acc + a·b: one fused instruction with relaxed SIMD, else a rounded multiply then an add. */
#ifdef USE_FMA
#define MADD(a, b, acc) ((v128_t)__builtin_wasm_relaxed_madd_f32x4((__f32x4)(a), (__f32x4)(b), (__f32x4)(acc)))
#else
#define MADD(a, b, acc) wasm_f32x4_add(wasm_f32x4_mul((a), (b)), (acc))
#endif

/* Activation codes, as ACTIVATION_CODES in src/engine/wasm/wasmKernels.ts. */
enum { ACT_LINEAR = 0, ACT_RELU = 1, ACT_LEAKY_RELU = 2, ACT_SOFTPLUS = 3 };

/* The negative-side slope of leakyRelu (LEAKY_SLOPE in src/engine/kernels.ts). */
#define LEAKY_SLOPE 0.01f

/* How a GEMM output tile starts: from C's current values, from zero, or from the bias row. */
enum { INIT_LOAD = 0, INIT_ZERO = 1, INIT_BIAS = 2 };

/* Rows of k processed per packed block of B: the packed block (KC × 8 floats per panel) stays in L1/L2. */
#define KC 256

/*
 * Work folded into the packing of B = dy in the weight-gradient GEMM of a dense layer's backward:
 * dy ← dy·act'(y) in place and db += Σ_rows dy, so dy is read from memory once, not twice.
 */
typedef struct {
  const float *y;
  float *db;
  int act;
} DyFusion;

/* dy ← dy·act'(y) in place (rows×out), db += Σ_rows dy in row order (the order of the JS backend). */
void activation_backward(const float *y, float *dy, float *db, int rows, int out, int act);

/*
 * out (m×n) = init + op(A)·op(B), then act. op(A)(i,p) = a[i·sai + p·sap] (sai = k, sap = 1 plain;
 * sai = 1, sap = m transposed). op(B) is b stored k×n, or n×k when transB. bias (n floats) is read
 * only when init == INIT_BIAS. scratch holds KC·roundup(n, 8) + 8 floats. With fusion (non-null,
 * B not transposed, n > 1), B is dy and is transformed as DyFusion says while it is packed.
 */
void gemm_core(int m, int n, int k, const float *a, int transA, const float *b, int transB,
               float *c, int init, const float *bias, int act, float *scratch, const DyFusion *fusion);

#endif
