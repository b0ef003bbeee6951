import { parentPort, workerData } from 'node:worker_threads';
import { loadKernels } from '../engine/backend.js';
import { Command, Slot, SPIN_ITERATIONS, type WorkerInit } from './protocol.js';
import { ReplicaHost } from './replicaHost.js';

/**
 * A replica in a worker thread: waits on its control block, runs the command on its slice,
 * signals done. When its backend's memory is shared (WebAssembly), the main thread reads this
 * replica's gradients in place; otherwise they are copied into WorkerInit.grads.
 */
const init = workerData as WorkerInit;
const ctrl = init.control;
let host: ReplicaHost | undefined;
let gradsInPlace = false;
try {
  host = new ReplicaHost(init.spec, loadKernels(init.backend), init.data, init.shared, init.maxRows, init.maxParticles);
  gradsInPlace = host.grads.buffer instanceof SharedArrayBuffer;
  parentPort?.postMessage({ ready: true, kernels: host.kernelsName, grads: gradsInPlace ? host.grads : undefined });
} catch (err) {
  parentPort?.postMessage({ ready: false, error: String((err as Error)?.stack ?? err) });
}

let seen = 0;
while (host) {
  if (Atomics.load(ctrl, Slot.seq) === seen) {
    for (let spin = 0; spin < SPIN_ITERATIONS && Atomics.load(ctrl, Slot.seq) === seen; spin++);
    if (Atomics.load(ctrl, Slot.seq) === seen) Atomics.wait(ctrl, Slot.seq, seen, 2); // bounded: a lost notify costs 2 ms, never a hang
    continue;
  }
  seen = Atomics.load(ctrl, Slot.seq);
  const cmd = ctrl[Slot.cmd]!, start = ctrl[Slot.start]!, end = ctrl[Slot.end]!;
  if (cmd === Command.stop) break;
  try {
    if (cmd === Command.forward) host.forward(start, end);
    else if (cmd === Command.backward) {
      host.backward(start, end);
      if (!gradsInPlace) init.grads.set(host.grads);
    } else if (cmd === Command.predict) host.predict(start, end);
    else if (cmd === Command.pretrain) {
      init.result[0] = host.pretrain(start, end);
      if (!gradsInPlace) init.grads.set(host.grads);
    }
  } catch (err) {
    const text = new TextEncoder().encode(String((err as Error)?.stack ?? err)).subarray(0, init.error.length);
    init.error.fill(0);
    init.error.set(text);
    Atomics.store(ctrl, Slot.failed, 1);
  }
  Atomics.store(ctrl, Slot.done, seen);
  Atomics.notify(ctrl, Slot.done);
}
