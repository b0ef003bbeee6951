import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Kernels } from '../kernels.js';
import { nativeKernels, type NativeAddon, type NativeSimAddon } from './nativeKernels.js';

/**
 * Where scripts/build-native.mjs puts the addon: build/native/ at the package root, three folders
 * up from this file both in src/engine/native/ and in dist/engine/native/.
 */
export const NATIVE_ADDON_PATH = fileURLToPath(new URL('../../../build/native/ansatz_kernels.node', import.meta.url));

/** Why the addon did not load (undefined when it did); set by loadModule. */
let moduleUnavailableReason: string | undefined;
let loadedModule: (NativeAddon & Partial<NativeSimAddon>) | null | undefined;

function loadModule(): (NativeAddon & Partial<NativeSimAddon>) | null {
  if (loadedModule !== undefined) return loadedModule;
  loadedModule = null;
  if (process.env['ANSATZ_NATIVE'] === '0') {
    moduleUnavailableReason = 'disabled by ANSATZ_NATIVE=0';
  } else if (!existsSync(NATIVE_ADDON_PATH)) {
    moduleUnavailableReason = `not built (no ${NATIVE_ADDON_PATH}; run \`node scripts/build-native.mjs\`, which needs a C compiler and Node's headers)`;
  } else {
    try {
      loadedModule = createRequire(import.meta.url)(NATIVE_ADDON_PATH) as NativeAddon & Partial<NativeSimAddon>;
    } catch (e) {
      moduleUnavailableReason = `the addon did not load: ${(e as Error).message}`;
    }
  }
  return loadedModule;
}

/** The addon when its GEMM kernels can run here (AVX2 + FMA), else null. */
function loadAddon(): NativeAddon | null {
  const loaded = loadModule();
  return loaded?.supported ? loaded : null;
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
  const loaded = loadModule();
  if (!loaded) return moduleUnavailableReason;
  return loaded.supported ? undefined : 'this CPU lacks AVX2 or FMA';
}

/**
 * The simulator's native functions (huge-page row stores, anti-kT), or undefined where the addon
 * is not built, does not load, or predates them; they need no AVX2. `nativeSimUnavailableReason()` says why.
 */
export function loadNativeSim(): NativeSimAddon | undefined {
  const loaded = loadModule();
  return loaded && hasSimFunctions(loaded) ? loaded : undefined;
}

/** Why loadNativeSim() returns undefined on this machine, or undefined when it loads. */
export function nativeSimUnavailableReason(): string | undefined {
  const loaded = loadModule();
  if (!loaded) return moduleUnavailableReason;
  return hasSimFunctions(loaded) ? undefined : 'the addon predates the simulator functions (rebuild it: `node scripts/build-native.mjs`)';
}

function hasSimFunctions(a: Partial<NativeSimAddon>): a is NativeSimAddon {
  return typeof a.antiKt === 'function' && typeof a.adviseHugePages === 'function';
}
