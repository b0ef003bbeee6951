import { AnsatzError, InputError } from '../errors.js';

/** How a command talks: human lines on stderr, JSON lines on stdout with --json, nothing but errors with --quiet. */
export interface Output {
  json: boolean;
  quiet: boolean;
}

/** A progress or status line for people (stderr, so stdout stays clean for data). */
export function say(out: Output, line: string): void {
  if (!out.quiet && !out.json) process.stderr.write(`${line}\n`);
}

/** A machine-readable record (stdout, one JSON object per line) when --json is on. */
export function emit(out: Output, record: Record<string, unknown>): void {
  if (out.json) process.stdout.write(`${JSON.stringify(record)}\n`);
}

/** Formats seconds as 1h02m, 3m05s or 12s. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * Prints an error the way users need it: expected errors (AnsatzError) as message and hint
 * without a stack; anything else with its stack, since it is a bug. Sets a non-zero exit code.
 */
export function reportError(err: unknown): void {
  if (err instanceof AnsatzError) {
    process.stderr.write(`ansatz: error: ${err.message}\n`);
    if (err.hint) process.stderr.write(`  hint: ${err.hint}\n`);
  } else {
    process.stderr.write(`ansatz: unexpected error (please report it):\n${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exitCode = 1;
}

/** Splits a comma-separated list of names or numbers. */
export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** An integer flag (as commander hands it over) that must be ≥ `min`; undefined when not given. */
export function integerFlag(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isInteger(v) || v < min) throw new InputError(`--${flag} must be an integer ≥ ${min}; got '${text}'`);
  return v;
}
