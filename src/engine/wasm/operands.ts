import type { WasmArena } from './arena.js';
import { checkLength } from '../kernelArgs.js';

/** One array argument of a kernel call: how many floats the kernel touches and in which direction. */
export interface Operand {
  readonly name: string;
  readonly array: Float32Array;
  readonly length: number;
  readonly read: boolean;
  readonly written: boolean;
}

/** Byte addresses of a call's operands and its work space inside the arena's memory. */
export interface Bound {
  readonly addresses: number[];
  readonly scratchAt: number;
  /** Copies written operands that live outside the memory back to their arrays. */
  release(): void;
}

const ALIGN_FLOATS = 16;

/**
 * Places a call's operands in wasm memory: arrays from the arena's `alloc` are used in place; any
 * other Float32Array is copied into the scratch region (if read) and back out (if written).
 * Throws a RangeError naming the operand when an array is shorter than the kernel needs.
 */
export function bindOperands(arena: WasmArena, scratchFloats: number, operands: readonly Operand[]): Bound {
  let foreignFloats = 0;
  const addresses: number[] = [];
  for (const op of operands) {
    checkLength(op.name, op.array, op.length);
    const at = arena.addressOf(op.array);
    addresses.push(at);
    if (at < 0) foreignFloats += Math.ceil(op.length / ALIGN_FLOATS) * ALIGN_FLOATS;
  }
  const workFloats = Math.ceil(scratchFloats / ALIGN_FLOATS) * ALIGN_FLOATS;
  const scratchAt = arena.scratch((workFloats + foreignFloats) * 4);
  const heap = arena.view();
  let nextFloat = scratchAt / 4 + workFloats;
  const copies: { op: Operand; atFloat: number }[] = [];
  operands.forEach((op, i) => {
    if (addresses[i]! >= 0) return;
    addresses[i] = nextFloat * 4;
    if (op.read) heap.set(op.array.subarray(0, op.length), nextFloat);
    if (op.written) copies.push({ op, atFloat: nextFloat });
    nextFloat += Math.ceil(op.length / ALIGN_FLOATS) * ALIGN_FLOATS;
  });
  return {
    addresses,
    scratchAt,
    release: () => {
      for (const { op, atFloat } of copies) op.array.set(heap.subarray(atFloat, atFloat + op.length));
    },
  };
}
