import type { ModData } from '../../src/io/mod/layout.js';

/**
 * Where two MOD files in memory differ ('' if nowhere): cols, row counts, filenames, then the bytes
 * of every array. expect(a).toEqual(b) compares typed arrays element by element through the
 * matcher's generic equality, which takes seconds for a few thousand simulated events.
 */
export function modDifference(a: ModData, b: ModData): string {
  const bytes = (v: Float64Array | BigInt64Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  for (const key of ['jetsI', 'jetsF', 'pfcs', 'gens'] as const) {
    if (a[key].cols.join() !== b[key].cols.join()) return `${key}.cols: [${a[key].cols.join(', ')}] vs [${b[key].cols.join(', ')}]`;
    if (a[key].rows !== b[key].rows) return `${key}.rows: ${a[key].rows} vs ${b[key].rows}`;
    if (!bytes(a[key].data).equals(bytes(b[key].data))) return `${key}.data`;
  }
  for (const key of ['pfcsIndex', 'gensIndex'] as const) if (!bytes(a[key]).equals(bytes(b[key]))) return key;
  if (a.filenames.join('\n') !== b.filenames.join('\n')) return 'filenames';
  return '';
}
