import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Starts the worker entry `entry` (a module name without extension, beside `callerUrl`, the
 * caller's import.meta.url): the compiled `entry.js`, or, when ansatz runs from its TypeScript
 * sources (the tests), `entry.ts` behind tsx's loader registered in the worker.
 */
export function startWorker(callerUrl: string, entry: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(fileURLToPath(new URL(`./${entry}.js`, callerUrl)), { workerData });
  const tsxApi = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL(`./${entry}.ts`, callerUrl).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
