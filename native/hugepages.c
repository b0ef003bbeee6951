/*
 * Zeroed memory for the simulator's big row stores, backed by transparent huge pages where the
 * kernel allows them (THP in `madvise` mode only gives them to regions that ask). Writing fresh
 * memory costs a page fault per 4 KiB page; one 2 MiB page replaces 512 of them.
 */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "sim.h"

#define HUGE_PAGE (2u << 20)

typedef struct {
  void *base;
  size_t length;
} Mapping;

static void unmap(napi_env env, void *data, void *hint) {
  (void)env;
  (void)data;
  Mapping *m = hint;
  munmap(m->base, m->length);
  free(m);
}

/* Maps `bytes` rounded up to whole huge pages, on a huge-page boundary (an unaligned region would start and end with small pages). */
static int map_huge(size_t bytes, Mapping *m) {
  size_t usable = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
  size_t length = usable + HUGE_PAGE;
  uint8_t *raw = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return 0;
  uint8_t *aligned = (uint8_t *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
  if (aligned > raw) munmap(raw, (size_t)(aligned - raw));
  size_t tail = (size_t)(raw + length - (aligned + usable));
  if (tail > 0) munmap(aligned + usable, tail);
#ifdef MADV_HUGEPAGE
  madvise(aligned, usable, MADV_HUGEPAGE); /* advice only: without THP these are ordinary pages */
#endif
  m->base = aligned;
  m->length = usable;
  return 1;
}

/* allocZeroed(bytes): a zero-filled ArrayBuffer of `bytes` bytes on huge pages where available. */
static napi_value js_alloc_zeroed(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  double requested;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1 ||
      napi_get_value_double(env, argv[0], &requested) != napi_ok) {
    napi_throw_type_error(env, NULL, "ansatz allocZeroed: expected a byte count");
    return NULL;
  }
  if (!(requested >= 1 && requested <= (double)(SIZE_MAX / 2))) {
    napi_throw_range_error(env, NULL, "ansatz allocZeroed: the byte count must be positive");
    return NULL;
  }
  size_t bytes = (size_t)requested;
  Mapping *record = malloc(sizeof *record);
  if (record == NULL || !map_huge(bytes, record)) {
    free(record);
    napi_throw_error(env, NULL, "ansatz allocZeroed: out of memory");
    return NULL;
  }
  if (napi_create_external_arraybuffer(env, record->base, bytes, unmap, record, &result) != napi_ok) {
    munmap(record->base, record->length);
    free(record);
    return NULL;
  }
  return result;
}

int register_hugepage_functions(napi_env env, napi_value exports) {
  napi_value fn;
  return napi_create_function(env, "allocZeroed", NAPI_AUTO_LENGTH, js_alloc_zeroed, NULL, &fn) == napi_ok &&
         napi_set_named_property(env, exports, "allocZeroed", fn) == napi_ok;
}
