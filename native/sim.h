/*
 * The simulator's native functions (src/sim/native.ts): huge-page row stores (hugepages.c) and the
 * anti-kT clusterer (antikt.c). kernels.c's module initialiser registers them next to the kernels.
 */
#ifndef ANSATZ_SIM_H
#define ANSATZ_SIM_H
#include <node_api.h>

/* Adds adviseHugePages(buffer) to exports; 0 on failure (an exception may be pending). */
int register_hugepage_functions(napi_env env, napi_value exports);
/* Adds antiKt(f64, i32, cap, n, nGroups, invR2) to exports; 0 on failure. */
int register_antikt_functions(napi_env env, napi_value exports);

#endif
