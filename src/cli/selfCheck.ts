import type { SelfCheck } from '../ansatz/selfCheck.js';
import { say, type Output } from './output.js';

/** The self-check as `--json` prints it: passed, and every check with its value and allowed range. */
export function selfCheckRecord(c: SelfCheck): Record<string, unknown> {
  return {
    passed: c.passed, rows: c.rows,
    checks: c.checks.map((k) => ({ name: k.name, value: k.value, expected: k.expected, passed: k.passed })),
    coverage_curve: c.coverageCurve,
  };
}

/**
 * The plain verdict for people: one line when everything passed; otherwise a warning that
 * names each failed check and says what to try.
 */
export function sayVerdict(o: Output, c: SelfCheck, where: string): void {
  if (c.passed) {
    say(
      o,
      `self-check on ${where} (${c.rows} rows): passed (${c.checks.length} checks: pulls, coverage, ` +
        `expected coverage, D, plateau)`,
    );
    return;
  }
  const failed = c.checks.filter((k) => !k.passed);
  say(o, `warning: self-check on ${where} (${c.rows} rows) FAILED ${failed.length} of ${c.checks.length} checks:`);
  for (const k of failed.slice(0, 12)) say(o, `  ${k.name}: ${formatValue(k.value)}, expected ${k.expected}`);
  if (failed.length > 12) say(o, `  … and ${failed.length - 12} more (--json lists them all)`);
  for (const a of c.advice) say(o, `  try: ${a}`);
}

function formatValue(v: number): string {
  return Number.isFinite(v) ? (Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(2) : v.toFixed(4)) : String(v);
}
