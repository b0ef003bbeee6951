import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** A temporary path beside `path` (same directory, so the final rename is atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/**
 * Writes a file so that readers see either the old content or the whole new one, never a part:
 * write to a temporary file beside it, then rename. On failure the temporary file is removed.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Builds a directory atomically: `fill` writes into a temporary directory beside `path`, which
 * then replaces `path` (an existing directory at `path` is replaced only after `fill` succeeded).
 */
export function writeDirAtomic(path: string, fill: (tmpDir: string) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  mkdirSync(tmp, { recursive: true });
  try {
    fill(tmp);
    const old = `${tmp}.old`;
    let moved = false;
    try {
      renameSync(path, old);
      moved = true;
    } catch {
      /* nothing at path yet */
    }
    renameSync(tmp, path);
    if (moved) rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
