import { WASM_PAGE_BYTES, type WasmMemory } from './wasmApi.js';

/** Byte alignment of allocations: one cache line, so SIMD rows never straddle two needlessly. */
const ALIGN_BYTES = 64;

const alignUp = (bytes: number, to: number): number => Math.ceil(bytes / to) * to;

/**
 * A bump allocator over one shared WebAssembly memory. Growing a shared memory never detaches
 * the views handed out before, so every array from `alloc` stays valid for the arena's lifetime
 * (nothing is freed). A reusable scratch region serves kernel work space and copies of arrays
 * that live outside the memory.
 */
export class WasmArena {
  private readonly buffers = new Set<ArrayBufferLike>();
  private heap: Float32Array;
  private topBytes: number;
  private scratchAtBytes = 0;
  private scratchBytes = 0;

  constructor(private readonly memory: WasmMemory, heapBaseBytes: number) {
    this.heap = this.refresh();
    this.topBytes = alignUp(heapBaseBytes, ALIGN_BYTES);
  }

  /** A zero-filled Float32Array of `length` floats inside the memory. */
  alloc(length: number): Float32Array {
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`alloc(length) needs a non-negative integer length. Got ${length} instead.`);
    const at = this.reserve(length * 4);
    return new Float32Array(this.heap.buffer, at, length);
  }

  /** The byte address of `array` inside the memory, or −1 when it lives elsewhere. */
  addressOf(array: Float32Array): number {
    return this.buffers.has(array.buffer) ? array.byteOffset : -1;
  }

  /** The byte address of a scratch region of at least `bytes`, reused (and overwritten) by every call. */
  scratch(bytes: number): number {
    if (bytes > this.scratchBytes) {
      const size = Math.max(alignUp(bytes, ALIGN_BYTES), 2 * this.scratchBytes);
      this.scratchAtBytes = this.reserve(size);
      this.scratchBytes = size;
    }
    return this.scratchAtBytes;
  }

  /** A view of the whole memory as it is now (after any growth). */
  view(): Float32Array {
    return this.heap;
  }

  private reserve(bytes: number): number {
    const at = this.topBytes;
    const end = at + alignUp(bytes, ALIGN_BYTES);
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / WASM_PAGE_BYTES);
      try {
        this.memory.grow(Math.max(pages, Math.ceil(have / WASM_PAGE_BYTES / 4)));
      } catch {
        this.memory.grow(pages);
      }
      this.heap = this.refresh();
    }
    this.topBytes = end;
    return at;
  }

  private refresh(): Float32Array {
    const buffer = this.memory.buffer;
    this.buffers.add(buffer);
    return new Float32Array(buffer);
  }
}
