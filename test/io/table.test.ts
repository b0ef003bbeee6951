import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTable, readTable, requireVaryingColumn, writeTable } from '../../src/io/index.js';
import { InputError, UnsupportedFormatError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ansatz-io-'));

/** Values that stress exact round-tripping: subnormals, extremes, -0, long mantissas. */
const tricky = [0.1, -0, 1 / 3, Math.PI * 1e300, 5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 2 ** 53 + 2, 1e21, 123456.789e-12];

function tableOfTricky() {
  // d repeats values (with -0 among them) so that a dictionary-encoding writer would merge -0 into 0.
  const d = Array.from({ length: tricky.length }, (_, i) => [0, -0, 1.5][i % 3]!);
  return makeTable({ a: tricky, b: tricky.map((v) => -v / 3), c: tricky.map((_, i) => i), d });
}

function expectSameBits(actual: Float64Array, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expect(Object.is(actual[i], expected[i])).toBe(true);
}

describe.each(['csv', 'parquet'])('writeTable/readTable round trip (%s)', (ext) => {
  it(`readTable(writeTable(path.${ext}, t)) returns every value bit for bit`, () => {
    const path = join(dir, `round.${ext}`);
    const t = tableOfTricky();
    writeTable(path, t);
    const back = readTable(path);
    expect(back.names).toEqual(['a', 'b', 'c', 'd']);
    expect(back.rows).toBe(t.rows);
    for (const n of t.names) expectSameBits(back.columns[n]!, t.columns[n]!);
  });

  it(`readTable(path.${ext}, {columns}) returns only those columns, in the requested order`, () => {
    const path = join(dir, `round.${ext}`);
    writeTable(path, tableOfTricky());
    const back = readTable(path, { columns: ['c', 'a'] });
    expect(back.names).toEqual(['c', 'a']);
    expect(Object.keys(back.columns).sort()).toEqual(['a', 'c']);
  });

  it(`readTable(path.${ext}, {columns: ['nope']}) names the file and column and lists the available ones`, () => {
    const path = join(dir, `round.${ext}`);
    writeTable(path, tableOfTricky());
    const err = catchError(() => readTable(path, { columns: ['a', 'nope'] }));
    expect(err).toBeInstanceOf(InputError);
    expect(err.file).toBe(path);
    expect(err.column).toBe('nope');
    expect(err.message).toContain(path);
    expect(err.message).toContain("'nope'");
    expect(err.message).toContain("available columns: 'a', 'b', 'c', 'd'");
  });
});

function catchError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    return err as InputError;
  }
  throw new Error('expected an error');
}

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readTable CSV errors', () => {
  it('readTable(missing.csv) says the file is not found', () => {
    const path = join(dir, 'does-not-exist.csv');
    const err = catchError(() => readTable(path));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/not found/);
    expect(err.file).toBe(path);
  });

  it('readTable(empty.csv) says the file is empty', () => {
    const err = catchError(() => readTable(csvFile('empty.csv', '')));
    expect(err.message).toMatch(/empty/);
    expect(err.message).toContain('empty.csv');
  });

  it('readTable(header-only.csv) says there are no data rows', () => {
    const err = catchError(() => readTable(csvFile('header.csv', 'x,z\n')));
    expect(err.message).toMatch(/no data rows/);
  });

  it('readTable(f.csv) names cell text, column and 1-based data row of a non-numeric cell', () => {
    const path = csvFile('text.csv', 'x,z\n1,2\n3,4\n5,abc\n');
    const err = catchError(() => readTable(path));
    expect(err).toBeInstanceOf(InputError);
    expect([err.file, err.column, err.row]).toEqual([path, 'z', 3]);
    expect(err.message).toContain('"abc"');
    expect(err.message).toContain("column 'z'");
    expect(err.message).toContain('row 3');
  });

  it('readTable(f.csv) rejects an empty cell and hexadecimal text (Number() would accept them)', () => {
    expect(catchError(() => readTable(csvFile('blank.csv', 'x,z\n1,\n'))).message).toMatch(/Empty cell.*column 'z'.*row 1/);
    expect(catchError(() => readTable(csvFile('hex.csv', 'x,z\n0x10,1\n'))).message).toMatch(/"0x10".*column 'x'.*row 1/);
  });

  it.each(['NaN', 'inf', '-Infinity', '1e999'])('readTable(f.csv, {columns}) rejects %s in a requested column', (cell) => {
    const path = csvFile('nan.csv', `x,z\n1,2\n${cell},3\n`);
    const err = catchError(() => readTable(path, { columns: ['x'] }));
    expect([err.file, err.column, err.row]).toEqual([path, 'x', 2]);
    expect(err.message).toMatch(/NaN\/Inf/);
  });

  it('readTable(f.csv, {columns}) ignores bad cells in columns that were not requested', () => {
    const t = readTable(csvFile('other.csv', 'x,junk\n1,NaN\n2,hello\n'), { columns: ['x'] });
    expect(Array.from(t.columns.x!)).toEqual([1, 2]);
  });

  it('readTable(f.csv) names the row and the missing column of a short (ragged) row', () => {
    const path = csvFile('short.csv', 'x,y,z\n1,2,3\n4,5\n');
    const err = catchError(() => readTable(path));
    expect([err.file, err.column, err.row]).toEqual([path, 'z', 2]);
    expect(err.message).toMatch(/2 fields but the header has 3/);
  });

  it('readTable(f.csv) names the row of a long (ragged) row', () => {
    const err = catchError(() => readTable(csvFile('long.csv', 'x,y\n1,2\n3,4\n5,6,7\n')));
    expect(err.row).toBe(3);
    expect(err.message).toMatch(/3 fields but the header has 2/);
  });

  it('readTable(f.csv) rejects a repeated header name', () => {
    expect(catchError(() => readTable(csvFile('dup.csv', 'x,x\n1,2\n'))).message).toMatch(/'x' appears twice/);
  });

  it('readTable(f.csv) accepts a BOM, CRLF line ends, quotes and blank lines', () => {
    const t = readTable(csvFile('bom.csv', '\uFEFF"x",z\r\n1.5,"-2e-3"\r\n\r\n3,4\r\n'));
    expect(t.names).toEqual(['x', 'z']);
    expect(Array.from(t.columns.z!)).toEqual([-2e-3, 4]);
  });
});

describe('readTable Parquet errors', () => {
  it('readTable(f.parquet) rejects a file that is not Parquet, naming it', () => {
    const path = csvFile('fake.parquet', 'x,z\n1,2\n');
    const err = catchError(() => readTable(path));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/Not a readable Parquet file/);
    expect(err.file).toBe(path);
  });

  it('readTable(empty.parquet) says the file is empty', () => {
    expect(catchError(() => readTable(csvFile('empty.parquet', ''))).message).toMatch(/empty/);
  });

  it('readTable(no-rows.parquet) says there are no data rows', () => {
    const path = join(dir, 'norows.parquet');
    writeTable(path, makeTable({ x: [], z: [] }));
    expect(catchError(() => readTable(path)).message).toMatch(/no data rows/);
  });

  it('readTable(f.parquet, {columns}) names column and 1-based row of a NaN or Inf', () => {
    const path = join(dir, 'nan.parquet');
    writeTable(path, makeTable({ x: [1, 2, 3, 4], z: [0, 1, Infinity, 3] }));
    const err = catchError(() => readTable(path, { columns: ['z'] }));
    expect([err.file, err.column, err.row]).toEqual([path, 'z', 3]);
    expect(err.message).toMatch(/NaN\/Inf/);
    expect(readTable(path, { columns: ['x'] }).rows).toBe(4);
  });
});

describe('readTable/writeTable formats', () => {
  it.each(['data.txt', 'data.json', 'data'])('readTable(%s) throws UnsupportedFormatError listing .csv and .parquet', (name) => {
    const err = catchError(() => readTable(join(dir, name))) as unknown as UnsupportedFormatError;
    expect(err).toBeInstanceOf(UnsupportedFormatError);
    expect(err.message).toContain('.csv, .parquet');
  });

  it('writeTable(f.tsv) throws UnsupportedFormatError and writes nothing', () => {
    const path = join(dir, 'out.tsv');
    expect(() => writeTable(path, tableOfTricky())).toThrow(UnsupportedFormatError);
    expect(existsSync(path)).toBe(false);
  });

  it('readTable(F.CSV) matches the extension case-insensitively', () => {
    const path = join(dir, 'UPPER.CSV');
    writeTable(path, makeTable({ x: [1, 2] }));
    expect(readTable(path).rows).toBe(2);
  });
});

describe('writeTable atomicity', () => {
  it.each(['csv', 'parquet'])('writeTable(path.%s) that fails at the final rename leaves no file and no temporary file', (ext) => {
    const sub = mkdtempSync(join(dir, 'atomic-'));
    // A non-empty directory where the file should go: the final rename fails.
    const path = join(sub, `blocked.${ext}`);
    mkdirSync(join(path, 'inner'), { recursive: true });
    expect(() => writeTable(path, tableOfTricky())).toThrow();
    expect(readdirSync(sub)).toEqual([`blocked.${ext}`]);
    expect(statSync(path).isDirectory()).toBe(true);
  });

  it('writeTable(path, t) that fails while serialising leaves the previous file untouched', () => {
    const sub = mkdtempSync(join(dir, 'atomic-'));
    const path = join(sub, 'keep.csv');
    writeTable(path, makeTable({ x: [1, 2] }));
    const broken = { names: ['x', 'missing'], columns: { x: new Float64Array([1]) }, rows: 1 };
    expect(() => writeTable(path, broken)).toThrow();
    expect(readdirSync(sub)).toEqual(['keep.csv']);
    expect(Array.from(readTable(path).columns.x!)).toEqual([1, 2]);
  });
});

describe('requireVaryingColumn', () => {
  it('requireVaryingColumn(t, z, file) throws for a constant column, naming file and column', () => {
    const t = makeTable({ x: [1, 2, 3], z: [5, 5, 5] });
    const err = catchError(() => requireVaryingColumn(t, 'z', 'train.csv'));
    expect(err).toBeInstanceOf(InputError);
    expect([err.file, err.column]).toEqual(['train.csv', 'z']);
    expect(err.message).toMatch(/zero variance/);
  });

  it('requireVaryingColumn(t, x, file) returns a varying column', () => {
    const t = makeTable({ x: [1, 2, 3] });
    expect(Array.from(requireVaryingColumn(t, 'x', 'f.csv'))).toEqual([1, 2, 3]);
  });
});
