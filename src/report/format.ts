/** Number formatting for report tables: missing values (null, NaN, from JSON) show as "–". */

const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `v` with `digits` decimals. */
export const fixed = (v: number | null | undefined, digits = 1): string => (ok(v) ? v.toFixed(digits) : '–');

/** `a ± b`. */
export const pm = (a: number | null | undefined, b: number | null | undefined, digits = 1): string => (ok(a) ? `${a.toFixed(digits)} ± ${fixed(b, digits)}` : '–');

/** A fraction as per cent. */
export const pct = (v: number | null | undefined, digits = 1): string => (ok(v) ? `${(100 * v).toFixed(digits)} %` : '–');

/** Seconds, rounded for people. */
export const seconds = (v: number | null | undefined): string => (ok(v) ? (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3)) : '–');

/** A general number: 4 significant digits, exponent notation when very large or small. */
export const num = (v: number | null | undefined): string => (ok(v) ? (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) ? v.toExponential(3) : String(Number(v.toPrecision(4)))) : '–');

/** A plot or anchor name: lower case, [a-z0-9-]. */
export const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
