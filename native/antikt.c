/*
 * Anti-kT clustering for src/sim/antikt.ts: the algorithm of its JS `clusterSlots`/`collect`, so
 * that the merge sequence and every floating-point sum are the same (the JS comments explain the
 * algorithm). It mirrors the JS statement for statement except where a comment here says how it
 * reaches the same values by another route: load_slots (a counting sort on the leading bits of pT^-2
 * before the insertion sort: same stable order), init_neighbours (column by column, two slots at
 * a time in SSE2: same nearest slot and distance, ties to the first slot), and the selects in
 * delta_r2 and set_dist (minsd: the same choice). test/sim/native.test.ts checks these against the
 * JS, exact ties included. Compiled with -ffp-contract=off and without target attributes (SSE2
 * only, baseline x86-64; its double operations are IEEE, lane by lane): no fused multiply-add may
 * round differently from V8. Only log and atan2 (a merged pseudojet's rapidity and azimuth) come from libm instead of
 * V8's fdlibm port; they can differ in the last bit, which matters only at an exact near-tie of
 * two distances (the equivalence tests and the simulator fingerprint watch for that).
 *
 * The JS side owns all memory: one Float64Array and one Int32Array of `cap` elements per field
 * (the F_ and I_ enums; the inputs and outputs come first, at the offsets src/sim/antikt.ts uses).
 */
#include <emmintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "sim.h"

#define PI 3.14159265358979323846
#define TWO_PI (2 * PI)

enum {
  F_IN_PX, F_IN_PY, F_IN_PZ, F_IN_E, F_IN_Y, F_IN_KINV, F_IN_PHI, /* by input index, written by JS */
  F_OUT_PX, F_OUT_PY, F_OUT_PZ, F_OUT_E,                          /* by jet, hardest first */
  F_PX, F_PY, F_PZ, F_E, F_Y, F_PHI, F_KINV, F_NND, F_DIST,        /* by slot */
  F_JET_PX, F_JET_PY, F_JET_PZ, F_JET_E, F_JET_PT2,                /* by jet, in the order found */
  F64_FIELDS
};
enum {
  I_GROUP, I_JET_OF, I_HARD_ORDER, /* by input index: JS's region split in, jets out */
  I_NN, I_MERGED_INTO, I_LIST_A, I_LIST_B, I_STACK, I_STACK_POS, I_SOURCE, I_SLOT_JET, I_JET_OF_RAW, I_ORDER, I_RANK,
  I32_FIELDS
};

typedef struct {
  double inv_r2;
  const double *in_px, *in_py, *in_pz, *in_e, *in_y, *in_kinv, *in_phi;
  double *out_px, *out_py, *out_pz, *out_e;
  double *px, *py, *pz, *e, *y, *phi, *kinv, *nnd, *dist;
  double *jet_px, *jet_py, *jet_pz, *jet_e, *jet_pt2;
  const int32_t *group;
  int32_t *jet_of, *hard_order;
  int32_t *nn, *merged_into, *list_a, *list_b, *stack, *stack_pos, *source, *slot_jet, *jet_of_raw, *order, *rank;
  int n_jets, ordered;
} Work;

static void carve(Work *w, double *f64, int32_t *i32, size_t cap) {
  double **f[F64_FIELDS] = {
    (double **)&w->in_px, (double **)&w->in_py, (double **)&w->in_pz, (double **)&w->in_e,
    (double **)&w->in_y, (double **)&w->in_kinv, (double **)&w->in_phi,
    &w->out_px, &w->out_py, &w->out_pz, &w->out_e,
    &w->px, &w->py, &w->pz, &w->e, &w->y, &w->phi, &w->kinv, &w->nnd, &w->dist,
    &w->jet_px, &w->jet_py, &w->jet_pz, &w->jet_e, &w->jet_pt2,
  };
  int32_t **g[I32_FIELDS] = {
    (int32_t **)&w->group, &w->jet_of, &w->hard_order,
    &w->nn, &w->merged_into, &w->list_a, &w->list_b, &w->stack, &w->stack_pos, &w->source, &w->slot_jet,
    &w->jet_of_raw, &w->order, &w->rank,
  };
  for (int k = 0; k < F64_FIELDS; k++) *f[k] = f64 + k * cap;
  for (int k = 0; k < I32_FIELDS; k++) *g[k] = i32 + k * cap;
}

/*
 * minsd: exactly `a < b ? a : b` (b when either is NaN), one instruction where gcc spells that
 * select in four (cmpnltsd, and, andn, or): in the pseudojet loops the time goes with the
 * instruction count (delta_r2: 2-3 % of the clusterer's time).
 */
static inline double min_sd(double a, double b) {
  return _mm_cvtsd_f64(_mm_min_sd(_mm_set_sd(a), _mm_set_sd(b)));
}

static inline double delta_r2(double ya, double phia, double yb, double phib) {
  double dy = ya - yb;
  double dphi = fabs(phia - phib);
  /*
   * The JS `if (dphi > PI) dphi = TWO_PI - dphi`, as a select the compiler makes branch-free (the
   * branch mispredicts on pairs near Δφ = π, e.g. across two back-to-back jets, and where a jet
   * straddles φ = 0): the same choice, since TWO_PI − dphi is exact for dphi ≥ PI (Sterbenz) and
   * rounds to no less than PI for dphi < PI.
   */
  double other_way = TWO_PI - dphi;
  dphi = min_sd(other_way, dphi);
  return dy * dy + dphi * dphi;
}

static inline void set_dist(Work *w, int i) {
  double ki = w->kinv[i];
  if (w->nn[i] < 0) {
    w->dist[i] = ki;
    return;
  }
  double dij = ki * w->nnd[i] * w->inv_r2;
  w->dist[i] = min_sd(dij, ki); /* the JS's dij <= ki ? dij : ki: at equality the same bits (ki > 0) */
}

/*
 * Each slot's nearest softer slot (the slots are numbered hardest first), column by column: slot b
 * is offered to every harder slot a < b, two a's at a time in SSE2 (the same IEEE operations as
 * delta_r2, lane by lane), each a keeping its minimum in nnd[a] and the slot in dist[a] (as a
 * double until set_dist). Strict `<` over b ascending: the first slot at the minimum, as the JS's
 * row scan finds; NaN distances are never taken (cmplt false, min_pd keeps the old minimum).
 * The JS's row scans were a chain of dependent min/cmov per pair; here the a's are independent.
 */
static void init_neighbours(Work *w, int n) {
  const double *restrict y = w->y, *restrict phi = w->phi;
  double *restrict nnd = w->nnd, *restrict idx = w->dist;
  const __m128d sign = _mm_set1_pd(-0.0), two_pi = _mm_set1_pd(TWO_PI);
  for (int a = 0; a < n; a++) {
    nnd[a] = INFINITY;
    idx[a] = -1;
  }
  for (int b = 1; b < n; b++) {
    double yb = y[b], pb = phi[b];
    __m128d vyb = _mm_set1_pd(yb), vpb = _mm_set1_pd(pb), vb = _mm_set1_pd(b);
    int a = 0;
    for (; a + 1 < b; a += 2) {
      __m128d dy = _mm_sub_pd(vyb, _mm_loadu_pd(y + a));
      __m128d dphi = _mm_andnot_pd(sign, _mm_sub_pd(vpb, _mm_loadu_pd(phi + a)));
      dphi = _mm_min_pd(_mm_sub_pd(two_pi, dphi), dphi);
      __m128d d = _mm_add_pd(_mm_mul_pd(dy, dy), _mm_mul_pd(dphi, dphi));
      __m128d m = _mm_loadu_pd(nnd + a), lt = _mm_cmplt_pd(d, m);
      _mm_storeu_pd(nnd + a, _mm_min_pd(d, m));
      _mm_storeu_pd(idx + a, _mm_or_pd(_mm_and_pd(lt, vb), _mm_andnot_pd(lt, _mm_loadu_pd(idx + a))));
    }
    if (a < b) {
      double d = delta_r2(yb, pb, y[a], phi[a]);
      if (d < nnd[a]) {
        nnd[a] = d;
        idx[a] = b;
      }
    }
  }
  for (int a = 0; a < n; a++) {
    w->nn[a] = (int)idx[a];
    set_dist(w, a);
  }
}

static void find_softer(Work *w, int i, int at, const int32_t *list, int n_active) {
  double yi = w->y[i], phii = w->phi[i];
  int best = -1;
  double best_d = INFINITY;
  for (int a = at + 1; a < n_active; a++) {
    int j = list[a];
    double d = delta_r2(w->y[j], w->phi[j], yi, phii);
    if (d < best_d) {
      best_d = d;
      best = j;
    }
  }
  w->nn[i] = best;
  w->nnd[i] = best_d;
  set_dist(w, i);
}

static void finish_jet(Work *w, int s) {
  int k = w->n_jets++;
  w->jet_px[k] = w->px[s];
  w->jet_py[k] = w->py[s];
  w->jet_pz[k] = w->pz[s];
  w->jet_e[k] = w->e[s];
  w->slot_jet[s] = k;
}

static void update_geometry(Work *w, int i) {
  double px = w->px[i], py = w->py[i], pz = w->pz[i], e = w->e[i];
  double pt2 = px * px + py * py;
  w->kinv[i] = pt2 > 0 ? 1 / pt2 : 1e300;
  double ez = e - pz;
  w->y[i] = ez > 0 ? 0.5 * log((e + pz) / ez) : 1e5;
  double phi = atan2(py, px);
  w->phi[i] = phi < 0 ? phi + TWO_PI : phi;
}

/*
 * Slots hardest first (a stable sort on pT^-2), their input data copied in. First a stable counting
 * sort on the leading bits of pT^-2 (exponent and two mantissa bits: monotone in the value for
 * values >= 0; clamped to 256 buckets, still monotone), then the JS's insertion sort: it now only
 * has the inversions within a bucket (a factor 2^(1/4)) to undo, and gives the same order, since
 * both sorts keep equal values in input order. On an input with NaN or negative pT^-2 the counting
 * sort is skipped (the insertion sort alone is the JS's).
 */
static void load_slots(Work *w, int n) {
  int32_t *source = w->source, *bucket = w->stack_pos, *sorted = w->stack;
  double *kinv = w->kinv;
  int count[257] = {0}, ok = 1;
  for (int s = 0; s < n; s++) {
    double k = w->in_kinv[source[s]];
    uint64_t bits;
    memcpy(&bits, &k, sizeof bits);
    /* Exponent and two leading mantissa bits (quarter octaves), 2^-32 .. 2^32 in 256 buckets. */
    int b = (int)((bits >> 50) & 0x1fff) - ((1023 - 32) << 2);
    b = b < 0 ? 0 : b > 255 ? 255 : b;
    bucket[s] = b;
    count[b + 1]++;
    ok &= k >= 0;
  }
  if (ok) {
    for (int b = 1; b < 256; b++) count[b] += count[b - 1];
    for (int s = 0; s < n; s++) sorted[count[bucket[s]]++] = source[s];
    memcpy(source, sorted, (size_t)n * sizeof *source);
  }
  for (int s = 0; s < n; s++) {
    int v = source[s];
    double k = w->in_kinv[v];
    int q = s;
    while (q > 0 && kinv[q - 1] > k) {
      kinv[q] = kinv[q - 1];
      source[q] = source[q - 1];
      q--;
    }
    kinv[q] = k;
    source[q] = v;
  }
  memcpy(w->hard_order + w->ordered, source, (size_t)n * sizeof *source);
  w->ordered += n;
  for (int s = 0; s < n; s++) {
    int i = source[s];
    w->px[s] = w->in_px[i];
    w->py[s] = w->in_py[i];
    w->pz[s] = w->in_pz[i];
    w->e[s] = w->in_e[i];
    w->y[s] = w->in_y[i];
    w->phi[s] = w->in_phi[i];
    w->merged_into[s] = -1;
    w->list_a[s] = s;
  }
}

/*
 * The ns slots on the stack lost their nearest softer neighbour in this step: each looks for a new
 * one after its place in the new active list; *mi, *mn take the smallest distance found.
 */
static void rescan_stacked(Work *w, int ns, const int32_t *list, int n_active, int *mi, double *mn) {
  for (int s = 0; s < ns; s++) {
    int l = w->stack[s];
    find_softer(w, l, w->stack_pos[s], list, n_active);
    if (w->dist[l] < *mn) {
      *mn = w->dist[l];
      *mi = l;
    }
  }
}

/* The beam step: slot `best` becomes a jet. Returns the new active count; *mi, *mn the smallest distance left. */
static int beam_step(Work *w, int best, int32_t *list, int n_active, int *mi, double *mn) {
  int wpos = 0, ns = 0;
  finish_jet(w, best);
  for (int a = 0; a < n_active; a++) {
    int l = list[a];
    if (l == best) continue;
    if (w->nn[l] == best) {
      w->stack[ns] = l;
      w->stack_pos[ns++] = wpos;
    } else {
      double dl = w->dist[l];
      if (dl < *mn) {
        *mn = dl;
        *mi = l;
      }
    }
    list[wpos++] = l;
  }
  rescan_stacked(w, ns, list, wpos, mi, mn);
  return wpos;
}

/*
 * The merge step: j joins best, the active slots are copied from `list` into `spare` in the new
 * hardness order. Returns the new active count; *mi, *mn the smallest distance left.
 */
static int merge_step(Work *w, int best, int j, const int32_t *list, int32_t *spare, int n_active, int *mi, double *mn) {
  int wpos = 0, ns = 0, nb = -1, a = 0;
  double nbd = INFINITY;
  w->px[best] += w->px[j];
  w->py[best] += w->py[j];
  w->pz[best] += w->pz[j];
  w->e[best] += w->e[j];
  w->merged_into[j] = best;
  update_geometry(w, best);
  double kb = w->kinv[best], yb = w->y[best], phib = w->phi[best];
  for (; a < n_active; a++) {
    int l = list[a];
    if (l == best || l == j) continue;
    double kl = w->kinv[l];
    if (!(kl < kb || (kl == kb && l < best))) break;
    int nl = w->nn[l];
    if (nl == best || nl == j) {
      w->stack[ns] = l;
      w->stack_pos[ns++] = wpos;
    } else {
      double d = delta_r2(w->y[l], w->phi[l], yb, phib);
      if (d < w->nnd[l]) {
        w->nnd[l] = d;
        w->nn[l] = best;
        set_dist(w, l);
      }
      double dl = w->dist[l];
      if (dl < *mn) {
        *mn = dl;
        *mi = l;
      }
    }
    spare[wpos++] = l;
  }
  spare[wpos++] = best;
  for (; a < n_active; a++) {
    int l = list[a];
    if (l == best || l == j) continue;
    double d = delta_r2(w->y[l], w->phi[l], yb, phib);
    if (d < nbd) {
      nbd = d;
      nb = l;
    }
    int nl = w->nn[l];
    if (nl == best || nl == j) {
      w->stack[ns] = l;
      w->stack_pos[ns++] = wpos;
    } else {
      double dl = w->dist[l];
      if (dl < *mn) {
        *mn = dl;
        *mi = l;
      }
    }
    spare[wpos++] = l;
  }
  w->nn[best] = nb;
  w->nnd[best] = nbd;
  set_dist(w, best);
  if (w->dist[best] < *mn) {
    *mn = w->dist[best];
    *mi = best;
  }
  rescan_stacked(w, ns, spare, wpos, mi, mn);
  return wpos;
}

/* Clusters the particles source[0..n) (JS: clusterSlots). */
static void cluster_slots(Work *w, int n) {
  if (n == 0) return;
  load_slots(w, n);
  init_neighbours(w, n);
  int32_t *list = w->list_a, *spare = w->list_b;
  int n_active = n, best = list[0];
  double best_d = w->dist[best];
  for (int a = 1; a < n_active; a++) {
    int l = list[a];
    if (w->dist[l] < best_d) {
      best_d = w->dist[l];
      best = l;
    }
  }
  while (n_active > 0) {
    int j = w->nn[best], mi = -1;
    double mn = INFINITY;
    if (j < 0 || w->kinv[best] * w->nnd[best] * w->inv_r2 > w->kinv[best]) {
      n_active = beam_step(w, best, list, n_active, &mi, &mn);
    } else {
      n_active = merge_step(w, best, j, list, spare, n_active, &mi, &mn);
      int32_t *t = list;
      list = spare;
      spare = t;
    }
    best = mi;
  }
  for (int s = 0; s < n; s++) {
    int r = s;
    while (w->merged_into[r] >= 0) r = w->merged_into[r];
    w->jet_of_raw[w->source[s]] = w->slot_jet[r];
  }
}

/* Jets hardest first (stable insertion sort on pT², descending), and each particle's jet rank. */
static void collect(Work *w, int n) {
  int nj = w->n_jets;
  for (int k = 0; k < nj; k++) {
    double v = w->jet_px[k] * w->jet_px[k] + w->jet_py[k] * w->jet_py[k];
    w->jet_pt2[k] = v;
    int pos = k;
    while (pos > 0 && w->jet_pt2[w->order[pos - 1]] < v) {
      w->order[pos] = w->order[pos - 1];
      pos--;
    }
    w->order[pos] = k;
  }
  for (int r = 0; r < nj; r++) {
    int k = w->order[r];
    w->rank[k] = r;
    w->out_px[r] = w->jet_px[k];
    w->out_py[r] = w->jet_py[k];
    w->out_pz[r] = w->jet_pz[k];
    w->out_e[r] = w->jet_e[k];
  }
  for (int i = 0; i < n; i++) w->jet_of[i] = w->rank[w->jet_of_raw[i]];
}

static int cluster_all(Work *w, int n, int n_groups) {
  w->n_jets = 0;
  w->ordered = 0;
  for (int g = 0; g < n_groups; g++) {
    int count = 0;
    for (int i = 0; i < n; i++)
      if (n_groups == 1 || w->group[i] == g) w->source[count++] = i;
    cluster_slots(w, count);
  }
  collect(w, n);
  return w->n_jets;
}

/* ---------------------------------------------------------------- N-API glue */

static int typed_array(napi_env env, napi_value v, napi_typedarray_type want, size_t need, void **out) {
  bool is_typed;
  napi_typedarray_type type;
  size_t length, offset;
  napi_value buffer;
  if (napi_is_typedarray(env, v, &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, v, &type, &length, out, &buffer, &offset) != napi_ok || type != want) {
    napi_throw_type_error(env, NULL, "ansatz antiKt: expected a Float64Array and an Int32Array");
    return 0;
  }
  if (length < need) {
    napi_throw_range_error(env, NULL, "ansatz antiKt: a work array is shorter than cap fields");
    return 0;
  }
  return 1;
}

/* antiKt(f64, i32, cap, n, nGroups, invR2) → the number of jets. */
static napi_value js_anti_kt(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6], result;
  int32_t cap, n, n_groups;
  Work w;
  void *f64, *i32;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 6 ||
      napi_get_value_int32(env, argv[2], &cap) != napi_ok || napi_get_value_int32(env, argv[3], &n) != napi_ok ||
      napi_get_value_int32(env, argv[4], &n_groups) != napi_ok || napi_get_value_double(env, argv[5], &w.inv_r2) != napi_ok) {
    napi_throw_type_error(env, NULL, "ansatz antiKt: expected (f64, i32, cap, n, nGroups, invR2)");
    return NULL;
  }
  if (cap < 0 || n < 0 || n > cap || n_groups < 1) {
    napi_throw_range_error(env, NULL, "ansatz antiKt: need 0 <= n <= cap and nGroups >= 1");
    return NULL;
  }
  if (!typed_array(env, argv[0], napi_float64_array, (size_t)F64_FIELDS * cap, &f64) ||
      !typed_array(env, argv[1], napi_int32_array, (size_t)I32_FIELDS * cap, &i32)) return NULL;
  carve(&w, f64, i32, (size_t)cap);
  if (napi_create_int32(env, cluster_all(&w, n, n_groups), &result) != napi_ok) return NULL;
  return result;
}

int register_antikt_functions(napi_env env, napi_value exports) {
  napi_value fn, f64_fields, i32_fields;
  return napi_create_function(env, "antiKt", NAPI_AUTO_LENGTH, js_anti_kt, NULL, &fn) == napi_ok &&
         napi_set_named_property(env, exports, "antiKt", fn) == napi_ok &&
         napi_create_int32(env, F64_FIELDS, &f64_fields) == napi_ok &&
         napi_set_named_property(env, exports, "antiKtF64Fields", f64_fields) == napi_ok &&
         napi_create_int32(env, I32_FIELDS, &i32_fields) == napi_ok &&
         napi_set_named_property(env, exports, "antiKtI32Fields", i32_fields) == napi_ok;
}
