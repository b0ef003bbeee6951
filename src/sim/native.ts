/** The simulator's use of the native addon (native/hugepages.c, native/antikt.c); everything has a JS fallback. */
import { loadNativeSim, type NativeSimAddon } from '../engine/native/index.js';

/** The addon's simulator functions, or undefined where it is not built or ANSATZ_NATIVE=0 (loaded once, by loadNativeSim). */
export function nativeSim(): NativeSimAddon | undefined {
  return loadNativeSim();
}

const HUGE_PAGE_BYTES = 2 << 20;
/** Below this size a huge page would mostly hold nothing; plain arrays are as good. */
const HUGE_PAGE_MIN_BYTES = 1 << 19;

/**
 * A zero-filled Float64Array of `length` elements. Where the addon is loaded, a big one starts on
 * a 2 MiB boundary of a buffer advised to use transparent huge pages: writing fresh memory costs a
 * page fault per 4 KiB page (~11 µs each on this project's VMs), one 2 MiB page replaces 512 of
 * them. It is then a view at a byteOffset > 0 of a buffer 2 MiB longer (untouched address space).
 */
export function zeroedFloat64Array(length: number): Float64Array {
  const bytes = 8 * length;
  const native = bytes >= HUGE_PAGE_MIN_BYTES ? nativeSim() : undefined;
  if (native === undefined) return new Float64Array(length);
  const buffer = new ArrayBuffer(bytes + HUGE_PAGE_BYTES);
  return new Float64Array(buffer, native.adviseHugePages(buffer), length);
}
