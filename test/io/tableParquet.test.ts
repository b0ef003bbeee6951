import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetReadObjects } from 'hyparquet';
import { readTable } from '../../src/io/index.js';
import { InputError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ansatz-pq-'));

type Columns = Parameters<typeof parquetWriteBuffer>[0]['columnData'];

function parquetFile(name: string, columnData: Columns, rowGroupSize?: number): string {
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize })));
  return path;
}

describe('readTable(f.parquet) column types', () => {
  const n = 2500;
  const ints = Array.from({ length: n }, (_, i) => (i * 7919) % 1000 - 500);
  const path = parquetFile(
    'types.parquet',
    [
      { name: 'i32', data: Int32Array.from(ints), type: 'INT32' },
      { name: 'i64', data: BigInt64Array.from(ints, (v) => BigInt(v) * 1_000_000_000n), type: 'INT64' },
      { name: 'f32', data: Float32Array.from(ints, (v) => v / 3), type: 'FLOAT' },
      { name: 'f64', data: Float64Array.from(ints, (v) => v / 3), type: 'DOUBLE' },
      { name: 'rep', data: Float64Array.from(ints, (v) => (v % 3) * 0.5 + 0), type: 'DOUBLE' },
    ],
    1000, // three row groups, so values cross group boundaries
  );

  it('readTable(f.parquet) converts INT32, INT64, FLOAT and DOUBLE to the exact float64 values', () => {
    const t = readTable(path);
    expect(t.rows).toBe(n);
    for (let i = 0; i < n; i++) {
      const v = ints[i]!;
      expect(t.columns.i32![i]).toBe(v);
      expect(t.columns.i64![i]).toBe(v * 1e9);
      expect(t.columns.f32![i]).toBe(Math.fround(v / 3));
      expect(t.columns.f64![i]).toBe(v / 3);
      expect(t.columns.rep![i]).toBe((v % 3) * 0.5 + 0);
    }
  });

  it("readTable(f.parquet) agrees with hyparquet's own asynchronous reader on every row", async () => {
    const rows = await parquetReadObjects({ file: new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(path))).buffer });
    const t = readTable(path);
    expect(rows.length).toBe(n);
    rows.forEach((row, i) => {
      expect(t.columns.f64![i]).toBe(row.f64);
      expect(t.columns.rep![i]).toBe(row.rep);
      expect(t.columns.i64![i]).toBe(Number(row.i64));
    });
  });
});

describe('readTable(f.parquet) bad values', () => {
  it('readTable(f.parquet) names column and row of a null', () => {
    const path = parquetFile('null.parquet', [{ name: 'x', data: [1, 2, null, 4], type: 'DOUBLE', nullable: true }]);
    const err = (() => {
      try {
        readTable(path);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an error');
    })();
    expect(err).toBeInstanceOf(InputError);
    expect([err.file, err.column, err.row]).toEqual([path, 'x', 3]);
    expect(err.message).toMatch(/null/);
  });

  it('readTable(f.parquet) names cell text, column and row of a non-numeric string', () => {
    const path = parquetFile('text.parquet', [
      { name: 'x', data: [1, 2], type: 'DOUBLE' },
      { name: 's', data: ['1.5', 'abc'], type: 'STRING' },
    ]);
    expect(() => readTable(path)).toThrow(/Non-numeric cell "abc".*column 's', row 2/);
    expect(Array.from(readTable(path, { columns: ['x'] }).columns.x!)).toEqual([1, 2]);
  });
});
