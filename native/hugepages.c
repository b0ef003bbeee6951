/*
 * Transparent huge pages for the simulator's big row stores (THP here is in `madvise` mode: only
 * regions that ask get them). Writing fresh memory costs a page fault per 4 KiB page, ~11 µs each
 * on the VMs ansatz runs on; one 2 MiB page replaces 512 of them.
 *
 * The buffer stays an ordinary V8 ArrayBuffer (allocated by Node, freed by V8's GC without waiting
 * for the event loop, so a run's memory is recycled by the next one); this only advises the kernel
 * and says where its first 2 MiB boundary lies, for the caller to start its array there.
 */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include "sim.h"

#define HUGE_PAGE ((uintptr_t)2 << 20)

/* adviseHugePages(buffer): madvise(MADV_HUGEPAGE) on the whole 2 MiB pages inside buffer; returns the byte offset of the first. */
static napi_value js_advise_huge_pages(napi_env env, napi_callback_info info) {
  size_t argc = 1, length;
  napi_value argv[1], result;
  void *data;
  bool is_buffer;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1 ||
      napi_is_arraybuffer(env, argv[0], &is_buffer) != napi_ok || !is_buffer ||
      napi_get_arraybuffer_info(env, argv[0], &data, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "ansatz adviseHugePages: expected an ArrayBuffer");
    return NULL;
  }
  uintptr_t start = (uintptr_t)data, end = start + length;
  uintptr_t first = (start + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1), last = end & ~(HUGE_PAGE - 1);
#ifdef MADV_HUGEPAGE
  if (data != NULL && last > first) madvise((void *)first, last - first, MADV_HUGEPAGE); /* advice only: without THP, ordinary pages */
#endif
  double offset = data != NULL && first <= end ? (double)(first - start) : 0;
  if (napi_create_double(env, offset, &result) != napi_ok) return NULL;
  return result;
}

int register_hugepage_functions(napi_env env, napi_value exports) {
  napi_value fn;
  return napi_create_function(env, "adviseHugePages", NAPI_AUTO_LENGTH, js_advise_huge_pages, NULL, &fn) == napi_ok &&
         napi_set_named_property(env, exports, "adviseHugePages", fn) == napi_ok;
}
