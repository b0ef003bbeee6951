import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Reads a whole file, turning "not found" / "is a directory" into InputErrors that name it. */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('File not found', { file }, 'Check the path (relative paths are resolved from the current directory).');
    if (code === 'EISDIR') throw new InputError('Expected a file but found a directory', { file });
    if (code === 'EACCES') throw new InputError('Permission denied reading the file', { file });
    throw err;
  }
}
