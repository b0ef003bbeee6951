import type { Kernels } from '../../src/engine/kernels.js';
import { loadNativeKernels } from '../../src/engine/native/index.js';
import { loadWasmKernels } from '../../src/engine/wasm/index.js';

/** A compiled backend that the kernel tests hold against jsKernels. */
export interface CompiledBackend {
  label: string;
  /** undefined where it does not load (only the native one may be missing: see nativeBackend.test.ts). */
  kernels: Kernels | undefined;
  name: RegExp;
}

export const COMPILED_BACKENDS: CompiledBackend[] = [
  { label: 'wasm, FMA build', kernels: loadWasmKernels({ fma: true }), name: /^wasm-simd(-fma)?$/ },
  { label: 'wasm, plain SIMD build', kernels: loadWasmKernels({ fma: false }), name: /^wasm-simd$/ },
  { label: 'native AVX2 + FMA', kernels: loadNativeKernels(), name: /^native-avx2$/ },
];
