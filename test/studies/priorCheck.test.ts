import { describe, expect, it } from 'vitest';
import { parseReweight } from '../../src/studies/priorCheck.js';
import { InputError } from '../../src/errors.js';

describe('parseReweight(spec)', () => {
  const z = Float64Array.from([0.5, 1, 2, 4]);
  it("parseReweight('gauss:1:0.5') weighs z by N(z; 1, 0.5) up to a constant", () => {
    const w = parseReweight('gauss:1:0.5')(z);
    expect(w[1]).toBeCloseTo(1, 12);
    expect(w[2]! / w[1]!).toBeCloseTo(Math.exp(-2), 12);
  });
  it("parseReweight('power:2') weighs z by z⁻²", () => {
    expect(Array.from(parseReweight('power:2')(z))).toEqual([4, 1, 0.25, 1 / 16]);
  });
  it("parseReweight('flat') makes the weighted histogram of z flat", () => {
    const sample = Float64Array.from({ length: 1000 }, (_, i) => Math.sqrt(i / 1000));
    const w = parseReweight('flat')(sample);
    const halves = [0, 0];
    sample.forEach((v, i) => (halves[v < 0.5 ? 0 : 1]! += w[i]!));
    expect(halves[0]! / halves[1]!).toBeCloseTo(1, 1);
  });
  it("parseReweight('column:w') takes the weights from a column", () => {
    const col = Float64Array.from([1, 2, 3, 4]);
    expect(parseReweight('column:w')(z, () => col)).toBe(col);
  });
  it('parseReweight(spec) names the accepted forms for an unknown spec', () => {
    expect(() => parseReweight('lorentz:1')).toThrow(InputError);
    expect(() => parseReweight('gauss:1')).toThrow(/gauss:MEAN:SIGMA/);
  });
});
