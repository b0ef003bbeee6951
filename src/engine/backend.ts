import { jsKernels } from './jsKernels.js';
import type { Kernels } from './kernels.js';
import { loadNativeKernels } from './native/index.js';
import { loadWasmKernels } from './wasm/index.js';

/**
 * Backends by name, slowest first: plain JavaScript, WebAssembly SIMD, native AVX2 + FMA (an addon
 * built at install where a C compiler is present). 'auto' picks the fastest one that loads here.
 */
export type BackendName = 'auto' | 'js' | 'wasm' | 'native';
export const BACKEND_NAMES: readonly BackendName[] = ['auto', 'js', 'wasm', 'native'];

type Loader = () => Kernels | undefined;
const loaders = new Map<Exclude<BackendName, 'auto'>, Loader>([
  ['js', () => jsKernels],
  ['wasm', () => loadWasmKernels()],
  ['native', () => loadNativeKernels()],
]);

/** Registers a backend loader (returns undefined when it cannot load here). */
export function registerBackend(name: Exclude<BackendName, 'auto'>, loader: Loader): void {
  loaders.set(name, loader);
}

/**
 * Loads a compute backend. 'auto' tries native, then WebAssembly, then plain JavaScript; a named
 * backend that cannot load here throws, naming the ones that can.
 */
export function loadKernels(name: BackendName = 'auto'): Kernels {
  if (name === 'auto') {
    for (const candidate of ['native', 'wasm', 'js'] as const) {
      const k = loaders.get(candidate)?.();
      if (k) return k;
    }
    return jsKernels;
  }
  const loader = loaders.get(name);
  const kernels = loader?.();
  if (!kernels) {
    const usable = [...loaders.entries()].filter(([, l]) => l() !== undefined).map(([n]) => n);
    throw new RangeError(`Backend "${name}" cannot load on this machine. Should be one of: ${usable.join(', ')}.`);
  }
  return kernels;
}
