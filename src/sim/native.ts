/** The simulator's use of the native addon (native/hugepages.c, native/antikt.c); everything has a JS fallback. */
import { loadNativeSim, type NativeSimAddon } from '../engine/native/index.js';

let addon: NativeSimAddon | null | undefined;

/** The addon's simulator functions, or undefined where it is not built or ANSATZ_NATIVE=0. */
export function nativeSim(): NativeSimAddon | undefined {
  if (addon === undefined) addon = loadNativeSim() ?? null;
  return addon ?? undefined;
}

/** Below this size a huge page would mostly hold nothing; plain arrays are as good. */
const HUGE_PAGE_MIN_BYTES = 1 << 19;

/**
 * A zero-filled Float64Array of `length` elements. Big ones come from the addon, on transparent
 * huge pages where the kernel gives them: writing fresh memory costs a page fault per 4 KiB page
 * (~12 µs each on a VM), one 2 MiB page replaces 512 of them.
 */
export function zeroedFloat64Array(length: number): Float64Array {
  const bytes = 8 * length;
  const native = bytes >= HUGE_PAGE_MIN_BYTES ? nativeSim() : undefined;
  return native ? new Float64Array(native.allocZeroed(bytes)) : new Float64Array(length);
}
