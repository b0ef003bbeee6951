import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** A temporary path beside `path` (same directory, so the final rename is atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

const pendingTemps = new Set<string>();
let exitHookInstalled = false;

/**
 * Removes `tmp` (a file or directory) if the process exits before the returned function is
 * called: for temporary files that take long to fill (a streamed simulation), so that an
 * interrupted run leaves nothing behind. 'exit' listeners run on process.exit() and normal ends,
 * not on a signal's default action: the CLI turns SIGINT and SIGTERM into process.exit.
 */
export function removeOnExit(tmp: string): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const path of pendingTemps) rmSync(path, { recursive: true, force: true });
    });
  }
  pendingTemps.add(tmp);
  return () => pendingTemps.delete(tmp);
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
