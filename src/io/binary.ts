import { readFileSync } from 'node:fs';

/** Reads a little-endian float32 file into an aligned Float32Array (a Buffer's own memory may be unaligned). */
export function readFloat32File(path: string): Float32Array {
  const bytes = readFileSync(path);
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`${path}: ${bytes.byteLength} bytes is not a whole number of float32 values`);
  const out = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
