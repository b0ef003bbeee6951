/** The numeric engine (subpath `ansatz/engine`): compute backends, seeded random numbers, stable scalar functions. */
export type { Activation, AdamStep, GemmOptions, Kernels } from './kernels.js';
export { LEAKY_SLOPE } from './kernels.js';
export { jsKernels } from './jsKernels.js';
export { loadKernels, registerBackend, BACKEND_NAMES, type BackendName } from './backend.js';
export { loadWasmKernels, type WasmLoadOptions } from './wasm/index.js';
export { loadNativeKernels, nativeUnavailableReason } from './native/index.js';
export { Rng } from './rng.js';
export { softplus, sigmoid } from './softplus.js';
