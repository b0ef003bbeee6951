export { loadWasmKernels, type WasmLoadOptions } from './load.js';
