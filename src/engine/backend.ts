import { jsKernels } from './jsKernels.js';
import type { Kernels } from './kernels.js';
import { loadWasmKernels } from './wasm/index.js';

/** Backends by name. 'auto' picks the fastest one that loads on this machine. */
export type BackendName = 'auto' | 'js' | 'wasm';
export const BACKEND_NAMES: readonly BackendName[] = ['auto', 'js', 'wasm'];

type Loader = () => Kernels | undefined;
const loaders = new Map<Exclude<BackendName, 'auto'>, Loader>([
  ['js', () => jsKernels],
  ['wasm', () => loadWasmKernels()],
]);

/** Registers a backend loader (returns undefined when it cannot load here). Used by the WebAssembly backend. */
export function registerBackend(name: Exclude<BackendName, 'auto'>, loader: Loader): void {
  loaders.set(name, loader);
}

/**
 * Loads a compute backend. 'auto' tries WebAssembly first, then plain JavaScript; a named
 * backend that cannot load here throws, naming the ones that can.
 */
export function loadKernels(name: BackendName = 'auto'): Kernels {
  if (name === 'auto') {
    for (const candidate of ['wasm', 'js'] as const) {
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
