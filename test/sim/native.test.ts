import { describe, expect, it } from 'vitest';
import { nativeSimUnavailableReason } from '../../src/engine/native/index.js';
import { nativeSim, zeroedFloat64Array } from '../../src/sim/native.js';

/** Why the native tests are skipped here, or undefined when the addon's simulator functions load. */
const skipReason = nativeSimUnavailableReason();
if (skipReason !== undefined) console.warn(`test/sim/native.test.ts: native simulator functions skipped: ${skipReason}`);

describe('native simulator functions', () => {
  it('zeroedFloat64Array(length) gives zeros, big or small, with or without the addon', () => {
    for (const length of [10, 1 << 18, 3_000_001]) {
      const a = zeroedFloat64Array(length);
      expect(a.length).toBe(length);
      expect(a[0]).toBe(0);
      expect(a[length - 1]).toBe(0);
      a[length - 1] = 1.5;
      expect(a[length - 1]).toBe(1.5);
    }
  });

  it.skipIf(skipReason !== undefined)('allocZeroed(bytes) gives an ArrayBuffer of exactly that many zero bytes', () => {
    const buffer = nativeSim()!.allocZeroed(5_000_003);
    expect(buffer.byteLength).toBe(5_000_003);
    const bytes = new Uint8Array(buffer);
    expect(bytes.every((b) => b === 0)).toBe(true);
    expect(() => nativeSim()!.allocZeroed(0)).toThrow(RangeError);
  });
});
