import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Kernels } from '../kernels.js';
import { nativeKernels, type NativeAddon } from './nativeKernels.js';

/**
 * Where scripts/build-native.mjs puts the addon: build/native/ at the package root, three folders
 * up from this file both in src/engine/native/ and in dist/engine/native/.
 */
export const NATIVE_ADDON_PATH = fileURLToPath(new URL('../../../build/native/ansatz_kernels.node', import.meta.url));

/** Why the native backend is not available here (undefined when it is); set by loadNativeKernels. */
let unavailableReason: string | undefined;
let addon: NativeAddon | null | undefined;

function loadAddon(): NativeAddon | null {
  if (addon !== undefined) return addon;
  addon = null;
  if (process.env['ANSATZ_NATIVE'] === '0') {
    unavailableReason = 'disabled by ANSATZ_NATIVE=0';
  } else if (!existsSync(NATIVE_ADDON_PATH)) {
    unavailableReason = `not built (no ${NATIVE_ADDON_PATH}; run \`node scripts/build-native.mjs\`, which needs a C compiler and Node's headers)`;
  } else {
    try {
      const loaded = createRequire(import.meta.url)(NATIVE_ADDON_PATH) as NativeAddon;
      if (loaded.supported) addon = loaded;
      else unavailableReason = 'this CPU lacks AVX2 or FMA';
    } catch (e) {
      unavailableReason = `the addon did not load: ${(e as Error).message}`;
    }
  }
  return addon;
}

/**
 * The native backend (AVX2 + FMA kernels through N-API), or undefined where the addon was not
 * built, does not load, or the CPU lacks the instructions; `nativeUnavailableReason()` says which.
 */
export function loadNativeKernels(): Kernels | undefined {
  const a = loadAddon();
  return a ? nativeKernels(a) : undefined;
}

/** Why loadNativeKernels() returns undefined on this machine, or undefined when it loads. */
export function nativeUnavailableReason(): string | undefined {
  loadAddon();
  return unavailableReason;
}
