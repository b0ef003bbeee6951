import type { Activation } from './kernels.js';

/** Activation codes shared by the compiled kernels (kernels/common.h, native/kernels.c). */
export const ACTIVATION_CODES: Record<Activation, number> = { linear: 0, relu: 1, leakyRelu: 2, softplus: 3 };

/** Flag bits of the compiled gemm: a stored k×m, b stored n×k, c accumulated. */
export const GEMM_TRANS_A = 1;
export const GEMM_TRANS_B = 2;
export const GEMM_ACCUMULATE = 4;

export function activationCode(act: Activation): number {
  const code = ACTIVATION_CODES[act];
  if (code === undefined) {
    throw new RangeError(`Unsupported activation: "${String(act)}". Should be one of: ${Object.keys(ACTIVATION_CODES).join(', ')}.`);
  }
  return code;
}

export function checkDims(dims: Record<string, number>): void {
  for (const [name, value] of Object.entries(dims)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`The ${name} dimension must be a non-negative integer. Got ${value} instead.`);
  }
}

/** Throws a RangeError naming the operand when `array` holds fewer than `length` floats. */
export function checkLength(name: string, array: Float32Array, length: number): void {
  if (array.length < length) throw new RangeError(`The ${name} array must hold at least ${length} floats. Got ${array.length} instead.`);
}
