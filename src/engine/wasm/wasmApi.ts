/**
 * The slice of the WebAssembly JavaScript API this backend uses, typed locally: the project's
 * `lib` (ES2022, no DOM) does not declare the `WebAssembly` global, and declaring it globally
 * would clash with consumers whose `lib` does.
 */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  /** Grows by `deltaPages` of 64 KiB; returns the previous size in pages. */
  grow(deltaPages: number): number;
}

export interface WasmModule {
  readonly __brand?: 'WebAssembly.Module';
}

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

export interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
}

/** The global WebAssembly object, or undefined where the runtime has none. */
export function webAssemblyApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

/** Bytes of one WebAssembly page. */
export const WASM_PAGE_BYTES = 65536;
