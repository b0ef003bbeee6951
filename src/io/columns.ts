import { InputError } from '../errors.js';

/**
 * The columns to read: `requested` (deduplicated, in the order given) or, when absent, every
 * column in file order. A requested name missing from the file throws an InputError that lists
 * the available ones.
 */
export function resolveColumns(available: readonly string[], requested: readonly string[] | undefined, file: string): string[] {
  if (requested === undefined) return [...available];
  const have = new Set(available);
  const wanted = [...new Set(requested)];
  for (const name of wanted) {
    if (!have.has(name)) {
      throw new InputError(
        `Column '${name}' not found; available columns: ${available.map((a) => `'${a}'`).join(', ')}`,
        { file, column: name },
        'Column names are case-sensitive; pass them comma-separated, e.g. --x pt,eta,phi.',
      );
    }
  }
  return wanted;
}

/** Rejects a header with empty or repeated column names (a table cannot hold both). */
export function checkHeader(names: readonly string[], file: string): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') throw new InputError(`Header field ${i + 1} is empty: every column needs a name`, { file, row: 0 });
    if (seen.has(name)) throw new InputError(`Column name '${name}' appears twice in the header`, { file, column: name });
    seen.add(name);
  });
}
