import { setFlagsFromString } from 'node:v8';
import type { Kernels } from '../kernels.js';
import { WasmArena } from './arena.js';
import { WASM_SIMD_BASE64, WASM_SIMD_FMA_BASE64 } from './binary.js';
import { webAssemblyApi, type WasmApi, type WasmModule } from './wasmApi.js';
import { wasmKernels } from './wasmKernels.js';

/** Pages the memory starts with (the module's 64 KiB stack sits at the bottom); it grows on demand. */
const INITIAL_PAGES = 32;
/** 4 GiB, the wasm32 limit: a shared memory reserves its maximum as address space, not as RAM. */
const MAXIMUM_PAGES = 65536;

export interface WasmLoadOptions {
  /** Use the relaxed-SIMD FMA build when the runtime accepts it (default true). */
  fma?: boolean;
}

interface Compiled {
  readonly name: 'wasm-simd-fma' | 'wasm-simd';
  readonly module: WasmModule;
}

const compiledByVariant = new Map<boolean, Compiled | null>();

function decode(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** Node 20 keeps relaxed SIMD behind a V8 flag; setting it before compiling makes it validate. */
function enableRelaxedSimd(): void {
  try {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    // A runtime without V8 flags: validation below decides.
  }
}

function compile(api: WasmApi, fma: boolean): Compiled | null {
  const cached = compiledByVariant.get(fma);
  if (cached !== undefined) return cached;
  if (fma) enableRelaxedSimd();
  const candidates: Compiled['name'][] = fma ? ['wasm-simd-fma', 'wasm-simd'] : ['wasm-simd'];
  let found: Compiled | null = null;
  for (const name of candidates) {
    const bytes = decode(name === 'wasm-simd-fma' ? WASM_SIMD_FMA_BASE64 : WASM_SIMD_BASE64);
    if (api.validate(bytes)) {
      found = { name, module: new api.Module(bytes) };
      break;
    }
  }
  compiledByVariant.set(fma, found);
  return found;
}

/**
 * A fresh WebAssembly SIMD backend (its own memory, so its arrays live as long as it does), or
 * undefined where WebAssembly SIMD or shared memory is unavailable. The module is compiled once
 * per thread; loading is synchronous.
 */
export function loadWasmKernels(options: WasmLoadOptions = {}): Kernels | undefined {
  const api = webAssemblyApi();
  if (!api) return undefined;
  try {
    const compiled = compile(api, options.fma ?? true);
    if (!compiled) return undefined;
    const memory = new api.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
    const instance = new api.Instance(compiled.module, { env: { memory } });
    const heapBase = instance.exports['__heap_base'] as { value: number };
    return wasmKernels(compiled.name, instance, new WasmArena(memory, heapBase.value));
  } catch {
    return undefined;
  }
}
