export { makeTable, type Table } from './table.js';
export { readTable, writeTable, TABLE_FORMATS, type ReadTableOptions } from './readTable.js';
export { requireVaryingColumn } from './requireVaryingColumn.js';
export { formatNumber } from './csv.js';
export { writeFileAtomic, writeDirAtomic } from './atomic.js';
