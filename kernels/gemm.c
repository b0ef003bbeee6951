/*
 * GEMM with 4×8 register tiles: eight f32x4 accumulators hold a 4-row × 8-column block of C while
 * the loop runs over k; B is packed per KC-row block into 8-column panels (zero-padded, transposed
 * when transB) so the inner loop reads it contiguously; A is read in place as broadcast scalars.
 * The epilogue fuses the start value (C, zero, or a bias row) and the activation.
 */
#include "activations.h"
#include "tile.h"

/* dst[panel][p][0..8) = op(B)(p0 + p, 8·panel + c), zero past column n. */
static void pack_b(const float *b, int transB, int n, int k, int p0, int kc, float *dst) {
  int panels = (n + 7) >> 3;
  for (int jp = 0; jp < panels; jp++) {
    int j0 = jp << 3, width = n - j0 < 8 ? n - j0 : 8;
    float *d = dst + (long)jp * kc * 8;
    if (!transB && width == 8) {
      const float *s = b + (long)p0 * n + j0;
      for (int p = 0; p < kc; p++, s += n, d += 8) {
        wasm_v128_store(d, wasm_v128_load(s));
        wasm_v128_store(d + 4, wasm_v128_load(s + 4));
      }
      continue;
    }
    for (int p = 0; p < kc; p++, d += 8) {
      for (int c = 0; c < 8; c++) {
        float value = 0.0f;
        if (c < width) value = transB ? b[(long)(j0 + c) * k + p0 + p] : b[(long)(p0 + p) * n + j0 + c];
        d[c] = value;
      }
    }
  }
}

/* Runs the tiles of one KC block: all row groups of 4 (then the 1–3 leftover rows) × all panels. */
#define RUN_TILES(TA)                                                                          \
  for (int i = 0; i < m; i += 4) {                                                             \
    int rows = m - i < 4 ? m - i : 4;                                                          \
    const float *ai = TA ? a + p0 * (long)m + i : a + (long)i * k + p0;                       \
    for (int jp = 0; jp < panels; jp++) {                                                      \
      int j0 = jp << 3, width = n - j0 < 8 ? n - j0 : 8;                                       \
      const float *bp = packed + (long)jp * kc * 8;                                            \
      float *ct = c + (long)i * n + j0;                                                        \
      const float *bias_j = bias_padded + j0;                                                  \
      switch (rows) {                                                                          \
        case 4: tile(4, TA, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break; \
        case 3: tile(3, TA, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break; \
        case 2: tile(2, TA, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break; \
        default: tile(1, TA, kc, ai, m, k, bp, ct, n, width, init_blk, bias_j, act_blk); break; \
      }                                                                                        \
    }                                                                                          \
  }

void gemm_core(int m, int n, int k, const float *a, int transA, const float *b, int transB,
               float *c, int init, const float *bias, int act, float *scratch, const DyFusion *fusion) {
  if (n == 1 || transB) fusion = 0;
  if (n == 1) {
    gemv_core(m, k, a, transA, b, c, init, bias, act);
    return;
  }
  int panels = (n + 7) >> 3;
  float *bias_padded = scratch;
  float *packed = scratch + panels * 8 + 8;
  for (int j = 0; j < panels * 8; j++) bias_padded[j] = init == INIT_BIAS && j < n ? bias[j] : 0.0f;
  int p0 = 0;
  do {
    int kc = k - p0 < KC ? k - p0 : KC;
    int init_blk = p0 == 0 ? init : INIT_LOAD;
    int act_blk = p0 + kc >= k ? act : ACT_LINEAR;
    if (fusion) {
      /* Row-major over this block only, so the block is still in cache when packed just after. */
      activation_backward(fusion->y + (long)p0 * n, (float *)b + (long)p0 * n, fusion->db, kc, n, fusion->act);
    }
    pack_b(b, transB, n, k, p0, kc, packed);
    if (transA) {
      RUN_TILES(1)
    } else {
      RUN_TILES(0)
    }
    p0 += kc;
  } while (p0 < k);
}

/* c (m×n) = op(a)·op(b), or += with flag 4; flag 1: a is stored k×m, flag 2: b is stored n×k. */
EXPORT(gemm)
void gemm(int m, int n, int k, const float *a, const float *b, float *c, int flags, float *scratch) {
  int init = flags & 4 ? INIT_LOAD : INIT_ZERO;
  gemm_core(m, n, k, a, flags & 1, b, flags & 2, c, init, 0, ACT_LINEAR, scratch, 0);
}
