import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { wrapPhi } from '../../src/sim/kinematics.js';

const TWO_PI = 2 * Math.PI;
/** The plain definition wrapPhi's shortcuts must agree with, bit for bit. */
const byRemainder = (phi: number): number => { const w = phi % TWO_PI; return w < 0 ? w + TWO_PI : w; };

/** The next double after x towards +∞ (finite, non-zero x). */
function nextUp(x: number): number {
  const f = new Float64Array([x]), u = new BigInt64Array(f.buffer);
  u[0]! += x > 0 ? 1n : -1n;
  return f[0]!;
}

describe('wrapPhi', () => {
  it('wrapPhi(φ) is bit-identical to ((φ % 2π) + 2π if negative) at the turn boundaries and on random angles', () => {
    const values = [0, -0, NaN, Infinity, -Infinity, 1e-300, -1e-300, 1e20, -1e20];
    for (const b of [TWO_PI, -TWO_PI, 2 * TWO_PI, -2 * TWO_PI, Math.PI, -Math.PI]) values.push(b, nextUp(b), -nextUp(-b));
    const rng = new Rng(3);
    for (let i = 0; i < 100000; i++) values.push(rng.uniformIn(-5 * Math.PI, 5 * Math.PI));
    for (const v of values) if (!Object.is(wrapPhi(v), byRemainder(v))) expect.fail(`wrapPhi(${v}) = ${wrapPhi(v)}, expected ${byRemainder(v)}`);
  });
});
